import type { ApplicationDetailsFragment, PersonFragment } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { useLanguage } from "../i18n/language";
import { Code } from "../ui/Dates";
import { namesMembers } from "./labels";
import { applyWords } from "./words";
import { RecordedText } from "../ui/RecordedText";

/**
 * The wives and children named, by name where the registry links them to the applicant; of one it
 * does not, whether the document it asks for is still missing. A replacement names nobody.
 */
export function NamedMembers({ application }: { application: ApplicationDetailsFragment }) {
  const words = useWords(applyWords);
  const missing = application.missingDocuments;
  return (
    <>
      <h3>{words.members}</h3>
      {namesMembers(application.kind) ? (
        <dl class="facts">
          <dt>{words.wives}</dt>
          <dd>
            <People ids={application.requestedSpouseIds} known={application.spouses} documentMissing={missing.includes("MARRIAGE_CONTRACT")} />
          </dd>
          <dt>{words.children}</dt>
          <dd>
            <People ids={application.requestedChildIds} known={application.children} documentMissing={missing.includes("BIRTH_CERTIFICATE")} />
          </dd>
        </dl>
      ) : (
        <p>{words.membersFromRegister}</p>
      )}
    </>
  );
}

function People({ ids, known, documentMissing }: { ids: string[]; known: PersonFragment[]; documentMissing: boolean }) {
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
                <RecordedText text={(language === "en" && person.fullNameEn) || person.fullNameAr} />
                {" · "}
              </>
            )}
            <Code value={id} />
            {!person && ` · ${documentMissing ? words.notLinked : words.notLinkedAttached}`}
          </li>
        );
      })}
    </ul>
  );
}
