import { useEffect, useRef, useState } from "preact/hooks";
import { request } from "../api/client";
import { useQuery } from "../api/useQuery";
import { useApiError } from "../api/useApiError";
import { ErrorBlock } from "../ui/ErrorBlock";
import { asApiError } from "../apply/errors";
import { pickupStatusLabels } from "../family/labels";
import { PickupMarkCollectedDocument, PickupMarkReadyDocument, PickupOfficesDocument, PickupsAwaitingDocument, type OfficeFragment } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { formatNumber } from "../i18n/format";
import { useLanguage } from "../i18n/language";
import { purposeHeaders } from "../ui/purpose";
import { useSession } from "../session/session";
import { announce } from "../ui/announcer";
import { Code, Moment } from "../ui/Dates";
import { ErrorSummary } from "../ui/ErrorSummary";
import { FIRST_PAGE, type PagePosition, pageNumberOf } from "../ui/Pager";
import { Field } from "../ui/Field";
import { ScreenHeading } from "../ui/ScreenHeading";
import { commonWords } from "../ui/words";
import "./pickups.css";
import { pickupsWords } from "./words";
import { QueueResults } from "../ui/QueueResults";
import { replaceRoute } from "../router";
import { StackedHead } from "../ui/StackedHead";

const PAGE = 20;

/** Every office's cards, in the address. */
const ALL_OFFICES = "all";

/**
 * Office pickups: the cards waiting at a civil-affairs office, and (civil-affairs officers only,
 * RULES.md) the two moves: arrived at the office (PREPARING → READY_FOR_PICKUP) and collected
 * (READY_FOR_PICKUP → COLLECTED). A postal operator sees the list without them.
 */
export function PickupsScreen({ id }: { id?: string }) {
  const words = useWords(pickupsWords);
  const common = useWords(commonWords);
  const { data, error, loading, reload } = useQuery(PickupOfficesDocument, {});
  const offices = data?.civilAffairsOffices ?? [];
  // The office chosen is the address's (`#/pickups/<office>`, `#/pickups/all`): a reload or Back shows
  // it again. None, or one that is not an office: the first office, once the offices are read.
  const named = id === ALL_OFFICES ? "" : offices.find((office) => office.id === id)?.id;
  const chosen = named ?? offices[0]?.id;
  const choose = (office: string) => replaceRoute("pickups", office || ALL_OFFICES);
  // The offices are public; the queue is not. Anyone else is shown the API's refusal of the queue alone.
  const { session } = useSession();
  const reader = session?.roles.some((role) => role === "CIVIL_AFFAIRS_OFFICER" || role === "POST_OPERATOR") ?? false;

  return (
    <div class="pickups">
      <ScreenHeading>{words.title}</ScreenHeading>
      {reader && <p>{words.intro}</p>}
      {loading && !data && <p role="status">{common.loading}</p>}
      <ErrorSummary error={error} onRetry={() => void reload()} />
      {data && chosen !== undefined && (
        <>
          {reader && <OfficeSelect offices={offices} value={chosen} onChange={choose} />}
          <OfficeQueue key={chosen} officeId={reader ? chosen : ""} offices={offices} />
        </>
      )}
    </div>
  );
}

function OfficeSelect({ offices, value, onChange }: { offices: OfficeFragment[]; value: string; onChange(office: string): void }) {
  const words = useWords(pickupsWords);
  const language = useLanguage();
  return (
    <Field id="pickups-office" label={words.office}>
      {(described) => (
        <select {...described} class="narrow-select" value={value} onChange={(event) => onChange(event.currentTarget.value)}>
          {offices.map((office) => (
            <option key={office.id} value={office.id}>
              {language === "en" ? office.nameEn : office.nameAr}
            </option>
          ))}
          <option value="">{words.allOffices}</option>
        </select>
      )}
    </Field>
  );
}

