import type { ApplicationDetailsFragment } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { Code, Moment } from "../ui/Dates";
import { statusLabels } from "./labels";
import { applyWords } from "./words";

/** Every move of the application, oldest first: from → to, when, by whom, with the officer's note. */
export function History({ history, applicantId }: { history: ApplicationDetailsFragment["history"]; applicantId: string | null }) {
  const words = useWords(applyWords);
  const statuses = useWords(statusLabels);
  const who = (by: string) => (by === "system" ? words.system : by === applicantId ? words.you : <Code value={by} />);
  return (
    <>
      <h3>{words.historyTitle}</h3>
      <ol class="timeline">
        {history.map((change, index) => (
          <li key={index}>
            <strong>{change.from ? words.moved(statuses[change.from], statuses[change.to]) : `${words.historyCreated}: ${statuses[change.to]}`}</strong>
            <br />
            <Moment value={change.at} /> · {words.by}: {who(change.by)}
            {change.note && (
              <>
                <br />
                {words.note}: {change.note}
              </>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
