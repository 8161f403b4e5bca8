import { useEffect, useRef } from "preact/hooks";
import { useQuery } from "../api/useQuery";
import { ErrorBlock } from "../ui/ErrorBlock";
import { SupportPendingEnrollmentsDocument } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { formatNumber } from "../i18n/format";
import { useLanguage } from "../i18n/language";
import { purposeHeaders } from "../ui/purpose";
import { QueueResults } from "../ui/QueueResults";
import { announce } from "../ui/announcer";
import { Code, Moment } from "../ui/Dates";
import { ErrorSummary } from "../ui/ErrorSummary";
import { commonWords } from "../ui/words";
import { useDecide } from "./decide";
import { EligibilityFacts, programName } from "./Eligibility";
import { type PagePosition, pageNumberOf } from "../ui/Pager";
import { supportWords } from "./words";
import { StackedHead } from "../ui/StackedHead";

/** Enrollments per page, as many as the other queues show. */
const PAGE = 20;

/**
 * Section (a): every PENDING enrollment, the first applied for first, with the family's
 * eligibility for the program it asks for, and the officer's decision on each. A decided one leaves
 * the list (it is read again). The decisions carry the section's purpose, as its reads do.
 */
export function PendingEnrollments({ position, onMove, onRefused }: { position: PagePosition; onMove(next: PagePosition): void; onRefused(refused: boolean): void }) {
  const words = useWords(supportWords);
  const common = useWords(commonWords);
  const language = useLanguage();
  const headers = purposeHeaders(words.pendingPurpose);
  const { data, error, loading, reload } = useQuery(SupportPendingEnrollmentsDocument, { first: PAGE, after: position.after }, { headers });
  const results = useRef<HTMLDivElement>(null);
  const moved = useRef<"page" | "decided" | null>(null);
  const { decide, busy, error: decideError } = useDecide(headers, words, async () => {
    moved.current = "decided";
    await reload();
  });
  const queue = data?.pendingEnrollments ?? null;
  const number = (value: number) => formatNumber(value, language);
  const refused = error?.code === "FORBIDDEN" || error?.code === "UNAUTHENTICATED";

  useEffect(() => onRefused(refused), [refused]);

  useEffect(() => {
    // After a page turn the page is said; after a decision or a page turn the keyboard starts at the list.
    if (!moved.current || loading || !queue) return;
    if (moved.current === "page") announce(words.pendingShown(number(pageNumberOf(position)), number(queue.edges.length), number(queue.totalCount)));
    moved.current = null;
    results.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queue, loading]);

  return (
    <section class="card" aria-labelledby="support-pending-title">
      <h2 id="support-pending-title">{words.pendingTitle}</h2>
      {loading && !queue && <p role="status">{common.loading}</p>}
      <ErrorSummary error={error} onRetry={refused ? undefined : () => void reload()} />
      <ErrorBlock error={decideError} />
      {queue && (
        <QueueResults
          resultsRef={results}
          loading={loading}
          total={words.pendingTotal(number(queue.totalCount))}
          page={position.earlier.length > 0 ? words.pageNumber(number(pageNumberOf(position))) : null}
          empty={queue.edges.length === 0 ? words.pendingEmpty : null}
          caption={words.pendingCaption(number(queue.totalCount))}
          tableClass="pending-table"
          pager={{
            label: words.pendingPages,
            position,
            pageInfo: queue.pageInfo,
            onMove: (next) => {
              moved.current = "page";
              onMove(next);
            },
          }}
        >
          <StackedHead columns={[words.program, words.registerNumber, words.appliedAt, words.eligibilityFor, words.decision]} />
          <tbody role="rowgroup">
            {queue.edges.map(({ node }) => {
              const name = programName(node.program, language);
              const register = node.family.registerNumber;
              const decision = node.family.eligibility.find((item) => item.program.code === node.program.code);
              const decidable = { id: node.id, programName: name, registerNumber: register };
              return (
                <tr role="row" key={node.id}>
                  <th scope="row" role="rowheader" data-label={words.program}>{name}</th>
                  <td role="cell" data-label={words.registerNumber}>
                    <Code value={register} />
                  </td>
                  <td role="cell" data-label={words.appliedAt}>
                    <Moment value={node.appliedAt} />
                  </td>
                  <td role="cell" data-label={words.eligibilityFor} class="eligibility-cell">{decision ? <EligibilityFacts decision={decision} /> : words.noDecision}</td>
                  <td role="cell">
                    <div class="decide">
                      <button type="button" class="primary" disabled={busy !== null} aria-label={words.approveFor(name, register)} onClick={() => void decide(decidable, true)}>
                        {words.approve}
                      </button>
                      <button type="button" class="danger" disabled={busy !== null} aria-label={words.rejectFor(name, register)} onClick={() => void decide(decidable, false)}>
                        {words.reject}
                      </button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </QueueResults>
      )}
    </section>
  );
}
