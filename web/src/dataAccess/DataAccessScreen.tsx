import { useQuery } from "../api/useQuery";
import { useState } from "preact/hooks";
import { MyDataAccessesDocument } from "../graphql/graphql";
import { ACCESSES_PER_AGENCY, mergeAccesses } from "./records";
import { useWords } from "../i18n/catalogue";
import { formatNumber } from "../i18n/format";
import { useLanguage } from "../i18n/language";
import { Code, Moment } from "../ui/Dates";
import { ErrorSummary } from "../ui/ErrorSummary";
import { commonWords } from "../ui/words";
import { accessedFieldLabels, accessedTypeLabels, dataAccessWords, roleLabels } from "./words";
import { ScreenHeading } from "../ui/ScreenHeading";
import { describeAccessedFields } from "./accessedFields";
import "./dataAccess.css";
import { ScrollTable } from "../ui/ScrollTable";
import { RecordedText } from "../ui/RecordedText";
import { purposeIn } from "./appPurposes";
import { StackedHead } from "../ui/StackedHead";

/** Rows shown at first, and added by each "show more". */
const ROWS_AT_ONCE = 100;

/**
 * The fields of a record in words, each kind of data under its heading ("بيانات الهوية: الاسم
 * بالعربية، تاريخ الميلاد"); a name the app has no words for yet as the API gives it, as code.
 */
function AccessedFields({ names }: { names: readonly string[] }) {
  const words = useWords(dataAccessWords);
  const { groups, unlabelled } = describeAccessedFields(names, { types: useWords(accessedTypeLabels), fields: useWords(accessedFieldLabels) });
  return (
    <ul class="accessed-fields">
      {groups.flatMap((group) =>
        group.heading === null
          ? group.labels.map((label) => <li key={label}>{label}</li>)
          : [
              <li key={group.heading}>
                <span class="accessed-type">{group.heading}:</span> {group.labels.join(words.separator)}
              </li>,
            ],
      )}
      {unlabelled.map((name) => (
        <li key={name}>
          <Code value={name} />
        </li>
      ))}
    </ul>
  );
}

/** `myDataAccesses` from the three agencies, merged newest first, each with its purpose. */
export function DataAccessScreen() {
  const words = useWords(dataAccessWords);
  const roles = useWords(roleLabels);
  const common = useWords(commonWords);
  const language = useLanguage();
  const [shown, setShown] = useState(ROWS_AT_ONCE);
  const { data, error, partialErrors, loading, reload } = useQuery(MyDataAccessesDocument, { first: ACCESSES_PER_AGENCY });
  const { accesses, since } = data?.myDataAccesses ? mergeAccesses(data.myDataAccesses) : { accesses: [], since: null };
  return (
    <>
      <ScreenHeading>
        {words.title}
      </ScreenHeading>
      <p>{words.intro}</p>
      {loading && !data && <p role="status">{common.loading}</p>}
      <ErrorSummary error={error} onRetry={() => void reload()} />
      {partialErrors.length > 0 && <p class="notice">{common.partial}</p>}
      {data && accesses.length === 0 && <p>{words.none}</p>}
      {accesses.length > 0 && (
        <section class="card" aria-labelledby="accesses-title">
          <h2 id="accesses-title">{words.count(formatNumber(accesses.length, language))}</h2>
          {since && (
            <p class="notice">
              {words.olderNotShown} <Moment value={since} />
            </p>
          )}
          <ScrollTable label={words.title} tableClass="access-records" stacked>
            {/* Explicit roles: on a phone the rows are stacked as blocks (ScrollTable), which would drop a table's semantics. */}
            <StackedHead columns={[words.at, words.agency, words.who, words.action, words.fields, words.purpose]} />
            <tbody role="rowgroup">
              {accesses.slice(0, shown).map((access) => (
                <tr role="row" key={`${access.agency}-${access.requestId}-${access.at}`}>
                  <td role="cell" data-label={words.at}>
                    <Moment value={access.at} />
                  </td>
                  <td role="cell" data-label={words.agency}>
                    {words[access.agency]}
                  </td>
                  <td role="cell" data-label={words.who}>
                    <Code value={access.accessorNationalId} />
                    <br />
                    {access.accessorRoles.map((role) => roles[role] ?? role).join(words.separator)}
                  </td>
                  <td role="cell" data-label={words.action}>
                    {access.action === "READ" ? words.read : words.change}
                  </td>
                  <td role="cell" data-label={words.fields}>
                    <AccessedFields names={access.fields} />
                    {access.refusedFields.length > 0 && (
                      <div class="refused-fields">
                        {words.refused}:
                        <AccessedFields names={access.refusedFields} />
                      </div>
                    )}
                  </td>
                  <td role="cell" data-label={words.purpose}>
                    {access.purpose ? <RecordedText text={purposeIn(access.purpose, language)} /> : words.noPurpose}
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
          {accesses.length > shown && (
            <p>
              <button type="button" onClick={() => setShown(shown + ROWS_AT_ONCE)}>
                {words.showMore(formatNumber(Math.min(ROWS_AT_ONCE, accesses.length - shown), language), formatNumber(accesses.length - shown, language))}
              </button>
            </p>
          )}
        </section>
      )}
    </>
  );
}
