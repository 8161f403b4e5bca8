import { useEffect, useRef } from "preact/hooks";
import { useQuery } from "../api/useQuery";
import { kindLabels, statusLabels } from "../apply/labels";
import { StatusBadge } from "../apply/StatusBadge";
import { ReviewQueueDocument, type ApplicationStatus } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { formatNumber } from "../i18n/format";
import { useLanguage } from "../i18n/language";
import { hrefOf } from "../router";
import { announce } from "../ui/announcer";
import { Code, Moment } from "../ui/Dates";
import { ErrorSummary } from "../ui/ErrorSummary";
import { FIRST_PAGE, type PagePosition, pageNumberOf } from "../ui/Pager";
import { Field } from "../ui/Field";
import { ScreenHeading } from "../ui/ScreenHeading";
import { commonWords } from "../ui/words";
import { purposeHeaders } from "../ui/purpose";
import { reviewWords } from "./words";
import { QueueResults } from "../ui/QueueResults";
import { RecordedText } from "../ui/RecordedText";
import { StackedHead } from "../ui/StackedHead";

/** Applications per page of the queue. */
export const QUEUE_PAGE = 20;

const STATUSES: ApplicationStatus[] = ["SUBMITTED", "UNDER_REVIEW", "NEEDS_CORRECTION", "APPROVED", "REJECTED", "ISSUED", "CANCELLED", "DRAFT"];

/** Where the officer is in the queue: kept by the screen while he looks at a case, so he comes back to it. */
export interface QueuePosition extends PagePosition {
  /** null: every status. */
  status: ApplicationStatus | null;
}

export const FIRST_POSITION: QueuePosition = { status: "SUBMITTED", ...FIRST_PAGE };

/** The review queue: a status filter, the applications oldest first, a page at a time. */
export function Queue({ position, onMove }: { position: QueuePosition; onMove(next: QueuePosition): void }) {
  const words = useWords(reviewWords);
  const common = useWords(commonWords);
  const statuses = useWords(statusLabels);
  const kinds = useWords(kindLabels);
  const language = useLanguage();
  const results = useRef<HTMLDivElement>(null);
  // Set when the officer moves: the page read is then said, and after a page move focused (after a
  // filter change the keyboard stays on the filter, so the arrow keys step through the statuses).
  const moved = useRef<"filter" | "page" | null>(null);
  const move = (next: QueuePosition, by: "filter" | "page" = "page") => {
    moved.current = by;
    onMove(next);
  };
  const { data, error, loading, reload } = useQuery(
    ReviewQueueDocument,
    { status: position.status, first: QUEUE_PAGE, after: position.after },
    { headers: purposeHeaders(words.queuePurpose) },
  );
  const queue = data?.cardApplications ?? null;
  const number = (value: number) => formatNumber(value, language);

  useEffect(() => {
    // After a move the page read is said; after a page move the keyboard starts at its top.
    if (!moved.current || loading || !queue) return;
    const by = moved.current;
    moved.current = null;
    announce(words.pageShown(number(pageNumberOf(position)), number(queue.edges.length), number(queue.totalCount)));
    if (by === "page") results.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queue, loading]);

  // Someone the API refuses the queue (not a civil-affairs officer) sees why, and nothing to work with.
  const refused = error?.code === "FORBIDDEN" || error?.code === "UNAUTHENTICATED";
  const statusName = position.status ? statuses[position.status] : words.allStatuses;
  return (
    <>
      <ScreenHeading>{words.queueTitle}</ScreenHeading>
      {!refused && (
        <>
          <p>{words.queueIntro}</p>
          <Field id="review-status" label={words.statusFilter}>
            {(described) => (
              <select
                {...described}
                class="narrow-select"
                value={position.status ?? ""}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  move({ status: value ? (value as ApplicationStatus) : null, ...FIRST_PAGE }, "filter");
                }}
              >
                <option value="">{words.allStatuses}</option>
                {STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {statuses[status]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </>
      )}
      {loading && !queue && <p role="status">{common.loading}</p>}
      <ErrorSummary error={error} onRetry={() => void reload()} />
      {queue && (
        <QueueResults
          resultsRef={results}
          loading={loading}
          total={words.total(number(queue.totalCount))}
          page={position.earlier.length > 0 ? words.pageNumber(number(pageNumberOf(position))) : null}
          empty={queue.edges.length === 0 ? words.empty : null}
          caption={words.caption(statusName, number(queue.totalCount))}
          tableClass="queue-table"
          pager={{ label: words.pagination, position, pageInfo: queue.pageInfo, onMove: (next) => move({ ...position, ...next }) }}
        >
          <StackedHead columns={[words.applicant, words.kind, words.status, words.submittedAt, words.documentsCount, words.action]} />
          <tbody role="rowgroup">
            {queue.edges.map(({ node }) => {
              const name = (language === "en" && node.applicant.fullNameEn) || node.applicant.fullNameAr;
              return (
                <tr role="row" key={node.id}>
                  <th scope="row" role="rowheader" data-label={words.applicant} class="applicant-cell">
                    <RecordedText text={name} />
                    <br />
                    <span class="muted">
                      {words.nationalId}: <Code value={node.applicant.nationalId} />
                    </span>
                  </th>
                  <td role="cell" data-label={words.kind}>{kinds[node.kind]}</td>
                  <td role="cell" data-label={words.status}>
                    <StatusBadge status={node.status} />
                    {node.viewerMayAct === false && (
                      <>
                        <br />
                        <span class="muted">{words.notYours}</span>
                      </>
                    )}
                  </td>
                  <td role="cell" data-label={words.submittedAt}>{node.submittedAt ? <Moment value={node.submittedAt} /> : words.notSubmitted}</td>
                  <td role="cell" data-label={words.documentsCount}>{number(node.documents.length)}</td>
                  <td role="cell">
                    <a href={hrefOf("review", node.id)} aria-label={words.openApplicationOf(name)}>
                      {words.open}
                    </a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </QueueResults>
      )}
    </>
  );
}