/** One office's waiting cards (every office's with ""), a page at a time, with the officer's moves. */
function OfficeQueue({ officeId, offices }: { officeId: string; offices: OfficeFragment[] }) {
  const words = useWords(pickupsWords);
  const common = useWords(commonWords);
  const statuses = useWords(pickupStatusLabels);
  const language = useLanguage();
  const { session } = useSession();
  const officer = session?.roles.includes("CIVIL_AFFAIRS_OFFICER") ?? false;
  const headers = purposeHeaders(words.purpose);
  const [position, setPosition] = useState<PagePosition>(FIRST_PAGE);
  const { data, error, loading, reload } = useQuery(PickupsAwaitingDocument, { officeId: officeId || null, first: PAGE, after: position.after }, { headers });
  const [moveError, setMoveError] = useApiError();
  const [busy, setBusy] = useState(false);
  const results = useRef<HTMLDivElement>(null);
  // Set when the officer turns a page or moves a card: the list read is then focused (and a page said).
  const moved = useRef<"page" | "card" | null>(null);
  const queue = data?.pickupsAwaitingCollection ?? null;
  const number = (value: number) => formatNumber(value, language);
  const officeName = (office: OfficeFragment) => (language === "en" ? office.nameEn : office.nameAr);
  const here = offices.find((office) => office.id === officeId);

  useEffect(() => {
    if (!moved.current || loading || !queue) return;
    if (moved.current === "page") announce(words.pageShown(number(pageNumberOf(position)), number(queue.edges.length), number(queue.totalCount)));
    moved.current = null;
    results.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queue, loading]);

  const turn = (next: PagePosition) => {
    moved.current = "page";
    setPosition(next);
  };

  const act = async (cardNumber: string, ready: boolean) => {
    if (busy) return;
    setBusy(true);
    setMoveError(null);
    try {
      if (ready) await request(PickupMarkReadyDocument, { cardNumber }, { headers });
      else await request(PickupMarkCollectedDocument, { cardNumber }, { headers });
      announce(ready ? words.markedReady(cardNumber) : words.markedCollected(cardNumber));
      moved.current = "card";
      await reload();
    } catch (failure) {
      const refusal = asApiError(failure);
      setMoveError(refusal);
      if (refusal.code === "INVALID_STATE" || refusal.code === "CONFLICT" || refusal.code === "NOT_FOUND") await reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {!officer && !(error?.code === "FORBIDDEN" || error?.code === "UNAUTHENTICATED") && <p class="notice">{words.viewOnly}</p>}
      {loading && !queue && <p role="status">{common.loading}</p>}
      <ErrorSummary error={error} onRetry={() => void reload()} />
      <ErrorBlock error={moveError} />
      {queue && (
        <QueueResults
          resultsRef={results}
          loading={loading}
          total={words.total(number(queue.totalCount))}
          page={position.earlier.length > 0 ? words.pageNumber(number(pageNumberOf(position))) : null}
          empty={queue.edges.length === 0 ? words.empty : null}
          caption={words.caption(here ? officeName(here) : words.allOffices, number(queue.totalCount))}
          pager={{ label: words.pagination, position, pageInfo: queue.pageInfo, onMove: turn }}
        >
          <StackedHead columns={[words.cardNumber, !officeId && words.office, words.status, words.readySince, words.waitingSince, officer && words.action]} />
          <tbody role="rowgroup">
            {queue.edges.map(({ node }) => (
              <tr role="row" key={node.cardNumber}>
                <th scope="row" role="rowheader" data-label={words.cardNumber}>
                  <Code value={node.cardNumber} />
                </th>
                {!officeId && <td role="cell" data-label={words.office}>{officeName(node.office)}</td>}
                <td role="cell" data-label={words.status}>{statuses[node.status]}</td>
                <td role="cell" data-label={words.readySince}>{node.readyAt ? <Moment value={node.readyAt} /> : words.notReady}</td>
                <td role="cell" data-label={words.waitingSince}>
                  <Moment value={node.waitingSince} />
                </td>
                {officer && (
                  <td role="cell">
                    {node.status === "PREPARING" && (
                      <button type="button" disabled={busy} aria-label={`${words.markReady} ${words.ofCard(node.cardNumber)}`} onClick={() => void act(node.cardNumber, true)}>
                        {words.markReady}
                      </button>
                    )}
                    {node.status === "READY_FOR_PICKUP" && (
                      <button
                        type="button"
                        class="primary"
                        disabled={busy}
                        aria-label={`${words.markCollected} ${words.ofCard(node.cardNumber)}`}
                        onClick={() => void act(node.cardNumber, false)}
                      >
                        {words.markCollected}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </QueueResults>
      )}
    </>
  );
}
