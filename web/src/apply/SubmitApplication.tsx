import { useRef, useState } from "preact/hooks";
import { request } from "../api/client";
import type { ErrorCode } from "../api/errors";
import { SubmitApplicationDocument, type ApplicationDetailsFragment } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { announce } from "../ui/announcer";
import type { ApplyActions } from "./actions";
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
export function SubmitApplication({ application, actions }: { application: ApplicationDetailsFragment; actions: ApplyActions }) {
  const words = useWords(applyWords);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  const pendingKey = useRef<string | null>(null);

  const submit = async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    actions.setError(null);
    const idempotencyKey = pendingKey.current ?? crypto.randomUUID();
    pendingKey.current = idempotencyKey;
    try {
      await request(SubmitApplicationDocument, { id: application.id, idempotencyKey });
      pendingKey.current = null;
      announce(words.submitted);
      await actions.reload();
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
