import type { ApplicationDetailsFragment, PersonFragment } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { useLanguage } from "../i18n/language";
import { Code } from "../ui/Dates";
import { applyWords } from "./words";

/** The wives and children named, by name where the registry links them to the applicant. */
export function NamedMembers({ application }: { application: ApplicationDetailsFragment }) {
  const words = useWords(applyWords);
  return (
    <>
      <h3>{words.members}</h3>
      <dl class="facts">
        <dt>{words.wives}</dt>
        <dd>
          <People ids={application.requestedSpouseIds} known={application.spouses} />
        </dd>
        <dt>{words.children}</dt>
        <dd>
          <People ids={application.requestedChildIds} known={application.children} />
        </dd>
      </dl>
    </>
  );
}

function People({ ids, known }: { ids: string[]; known: PersonFragment[] }) {
  const words = useWords(applyWords);
  const language = useLanguage();
  if (ids.length === 0) return <>{words.noneNamed}</>;
  return (
    <ul class="plain">
      {ids.map((id) => {
        const person = known.find((candidate) => candidate.nationalId === id);
        return (
          <li key={id}>
            {person && (
              <>
                <bdi>{(language === "en" && person.fullNameEn) || person.fullNameAr}</bdi>
                {" · "}
              </>
            )}
            <Code value={id} />
            {!person && ` · ${words.notLinked}`}
          </li>
        );
      })}
    </ul>
  );
}
