import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { request } from "../api/client";
import { ApiError } from "../api/errors";
import { useApiError } from "../api/useApiError";
import { ErrorBlock } from "../ui/ErrorBlock";
import { asApiError } from "../apply/errors";
import { shipmentStatusLabels } from "../family/labels";
import { ShipmentsCaseDocument, ShipmentsRecordEventDocument, type ShipmentsCaseDetailsFragment, type ShipmentStatus } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { riyadhLocalMinute, riyadhLocalToDateTime } from "../../../kernel/riyadhCalendar";
import { formatNumber } from "../i18n/format";
import { useLanguage } from "../i18n/language";
import { purposeHeaders, rememberPurpose } from "../ui/purpose";
import { useSession } from "../session/session";
import { AddressFacts } from "../ui/AddressFacts";
import { announce, clearAnnouncement } from "../ui/announcer";
import { Code, Day, Moment } from "../ui/Dates";
import { ErrorSummary } from "../ui/ErrorSummary";
import { Field } from "../ui/Field";
import { commonWords } from "../ui/words";
import { CasePurpose } from "../ui/CasePurpose";
import { Timeline } from "../ui/Timeline";
import { isFinal, isLastAttempt, nextStatuses } from "./moves";
import { shipmentsWords } from "./words";
import { RecordedText } from "../ui/RecordedText";

interface ShipmentCaseProps {
  panelId: string;
  trackingNumber: string;
  /** What the operator stated when he opened this shipment on this screen; null: not asked yet. */
  purpose: string | null;
  onPurpose(purpose: string): void;
  /** The shipment as the API answered after an event (or a fresh read after a refusal). */
  onChanged(shipment: ShipmentsCaseDetailsFragment): void;
  onClose(): void;
}

/**
 * One shipment opened in place: first the purpose of access (asked for every shipment opened), then
 * the shipment read with it: its facts, its timeline and the next event's form.
 */
export function ShipmentCase({ panelId, trackingNumber, purpose, onPurpose, onChanged, onClose }: ShipmentCaseProps) {
  const words = useWords(shipmentsWords);
  const { session } = useSession();
  const officerId = session?.nationalId ?? "";
  const heading = useRef<HTMLHeadingElement>(null);
  const [changing, setChanging] = useState(false);

  return (
    <section id={panelId} class="card shipment-case" aria-labelledby={`${panelId}-title`}>
      <div class="case-head">
        <h2 id={`${panelId}-title`} tabIndex={-1} ref={heading}>
          {words.detailsTitle} <Code value={trackingNumber} />
        </h2>
        <button type="button" aria-label={words.closeCase(trackingNumber)} onClick={onClose}>
          {words.close}
        </button>
      </div>
      {purpose === null || changing ? (
        <CasePurpose
          id={`${panelId}-purpose`}
          officerId={officerId}
          words={words}
          initial={purpose ?? ""}
          level={3}
          focus
          onOpen={(stated) => {
            if (officerId) rememberPurpose(officerId, stated);
            setChanging(false);
            onPurpose(stated);
          }}
        />
      ) : (
        <>
          <p class="stated-purpose">
            <span>
              {words.statedPurpose}: <RecordedText text={purpose} />
            </span>{" "}
            <button type="button" class="link-button" onClick={() => setChanging(true)}>
              {words.changePurpose}
            </button>
          </p>
          <CaseBody key={purpose} trackingNumber={trackingNumber} headers={purposeHeaders(purpose)} onChanged={onChanged} onOpened={() => heading.current?.focus()} />
        </>
      )}
    </section>
  );
}

interface CaseBodyProps {
  trackingNumber: string;
  headers: Record<string, string>;
  onChanged(shipment: ShipmentsCaseDetailsFragment): void;
  /** The shipment was read the first time: the keyboard goes to its heading. */
  onOpened(): void;
}

