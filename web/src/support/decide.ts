import { useState } from "preact/hooks";
import { request } from "../api/client";
import { ApiError } from "../api/errors";
import { useApiError } from "../api/useApiError";
import { asApiError } from "../apply/errors";
import { SupportDecideEnrollmentDocument } from "../graphql/graphql";
import { announce, clearAnnouncement } from "../ui/announcer";

/** What a decision names: the enrollment, and the program and family the officer reads on its buttons. */
export interface Decidable {
  id: string;
  programName: string;
  registerNumber: string;
}

interface DecideWords {
  deciding: string;
  approved(program: string, register: string): string;
  rejected(program: string, register: string): string;
  noLongerEligible(program: string, register: string): string;
}

/**
 * An approval refused because the family is no longer eligible (every violation NOT_ELIGIBLE, one
 * per reason) says so, with the reasons under it, instead of the API's generic "invalid input".
 */
export function decisionRefusal(error: ApiError, enrollment: Decidable, words: Pick<DecideWords, "noLongerEligible">): ApiError {
  const notEligible = error.violations.length > 0 && error.violations.every((violation) => violation.rule === "NOT_ELIGIBLE");
  return notEligible ? new ApiError(words.noLongerEligible(enrollment.programName, enrollment.registerNumber), error.code, error.violations, error.reason) : error;
}

/**
 * decideEnrollment, one at a time: said when done, then `after` (the list or the family read again).
 * A refusal (INVALID_STATE when someone decided first, FORBIDDEN...) is kept in the API's words,
 * and the list is read again too, so it shows what is still pending.
 */
export function useDecide(headers: Record<string, string>, words: DecideWords, after: () => Promise<void>) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useApiError();
  const decide = async (enrollment: Decidable, approve: boolean) => {
    if (busy) return;
    setBusy(enrollment.id);
    setError(null);
    announce(words.deciding);
    try {
      await request(SupportDecideEnrollmentDocument, { id: enrollment.id, approve }, { headers });
      await after();
      announce((approve ? words.approved : words.rejected)(enrollment.programName, enrollment.registerNumber));
    } catch (failure) {
      clearAnnouncement();
      setError(decisionRefusal(asApiError(failure), enrollment, words));
      await after();
    } finally {
      setBusy(null);
    }
  };
  return { decide, busy, error };
}
