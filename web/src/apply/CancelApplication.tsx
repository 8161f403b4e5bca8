import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { request } from "../api/client";
import { CancelApplicationDocument } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { announce } from "../ui/announcer";
import type { ApplyActions } from "./actions";
import { asApiError } from "./errors";
import { applyWords } from "./words";

interface CancelApplicationProps {
  applicationId: string;
  actions: ApplyActions;
  onCancelled(): void;
}

/** "Cancel application", then an inline "are you sure" with the button that really cancels. */
export function CancelApplication({ applicationId, actions, onCancelled }: CancelApplicationProps) {
  const words = useWords(applyWords);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  // The safe choice takes the keyboard: Enter pressed twice never cancels for good.
  const no = useRef<HTMLButtonElement>(null);
  const ask = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useLayoutEffect(() => {
    if (confirming) no.current?.focus();
    else if (asked.current) ask.current?.focus();
  }, [confirming]);

  const cancel = async () => {
    setBusy(true);
    actions.setError(null);
    try {
      await request(CancelApplicationDocument, { id: applicationId });
      announce(words.cancelled);
      onCancelled();
    } catch (failure) {
      actions.setError(asApiError(failure));
      setConfirming(false);
      await actions.reload();
    } finally {
      setBusy(false);
    }
  };

  if (!confirming) {
    return (
      <div class="actions">
        <button
          type="button"
          class="danger"
          ref={ask}
          onClick={() => {
            asked.current = true;
            setConfirming(true);
          }}
        >
          {words.cancel}
        </button>
      </div>
    );
  }
  return (
    <div
      class="confirm"
      onKeyDown={(event) => {
        if (event.key === "Escape" && !busy) setConfirming(false);
      }}
    >
      <p id="cancel-confirm-text">{words.cancelConfirm}</p>
      <div class="actions">
        <button type="button" class="danger" aria-describedby="cancel-confirm-text" disabled={busy} onClick={() => void cancel()}>
          {words.cancelYes}
        </button>
        <button type="button" ref={no} aria-describedby="cancel-confirm-text" disabled={busy} onClick={() => setConfirming(false)}>
          {words.cancelNo}
        </button>
      </div>
    </div>
  );
}
