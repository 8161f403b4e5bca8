import { useQuery } from "../api/useQuery";
import { MyFamilyDocument, type MyFamilyQuery } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { formatNumber } from "../i18n/format";
import { useLanguage } from "../i18n/language";
import { hrefOf } from "../router";
import { AddressFacts } from "../ui/AddressFacts";
import { Code, Day } from "../ui/Dates";
import { ErrorSummary } from "../ui/ErrorSummary";
import { commonWords } from "../ui/words";
import { OPEN_STATUSES } from "../apply/labels";
import { CardSection } from "./CardSection";
import { OpenApplication } from "./OpenApplication";
import { SupportSection } from "./SupportSection";
import { relationLabels } from "./labels";
import { familyWords } from "./words";
import { ScreenHeading } from "../ui/ScreenHeading";
import { isRefusedMinor, unansweredParts } from "../ui/adulthood";
import { ScrollTable } from "../ui/ScrollTable";

type Family = NonNullable<NonNullable<MyFamilyQuery["me"]>["family"]>;

/** The unified record in one query: the register, the card and its delivery, and social support. */
export function FamilyScreen() {
  const words = useWords(familyWords);
  const common = useWords(commonWords);
  const { data, error, partialErrors, loading, reload } = useQuery(MyFamilyDocument, {});
  const me = data?.me;
  // A citizen has at most one open application (newest first in the list).
  const open = data?.myCardApplications.find((application) => OPEN_STATUSES.includes(application.status)) ?? null;
  const minor = isRefusedMinor(me);
  const unanswered = unansweredParts(partialErrors, minor);
  return (
    <>
      <ScreenHeading>
        {words.title}
      </ScreenHeading>
      {loading && !data && <p role="status">{common.loading}</p>}
      <ErrorSummary error={error} onRetry={() => void reload()} />
      {unanswered.length > 0 && <p class="notice">{common.partial}</p>}
      {minor && (
        <section class="card" aria-labelledby="minor-title">
          <h2 id="minor-title">{words.minorTitle}</h2>
          <p>{words.minor}</p>
        </section>
      )}
      {me && !me.family && !minor && (
        <section class="card" aria-labelledby="no-family">
          <h2 id="no-family">{words.noFamily}</h2>
          {!me.isSaudi ? (
            <p>{words.saudiOnly}</p>
          ) : (
            !open && (
              <>
                <p>{words.howToApply}</p>
                <p>
                  <a href={hrefOf("apply")}>{words.applyLink}</a>
                </p>
              </>
            )
          )}
        </section>
      )}
      {open && <OpenApplication application={open} />}
      {me?.family && <Members family={me.family} />}
      {me?.family && <CardSection card={me.family.card} />}
      {me && (
        <section class="card" aria-labelledby="address-title">
          <h2 id="address-title">{words.address}</h2>
          {me.nationalAddress ? <AddressFacts address={me.nationalAddress} /> : <p>{words.noAddress}</p>}
        </section>
      )}
      {me?.family && <SupportSection family={me.family} viewerId={me.nationalId} onEnrolled={reload} />}
    </>
  );
}

function Members({ family }: { family: Family }) {
  const words = useWords(familyWords);
  const relations = useWords(relationLabels);
  const language = useLanguage();
  return (
    <section class="card" aria-labelledby="members-title">
      <h2 id="members-title">{words.members}</h2>
      <p>
        {words.register}: <Code value={family.registerNumber} /> · {words.memberCount(formatNumber(family.memberCount, language))}
      </p>
      <ScrollTable label={words.members}>
        <thead>
          <tr>
            <th scope="col">{words.name}</th>
            <th scope="col">{words.relation}</th>
            <th scope="col">{words.nationalId}</th>
            <th scope="col">{words.birthDate}</th>
          </tr>
        </thead>
        <tbody>
          {family.members.map(({ citizen, relation }) => (
            <tr key={citizen.nationalId}>
              <td>{(language === "en" && citizen.fullNameEn) || citizen.fullNameAr}</td>
              <td>{relations[relation]}</td>
              <td>
                <Code value={citizen.nationalId} />
              </td>
              <td>
                <Day value={citizen.birthDate} />
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </section>
  );
}
