import { useQuery } from "../api/useQuery";
import { MyDataAccessesDocument, type AccessFragment } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { formatNumber } from "../i18n/format";
import { useLanguage } from "../i18n/language";
import { Code, Moment } from "../ui/Dates";
import { ErrorSummary } from "../ui/ErrorSummary";
import { commonWords } from "../ui/words";
import { dataAccessWords, roleLabels } from "./words";
import { ScreenHeading } from "../ui/ScreenHeading";

type Agency = "civilAffairs" | "labor" | "delivery";

/** `myDataAccesses` from the three agencies, merged newest first, each with its purpose. */
export function DataAccessScreen() {
  const words = useWords(dataAccessWords);
  const roles = useWords(roleLabels);
  const common = useWords(commonWords);
  const language = useLanguage();
  const { data, error, partialErrors, loading, reload } = useQuery(MyDataAccessesDocument, {});
  const report = data?.myDataAccesses;
  const accesses: Array<AccessFragment & { agency: Agency }> = report
    ? (["civilAffairs", "labor", "delivery"] as const).flatMap((agency) => (report[agency] ?? []).map((access) => ({ ...access, agency })))
    : [];
  accesses.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
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
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{words.at}</th>
                  <th scope="col">{words.agency}</th>
                  <th scope="col">{words.who}</th>
                  <th scope="col">{words.action}</th>
                  <th scope="col">{words.fields}</th>
                  <th scope="col">{words.purpose}</th>
                </tr>
              </thead>
              <tbody>
                {accesses.map((access) => (
                  <tr key={`${access.agency}-${access.requestId}-${access.at}`}>
                    <td>
                      <Moment value={access.at} />
                    </td>
                    <td>{words[access.agency]}</td>
                    <td>
                      <Code value={access.accessorNationalId} />
                      <br />
                      {access.accessorRoles.map((role) => roles[role] ?? role).join(language === "ar" ? "، " : ", ")}
                    </td>
                    <td>{access.action === "READ" ? words.read : words.change}</td>
                    <td>
                      <span class="ltr">{access.fields.join(", ")}</span>
                      {access.refusedFields.length > 0 && (
                        <p class="hint">
                          {words.refused}: <span class="ltr">{access.refusedFields.join(", ")}</span>
                        </p>
                      )}
                    </td>
                    <td>{access.purpose ?? words.noPurpose}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}
