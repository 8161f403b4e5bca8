import { useEffect, useRef, useState } from "preact/hooks";
import { request } from "../api/client";
import { useApiError } from "../api/useApiError";
import { asApiError } from "../apply/errors";
import { FamilyEnrollInProgramDocument, type BenefitProgramCode, type EnrollmentStatus } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { announce, clearAnnouncement } from "../ui/announcer";
import { ErrorBlock } from "../ui/ErrorBlock";
import { enrollmentStatusLabels } from "./labels";
import { familyWords } from "./words";

interface ProgramEnrollmentProps {
  registerNumber: string;
  program: { code: BenefitProgramCode; name: string };
  eligible: boolean;
  /** The family's PENDING or APPROVED enrollment in the program, if any: only one may be open. */
  openStatus: EnrollmentStatus | null;
  /** Only the head of the family applies (the API refuses anyone else). */
  viewerIsHead: boolean;
  /** Reads the family again, so its enrollments show the new request. */
  onEnrolled(): Promise<void>;
}

/**
 * Under a program's eligibility: the family's open request for it, or the head's button to apply
 * when the family is eligible. A refusal (no longer eligible, a request already open) is shown in
 * the API's words beside the button.
 */
export function ProgramEnrollment({ registerNumber, program, eligible, openStatus, viewerIsHead, onEnrolled }: ProgramEnrollmentProps) {
  const words = useWords(familyWords);
  const statuses = useWords(enrollmentStatusLabels);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useApiError();
  // After applying, the button is gone: the keyboard goes to the line that replaces it.
  const applied = useRef(false);
  const status = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (openStatus && applied.current) status.current?.focus();
    applied.current = false;
  }, [openStatus]);

  const enroll = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    announce(words.enrolling);
    try {
      await request(FamilyEnrollInProgramDocument, { registerNumber, program: program.code });
      applied.current = true;
      await onEnrolled();
      announce(words.enrolled(program.name));
    } catch (failure) {
      clearAnnouncement();
      setError(asApiError(failure));
      await onEnrolled();
    } finally {
      setBusy(false);
    }
  };

  // A refusal stays on screen when the family read again no longer offers the button (no longer eligible, a request already open).
  const refusal = error && <ErrorBlock error={error} />;
  if (openStatus) {
    return (
      <>
        {refusal}
        <p ref={status} tabIndex={-1}>
          {words.enrollmentOpen(statuses[openStatus])}
        </p>
      </>
    );
  }
  if (!eligible) return refusal || null;
  if (!viewerIsHead) return <p class="hint">{words.headApplies}</p>;
  return (
    <>
      {refusal}
      <div class="actions">
        <button type="button" class="primary" disabled={busy} onClick={() => void enroll()}>
          {words.enroll(program.name)}
        </button>
      </div>
    </>
  );
}
