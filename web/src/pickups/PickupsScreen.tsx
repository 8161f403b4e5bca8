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

const PAGE = 20;

/**
 * Office pickups: the cards waiting at a civil-affairs office, and (civil-affairs officers only,
 * RULES.md) the two moves: arrived at the office (PREPARING → READY_FOR_PICKUP) and collected
 * (READY_FOR_PICKUP → COLLECTED). A postal operator sees the list without them.
 */
export function PickupsScreen() {
  const words = useWords(pickupsWords);
  const common = useWords(commonWords);
  const { data, error, loading, reload } = useQuery(PickupOfficesDocument, {});
  // The office chosen; undefined until the offices are read (then the first one), "" for every office.
  const [office, setOffice] = useState<string | undefined>(undefined);
  const offices = data?.civilAffairsOffices ?? [];
  const chosen = office ?? offices[0]?.id;
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
          {reader && <OfficeSelect offices={offices} value={chosen} onChange={setOffice} />}
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
          <thead>
            <tr>
              <th scope="col">{words.cardNumber}</th>
              {!officeId && <th scope="col">{words.office}</th>}
              <th scope="col">{words.status}</th>
              <th scope="col">{words.readySince}</th>
              <th scope="col">{words.waitingSince}</th>
              {officer && <th scope="col" class="row-action">{words.action}</th>}
            </tr>
          </thead>
          <tbody>
            {queue.edges.map(({ node }) => (
              <tr key={node.cardNumber}>
                <th scope="row">
                  <Code value={node.cardNumber} />
                </th>
                {!officeId && <td>{officeName(node.office)}</td>}
                <td>{statuses[node.status]}</td>
                <td>{node.readyAt ? <Moment value={node.readyAt} /> : words.notReady}</td>
                <td>
                  <Moment value={node.waitingSince} />
                </td>
                {officer && (
                  <td class="row-action">
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
