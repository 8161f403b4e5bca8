import { kindLabels, statusLabels } from "../apply/labels";
import type { MyFamilyQuery } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { hrefOf } from "../router";
import { familyWords } from "./words";

type Application = MyFamilyQuery["myCardApplications"][number];

/** The person's application still in progress, if any: what it is, where it stands, and the way to it. */
export function OpenApplication({ application }: { application: Application }) {
  const words = useWords(familyWords);
  const kinds = useWords(kindLabels);
  const statuses = useWords(statusLabels);
  return (
    <section class="card" aria-labelledby="open-application-title">
      <h2 id="open-application-title">{words.openApplication}</h2>
      <p>
        {kinds[application.kind]}: <strong>{statuses[application.status]}</strong>
      </p>
      {application.status === "NEEDS_CORRECTION" && <p class="notice">{words.correctionAsked}</p>}
      <p>
        <a href={hrefOf("apply")}>{words.openApplicationLink}</a>
      </p>
    </section>
  );
}