function CaseBody({ trackingNumber, headers, onChanged, onOpened }: CaseBodyProps) {
  const words = useWords(shipmentsWords);
  const common = useWords(commonWords);
  const language = useLanguage();
  const [state, setState] = useState<{ shipment: ShipmentsCaseDetailsFragment | null; error: ApiError | null; loading: boolean }>({ shipment: null, error: null, loading: true });
  const opened = useRef(false);

  const load = useCallback(async (): Promise<void> => {
    setState((previous) => ({ ...previous, loading: true }));
    try {
      const shipment = (await request(ShipmentsCaseDocument, { trackingNumber }, { headers })).shipment;
      // A shipment nobody may see and one that does not exist answer alike.
      setState({ shipment, error: shipment ? null : new ApiError(words.notFound, "NOT_FOUND"), loading: false });
      if (shipment && opened.current) onChanged(shipment);
    } catch (failure) {
      setState({ shipment: null, error: asApiError(failure), loading: false });
    }
    // The headers are the case's purpose, fixed while it is open; the language words the events.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [trackingNumber, language]);

  useEffect(() => {
    void load();
  }, [load]);

  const shipment = state.shipment;
  useEffect(() => {
    if (shipment && !opened.current) {
      opened.current = true;
      onOpened();
      announce(words.opened(trackingNumber));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shipment]);

  if (!shipment) {
    return (
      <>
        {state.loading && <p role="status">{common.loading}</p>}
        <ErrorSummary error={state.error} onRetry={() => void load()} />
      </>
    );
  }
  return (
    <div class="case-body">
      <ShipmentFacts shipment={shipment} />
      <RecordEvent
        shipment={shipment}
        headers={headers}
        onRecorded={(next) => {
          setState({ shipment: next, error: null, loading: false });
          onChanged(next);
        }}
        onStale={load}
      />
      <h3>{words.timelineTitle}</h3>
      <Timeline events={shipment.events} empty={words.noEvents} quietDescriptions />
      <details class="address">
        <summary>{words.deliveryAddress}</summary>
        <AddressFacts address={shipment.address} />
      </details>
    </div>
  );
}

function ShipmentFacts({ shipment }: { shipment: ShipmentsCaseDetailsFragment }) {
  const words = useWords(shipmentsWords);
  const statuses = useWords(shipmentStatusLabels);
  const language = useLanguage();
  return (
    <dl class="facts">
      <dt>{words.status}</dt>
      <dd>{statuses[shipment.status]}</dd>
      <dt>{words.delay}</dt>
      <dd>{shipment.isDelayed ? <span class="badge warn">{words.delayed}</span> : words.onTime}</dd>
      <dt>{words.recipient}</dt>
      <dd>
        <RecordedText text={shipment.recipientName} />
      </dd>
      <dt>{words.city}</dt>
      <dd>
        <RecordedText text={shipment.address.city} />
      </dd>
      <dt>{words.carrier}</dt>
      <dd>
        <bdi>{shipment.carrier}</bdi>
      </dd>
      <dt>{words.attempts}</dt>
      <dd>{formatNumber(shipment.attempts, language)}</dd>
      <dt>{words.estimated}</dt>
      <dd>{shipment.estimatedDeliveryDate ? <Day value={shipment.estimatedDeliveryDate} /> : words.notSet}</dd>
      <dt>{words.createdAt}</dt>
      <dd>
        <Moment value={shipment.createdAt} />
      </dd>
      {shipment.deliveredAt && (
        <>
          <dt>{words.deliveredAt}</dt>
          <dd>
            <Moment value={shipment.deliveredAt} />
          </dd>
        </>
      )}
    </dl>
  );
}

interface RecordEventProps {
  shipment: ShipmentsCaseDetailsFragment;
  headers: Record<string, string>;
  onRecorded(shipment: ShipmentsCaseDetailsFragment): void;
  /** The API refused the move as out of date: the shipment is read again. */
  onStale(): Promise<void>;
}

/** The next event: a status the shipment's own may move to, and where it happened (optional). */
function RecordEvent({ shipment, headers, onRecorded, onStale }: RecordEventProps) {
  const words = useWords(shipmentsWords);
  const statuses = useWords(shipmentStatusLabels);
  const moves = nextStatuses(shipment.status);
  const [chosen, setChosen] = useState<ShipmentStatus | null>(null);
  const [location, setLocation] = useState("");
  // "" for now; else a `datetime-local` value, Riyadh time.
  const [at, setAt] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useApiError();
  const select = useRef<HTMLSelectElement>(null);
  // The choice holds while the status allows it; otherwise the first move the status allows.
  const status = chosen && moves.includes(chosen) ? chosen : moves[0];

  if (!status) {
    return (
      <p class="ok" id="shipment-done" tabIndex={-1}>
        {isFinal(shipment.status) ? words.leftQueue : words.noMoves}
      </p>
    );
  }

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    if (at && Date.parse(riyadhLocalToDateTime(at)) > Date.now()) {
      // Cleared first, as a request clears it: the summary takes the keyboard again on a second try.
      setError(null);
      requestAnimationFrame(() => setError(new ApiError(words.formProblems, "BAD_USER_INPUT", [{ field: "at", rule: "IN_FUTURE", message: words.happenedAtFuture }])));
      return;
    }
    setBusy(true);
    setError(null);
    announce(words.recording);
    try {
      const variables = { trackingNumber: shipment.trackingNumber, status, location: location.trim() || null, at: at ? riyadhLocalToDateTime(at) : null };
      const next = (await request(ShipmentsRecordEventDocument, variables, { headers })).recordTrackingEvent;
      setLocation("");
      setAt("");
      setChosen(null);
      onRecorded(next);
      const said = words.recorded(next.trackingNumber, statuses[next.status]);
      announce(isFinal(next.status) ? `${said}. ${words.leftQueue}` : said);
      // The keyboard stays where the next event is chosen, or lands on the word that it left the queue.
      setTimeout(() => (isFinal(next.status) ? document.getElementById("shipment-done")?.focus() : select.current?.focus()), 0);
    } catch (failure) {
      const refusal = asApiError(failure);
      clearAnnouncement();
      setError(refusal);
      // Someone else moved it, or it is gone: the shipment is shown as it is now.
      if (refusal.code === "INVALID_STATE" || refusal.code === "CONFLICT" || refusal.code === "NOT_FOUND") await onStale();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="record-event" noValidate onSubmit={submit} aria-labelledby="shipment-record-title">
      <h3 id="shipment-record-title">{words.formTitle}</h3>
      <ErrorBlock
        error={error}
        fields={[
          ["status", words.newStatus, "shipment-new-status"],
          ["location", words.location, "shipment-location"],
          ["at", words.happenedAt, "shipment-at"],
        ]}
      />
      <Field id="shipment-new-status" label={words.newStatus} hint={words.newStatusHint} violations={error?.violationsOf("status")}>
        {(described) => (
          <select {...described} ref={select} value={status} onChange={(event) => setChosen(event.currentTarget.value as ShipmentStatus)}>
            {moves.map((move) => (
              <option key={move} value={move}>
                {statuses[move]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {status === "DELIVERY_FAILED" && isLastAttempt(shipment) && <p class="notice">{words.lastAttempt}</p>}
      <Field id="shipment-location" label={words.location} hint={words.locationHint} violations={error?.violationsOf("location")}>
        {(described) => <input {...described} type="text" autoComplete="off" value={location} onInput={(event) => setLocation(event.currentTarget.value)} />}
      </Field>
      <Field id="shipment-at" label={words.happenedAt} hint={words.happenedAtHint} violations={error?.violationsOf("at")}>
        {(described) => <input {...described} type="datetime-local" dir="ltr" max={riyadhLocalMinute(new Date())} value={at} onInput={(event) => setAt(event.currentTarget.value)} />}
      </Field>
      <button type="submit" class="primary" disabled={busy}>
        {busy ? words.recording : words.record}
      </button>
    </form>
  );
}
