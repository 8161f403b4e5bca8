import { useEffect, useRef } from "preact/hooks";
import { useQuery } from "../api/useQuery";
import { SupportFamiliesDocument } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { formatNumber } from "../i18n/format";
import { useLanguage } from "../i18n/language";
import { purposeHeaders } from "../ui/purpose";
import { QueueResults } from "../ui/QueueResults";
import { hrefOf } from "../router";
import { announce } from "../ui/announcer";
import { Code } from "../ui/Dates";
import { ErrorSummary } from "../ui/ErrorSummary";
import { commonWords } from "../ui/words";
import { type PagePosition, pageNumberOf } from "../ui/Pager";
import { supportWords } from "./words";
import { Amount } from "../ui/Amount";
import { LookUp } from "../ui/LookUp";
import { StackedHead } from "../ui/StackedHead";

/** A family register number: ten digits. */
const REGISTER_NUMBER = /^\d{10}$/;

/** Families per page. */
const PAGE = 20;

/** Section (b): the families of labor's register, by register number, each opened on its own (`#/support/<register>`). */
export function Families({ position, onMove }: { position: PagePosition; onMove(next: PagePosition): void }) {
  const words = useWords(supportWords);
  const common = useWords(commonWords);
  const language = useLanguage();
  const { data, error, loading, reload } = useQuery(SupportFamiliesDocument, { first: PAGE, after: position.after }, { headers: purposeHeaders(words.familiesPurpose) });
  const results = useRef<HTMLDivElement>(null);
  const moved = useRef(false);
  const list = data?.familiesToReview ?? null;
  const number = (value: number) => formatNumber(value, language);

  useEffect(() => {
    if (!moved.current || loading || !list) return;
    moved.current = false;
    announce(words.familiesShown(number(pageNumberOf(position)), number(list.edges.length), number(list.totalCount)));
    results.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [list, loading]);

  return (
    <section class="card" aria-labelledby="support-families-title">
      <h2 id="support-families-title">{words.familiesTitle}</h2>
      <LookUp id="find-family" label={words.findFamily} screen="support" shape={REGISTER_NUMBER} shapeMessage={words.registerShape} />
      {loading && !list && <p role="status">{common.loading}</p>}
      <ErrorSummary error={error} onRetry={() => void reload()} />
      {list && (
        <QueueResults
          resultsRef={results}
          loading={loading}
          total={words.familiesTotal(number(list.totalCount))}
          page={position.earlier.length > 0 ? words.pageNumber(number(pageNumberOf(position))) : null}
          empty={list.edges.length === 0 ? words.familiesEmpty : null}
          caption={words.familiesCaption(number(list.totalCount))}
          tableClass="families-table"
          pager={{
            label: words.familiesPages,
            position,
            pageInfo: list.pageInfo,
            onMove: (next) => {
              moved.current = true;
              onMove(next);
            },
          }}
        >
          <StackedHead columns={[words.register, words.memberCount, words.monthlyIncome, words.action]} />
          <tbody role="rowgroup">
            {list.edges.map(({ node }) => (
              <tr role="row" key={node.registerNumber}>
                <th scope="row" role="rowheader" data-label={words.register}>
                  <Code value={node.registerNumber} />
                </th>
                <td role="cell" data-label={words.memberCount}>{number(node.memberCount)}</td>
                <td role="cell" data-label={words.monthlyIncome}>{node.householdIncome ? <Amount money={node.householdIncome} /> : words.noIncome}</td>
                <td role="cell">
                  <a href={hrefOf("support", node.registerNumber)} aria-label={words.openFamily(node.registerNumber)}>
                    {words.open}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </QueueResults>
      )}
    </section>
  );
}
