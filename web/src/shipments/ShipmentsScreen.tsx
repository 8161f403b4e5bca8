import { useEffect, useRef, useState } from "preact/hooks";
import { useQuery } from "../api/useQuery";
import { shipmentStatusLabels } from "../family/labels";
import { ShipmentsAwaitingDocument, type ShipmentsCaseDetailsFragment, type ShipmentsQueueItemFragment, type ShipmentStatus } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { formatNumber } from "../i18n/format";
import { useLanguage } from "../i18n/language";
import { purposeHeaders } from "../ui/purpose";
import { QueueResults } from "../ui/QueueResults";
import { LookUp } from "../ui/LookUp";
import { announce } from "../ui/announcer";
import { Code, Moment } from "../ui/Dates";
import { ErrorSummary } from "../ui/ErrorSummary";
import { hrefOf } from "../router";
import { FIRST_PAGE, type PagePosition, pageNumberOf } from "../ui/Pager";
import { ScreenHeading } from "../ui/ScreenHeading";
import { commonWords } from "../ui/words";
import { ShipmentCase } from "./ShipmentCase";
import { isFinal, latestEventAt } from "./moves";
import "./shipments.css";
import { shipmentsWords } from "./words";
import { RecordedText } from "../ui/RecordedText";
import { StackedHead } from "../ui/StackedHead";

/** A UPU S10 item identifier, as Saudi Post prints it (RR123456789SA). */
const TRACKING_NUMBER = /^[A-Z]{2}\d{9}[A-Z]{2}$/;

/** Shipments per page of the queue. */
const PAGE = 20;

/** The id of the open shipment's panel, which its row's control names (aria-controls). */
export const CASE_PANEL_ID = "shipment-case";

const recordButtonId = (trackingNumber: string) => `shipment-record-${trackingNumber}`;

/**
 * Saudi Post's operators (`#/shipments`): the shipments waiting for their next tracking event, a
 * page at a time, the one waiting longest first; each opens in place (`#/shipments/<tracking>`
 * opens it at once), with its stated purpose, its timeline and the event form. A recorded event
 * refreshes its row; a shipment delivered (or returned to the office) leaves the queue. Anyone else
 * sees the API's refusal.
 */
