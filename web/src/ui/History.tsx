import { statusLabels } from "../apply/labels";
import type { ApplicationRecordFragment } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { Code, Moment } from "./Dates";
import { RecordedText } from "./RecordedText";

/** The history's words, in the words of the screen that shows it (the applicant's or the officer's). */
export interface HistoryWords {
  historyCreated: string;
  moved(from: string, to: string): string;
  by: string;
  note: string;
  system: string;
  you: string;
  /** Who anyone else is to an applicant: the officer's role, never his national ID. */
  officer?: string;
}

interface HistoryProps {
  history: ApplicationRecordFragment["history"];
  words: HistoryWords;
  /** The viewer's national ID: his own moves say "you". */
  viewerId: string | null;
  /** The applicant, when the viewer is someone else (an officer): his moves are said as his, with his ID. */
  applicant?: { id: string; label: string };
}

/** Every move of an application, oldest first: from → to, when, by whom, with the officer's note. */
export function History({ history, words, viewerId, applicant }: HistoryProps) {
  const statuses = useWords(statusLabels);
  const who = (by: string) => {
    if (by === "system") return words.system;
    if (by === viewerId) return words.you;
    if (applicant && by === applicant.id) {
      return (
        <>
          {applicant.label} (<Code value={by} />)
        </>
      );
    }
    return words.officer ?? <Code value={by} />;
  };
  return (
    <ol class="timeline">
      {history.map((change, index) => (
        <li key={index}>
          <strong>{change.from ? words.moved(statuses[change.from], statuses[change.to]) : `${words.historyCreated}: ${statuses[change.to]}`}</strong>
          <br />
          <Moment value={change.at} /> · {words.by}: {who(change.by)}
          {change.note && (
            <>
              <br />
              {words.note}: <RecordedText text={change.note} />
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
