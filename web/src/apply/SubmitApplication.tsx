import { useRef, useState } from "preact/hooks";
import { request } from "../api/client";
import type { ErrorCode } from "../api/errors";
import { SubmitApplicationDocument, type ApplicationDetailsFragment } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { announce } from "../ui/announcer";
import type { ApplyActions, UnsavedEdits } from "./actions";
import { asApiError } from "./errors";
import { Fee } from "./Fee";
import { applyWords } from "./words";

/** Failures after which the submission may or may not have happened: the retry reuses the key. */
const OUTCOME_UNKNOWN: ErrorCode[] = ["OFFLINE", "UNEXPECTED", "INTERNAL_SERVER_ERROR"];

/**
 * The fee, then "Submit application". One idempotency key per attempt, kept for a retry after a
 * network failure, so the API moves the application once however often the request arrives; the
 * button is disabled while the request is under way, and a second click meanwhile does nothing.
 */
interface SubmitApplicationProps {
  application: ApplicationDetailsFragment;
  actions: ApplyActions;
  saveUnsaved: UnsavedEdits;
  /** Submitted and read again: the button is gone, the keyboard goes elsewhere. */
  onSubmitted(): void;
}

export function SubmitApplication({ application, actions, saveUnsaved, onSubmitted }: SubmitApplicationProps) {
  const words = useWords(applyWords);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  const pendingKey = useRef<string | null>(null);

  const submit = async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    actions.setError(null);
    // Edits not saved yet are saved first (a refusal shows as a save's would): the API submits what it holds.
    if (!(await (saveUnsaved.current?.() ?? true))) {
      inFlight.current = false;
      setBusy(false);
      return;
    }
    const idempotencyKey = pendingKey.current ?? crypto.randomUUID();
    pendingKey.current = idempotencyKey;
    try {
      await request(SubmitApplicationDocument, { id: application.id, idempotencyKey });
      pendingKey.current = null;
      announce(words.submitted);
      await actions.reload();
      onSubmitted();
    } catch (failure) {
      const error = asApiError(failure);
      if (!OUTCOME_UNKNOWN.includes(error.code)) pendingKey.current = null;
      actions.setError(error);
      if (error.code === "INVALID_STATE" || error.code === "CONFLICT") await actions.reload();
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  return (
    <>
      <h3>{words.submitTitle}</h3>
      <p>
        {words.fee}: <strong><Fee fee={application.fee} /></strong>
      </p>
      <p class="hint">{words.submitHint}</p>
      <button type="button" class="primary" disabled={busy} onClick={() => void submit()}>
        {busy ? words.submitting : words.submit}
      </button>
    </>
  );
}