export function ShipmentsScreen({ id }: { id?: string }) {
  const words = useWords(shipmentsWords);
  const common = useWords(commonWords);
  const statuses = useWords(shipmentStatusLabels);
  const language = useLanguage();
  const [position, setPosition] = useState<PagePosition>(FIRST_PAGE);
  const { data, error, loading, reload } = useQuery(ShipmentsAwaitingDocument, { first: PAGE, after: position.after }, { headers: purposeHeaders(words.queuePurpose) });
  // The shipment open in place, and what the operator stated for each one he opened on this screen.
  const [open, setOpen] = useState<string | null>(id ?? null);
  const [purposes, setPurposes] = useState<Record<string, string>>({});
  // The rows the operator moved since the page was read: refreshed from the API's answer, or gone (null).
  const [moved, setMoved] = useState<Record<string, ShipmentsQueueItemFragment | null>>({});
  const results = useRef<HTMLDivElement>(null);
  const turned = useRef(false);
  const number = (value: number) => formatNumber(value, language);

  // The shipment open in place is the address's (`#/shipments/<tracking>`): a reload or a link
  // opens it again, and Back closes it. The screen stays mounted, with its page and rows.
  useEffect(() => setOpen(id ?? null), [id]);
  const show = (trackingNumber: string | null) => {
    location.hash = hrefOf("shipments", trackingNumber ?? undefined);
  };

  const queue = data?.shipmentsAwaitingEvent ?? null;
  const rows = (queue?.edges ?? []).flatMap(({ node }) => {
    const row = node.trackingNumber in moved ? moved[node.trackingNumber] : node;
    return row ? [row] : [];
  });
  const left = (queue?.edges ?? []).filter(({ node }) => moved[node.trackingNumber] === null).length;
  const total = queue ? Math.max(0, queue.totalCount - left) : 0;

  useEffect(() => {
    // After a page turn the page read is said, and the keyboard starts at its top.
    if (!turned.current || loading || !queue) return;
    turned.current = false;
    announce(words.pageShown(number(pageNumberOf(position)), number(rows.length), number(total)));
    results.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queue, loading]);

  const turn = (next: PagePosition) => {
    turned.current = true;
    setMoved({});
    if (open) show(null);
    setPosition(next);
  };

  const close = (trackingNumber: string) => {
    show(null);
    // Back to the row's control, or to the list when the shipment left it.
    const control = document.getElementById(recordButtonId(trackingNumber));
    if (control) control.focus();
    else results.current?.focus();
  };

  const changed = (shipment: ShipmentsCaseDetailsFragment) => {
    setMoved((previous) => ({ ...previous, [shipment.trackingNumber]: isFinal(shipment.status) ? null : shipment }));
  };

  // Someone the API refuses the queue (not a postal operator) sees why, and nothing to work with.
  const refused = error?.code === "FORBIDDEN" || error?.code === "UNAUTHENTICATED";
  return (
    <div class="shipments">
      <ScreenHeading>{words.title}</ScreenHeading>
      {!refused && <p>{words.intro}</p>}
      {!refused && <LookUp id="find-shipment" label={words.findShipment} screen="shipments" shape={TRACKING_NUMBER} shapeMessage={words.trackingShape} />}
      {loading && !queue && <p role="status">{common.loading}</p>}
      <ErrorSummary error={error} onRetry={refused ? undefined : () => void reload()} />
      {queue && (
        <QueueResults
          resultsRef={results}
          loading={loading}
          total={words.total(number(total))}
          page={position.earlier.length > 0 ? words.pageNumber(number(pageNumberOf(position))) : null}
          empty={rows.length === 0 ? words.empty : null}
          caption={words.caption(number(total))}
          tableClass="shipments-table"
          pager={{ label: words.pagination, position, pageInfo: queue.pageInfo, onMove: turn }}
        >
          <StackedHead columns={[words.trackingNumber, words.recipient, words.city, words.status, words.latestEvent, words.delay, words.attempts, words.action]} />
          <tbody role="rowgroup">
            {rows.map((shipment) => (
              <tr role="row" key={shipment.trackingNumber} class={open === shipment.trackingNumber ? "open" : undefined}>
                <th scope="row" role="rowheader" data-label={words.trackingNumber}>
                  <Code value={shipment.trackingNumber} />
                </th>
                <td role="cell" data-label={words.recipient} class="name">
                  <RecordedText text={shipment.recipientName} />
                </td>
                <td role="cell" data-label={words.city}>
                  <RecordedText text={shipment.address.city} />
                </td>
                <td role="cell" data-label={words.status}>{statuses[shipment.status as ShipmentStatus]}</td>
                <td role="cell" data-label={words.latestEvent} class="when">
                  <Moment value={latestEventAt(shipment)} />
                </td>
                <td role="cell" data-label={words.delay}>{shipment.isDelayed ? <span class="badge warn">{words.delayed}</span> : <span class="muted">{words.onTime}</span>}</td>
                <td role="cell" data-label={words.attempts}>{number(shipment.attempts)}</td>
                <td role="cell">
                  <button
                    type="button"
                    id={recordButtonId(shipment.trackingNumber)}
                    aria-label={words.recordEventFor(shipment.trackingNumber)}
                    aria-expanded={open === shipment.trackingNumber}
                    aria-controls={open === shipment.trackingNumber ? CASE_PANEL_ID : undefined}
                    onClick={() => (open === shipment.trackingNumber ? close(shipment.trackingNumber) : show(shipment.trackingNumber))}
                  >
                    {words.recordEvent}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </QueueResults>
      )}
      {/* Opened once the queue is read: whom the API refuses the queue (not a postal operator) is asked nothing. */}
      {open && queue && (
        <ShipmentCase
          key={open}
          panelId={CASE_PANEL_ID}
          trackingNumber={open}
          purpose={purposes[open] ?? null}
          onPurpose={(purpose) => setPurposes((previous) => ({ ...previous, [open]: purpose }))}
          onChanged={changed}
          onClose={() => close(open)}
        />
      )}
    </div>
  );
}
