import { useRef, useState } from "preact/hooks";
import { request } from "../api/client";
import { useApiError } from "../api/useApiError";
import { ErrorBlock } from "../ui/ErrorBlock";
import { asApiError } from "../apply/errors";
import {
  ReviewApproveDocument,
  ReviewIssueCardDocument,
  ReviewRejectDocument,
  ReviewRequestCorrectionDocument,
  ReviewStartDocument,
  type CaseDetailsFragment,
} from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { announce } from "../ui/announcer";
import { Field } from "../ui/Field";
import { reviewWords } from "./words";

interface MovesProps {
  application: CaseDetailsFragment;
  headers: Record<string, string>;
  /** The application as the move left it. */
  onMoved(next: CaseDetailsFragment): void;
  /** Reads the application again; null when it could not be read. */
  reload(): Promise<CaseDetailsFragment | null>;
}

/**
 * The officer's moves the status allows (RULES.md state machine), each sending the version shown:
 * SUBMITTED → start review; UNDER_REVIEW → request correction (notes), approve, reject (reason);
 * APPROVED → issue the card. None when four-eyes keeps him from the case.
 */
export function Moves({ application, headers, onMoved, reload }: MovesProps) {
  const words = useWords(reviewWords);
  const [error, setError] = useApiError();
  const [reloaded, setReloaded] = useState(false);
  const [busy, setBusy] = useState(false);
  // A move refused for four-eyes, when the application did not say so (viewerMayAct unknown).
  const [blocked, setBlocked] = useState(false);
  const [notes, setNotes] = useState("");
  const [reason, setReason] = useState("");
  const heading = useRef<HTMLHeadingElement>(null);
  const inFlight = useRef(false);
  const mayAct = application.viewerMayAct !== false && !blocked;
  const expected = { id: application.id, expectedVersion: application.version };

  /** Runs a move: its result shown and said; a stale or impossible one shown and the fresh state read. */
  const act = async (run: () => Promise<[next: CaseDetailsFragment, said: string]>) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    setReloaded(false);
    try {
      const [next, said] = await run();
      setNotes("");
      setReason("");
      onMoved(next);
      announce(said);
      heading.current?.focus();
    } catch (failure) {
      const refusal = asApiError(failure);
      setError(refusal);
      if (refusal.code === "FORBIDDEN" && refusal.reason === "FOUR_EYES") setBlocked(true);
      if (refusal.code === "CONFLICT" || refusal.code === "INVALID_STATE") {
        if (await reload()) {
          setReloaded(true);
          announce(words.reloaded);
        }
      }
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  const startReview = () =>
    act(async () => [(await request(ReviewStartDocument, expected, { headers })).startReview, words.reviewStarted]);
  const approve = () =>
    act(async () => [(await request(ReviewApproveDocument, expected, { headers })).approveCardApplication, words.approved]);
  const requestCorrection = (event: Event) => {
    event.preventDefault();
    void act(async () => [(await request(ReviewRequestCorrectionDocument, { ...expected, notes }, { headers })).requestCorrection, words.correctionRequested]);
  };
  const reject = (event: Event) => {
    event.preventDefault();
    void act(async () => [(await request(ReviewRejectDocument, { ...expected, reason }, { headers })).rejectCardApplication, words.rejected]);
  };
  // issueFamilyCard takes no expectedVersion (the contract's signature): the status check is the API's.
  const issue = () =>
    act(async () => {
      const card = (await request(ReviewIssueCardDocument, { applicationId: application.id }, { headers })).issueFamilyCard;
      return [card.application, words.issued(card.cardNumber)];
    });

  const status = application.status;
  return (
    <section class="card moves" aria-labelledby="case-moves-title">
      <h2 id="case-moves-title" tabIndex={-1} ref={heading}>
        {words.movesTitle}
      </h2>
      <ErrorBlock
        error={error}
        fields={[
          ["notes", words.correctionNotes, "case-correction-notes"],
          ["reason", words.rejectionReason, "case-rejection-reason"],
        ]}
      />
      {reloaded && <p class="notice">{words.reloaded}</p>}
      {!mayAct ? (
        <div class="notice four-eyes">
          <p>
            <strong>{words.fourEyes}</strong>
          </p>
          <p>{words.fourEyesHint}</p>
        </div>
      ) : status === "SUBMITTED" ? (
        <div class="actions">
          <button type="button" class="primary" disabled={busy} onClick={() => void startReview()}>
            {words.startReview}
          </button>
        </div>
      ) : status === "UNDER_REVIEW" ? (
        <>
          <div class="actions">
            <button type="button" class="primary" disabled={busy} onClick={() => void approve()}>
              {words.approve}
            </button>
          </div>
          <form class="move-form" noValidate onSubmit={requestCorrection}>
            <Field id="case-correction-notes" label={words.correctionNotes} hint={words.correctionHint} violations={error?.violationsOf("notes") ?? []}>
              {(described) => <textarea {...described} rows={3} required aria-required="true" value={notes} onInput={(event) => setNotes(event.currentTarget.value)} />}
            </Field>
            <button type="submit" disabled={busy}>
              {words.requestCorrection}
            </button>
          </form>
          <form class="move-form" noValidate onSubmit={reject}>
            <Field id="case-rejection-reason" label={words.rejectionReason} hint={words.rejectionHint} violations={error?.violationsOf("reason") ?? []}>
              {(described) => <textarea {...described} rows={3} required aria-required="true" value={reason} onInput={(event) => setReason(event.currentTarget.value)} />}
            </Field>
            <button type="submit" class="danger" disabled={busy}>
              {words.reject}
            </button>
          </form>
        </>
      ) : status === "APPROVED" ? (
        <div class="actions">
          <button type="button" class="primary" disabled={busy} onClick={() => void issue()}>
            {words.issueCard}
          </button>
        </div>
      ) : (
        <p>{words.noMoves}</p>
      )}
    </section>
  );
}
