import type { ApplicationDetailsFragment } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { formatNumber } from "../i18n/format";
import { useLanguage } from "../i18n/language";
import { Code, Moment } from "../ui/Dates";
import { Fee } from "./Fee";
import { deliveryLabels, kindLabels } from "./labels";
import { StatusBadge } from "./StatusBadge";
import { applyWords } from "./words";

/** Status, kind, version, fee, delivery and dates of one application. */
export function ApplicationFacts({ application }: { application: ApplicationDetailsFragment }) {
  const words = useWords(applyWords);
  const kinds = useWords(kindLabels);
  const methods = useWords(deliveryLabels);
  const language = useLanguage();
  const office = application.pickupOffice;
  const address = application.deliveryAddress;
  return (
    <dl class="facts">
      <dt>{words.status}</dt>
      <dd>
        <StatusBadge status={application.status} />
      </dd>
      <dt>{words.kind}</dt>
      <dd>{kinds[application.kind]}</dd>
      <dt>{words.version}</dt>
      <dd>{formatNumber(application.version, language)}</dd>
      <dt>{words.fee}</dt>
      <dd>
        <Fee fee={application.fee} />
      </dd>
      <dt>{words.delivery}</dt>
      <dd>
        {application.deliveryMethod ? methods[application.deliveryMethod] : words.notChosen}
        {application.deliveryMethod === "OFFICE_PICKUP" && office && ` · ${language === "en" ? office.nameEn : office.nameAr}`}
        {application.deliveryMethod === "SAUDI_POST" && address && (
          <>
            <br />
            <bdi>
              {address.buildingNumber} {address.street}
            </bdi>
            {words.separator}
            <bdi>{address.district}</bdi>
            {words.separator}
            <bdi>{address.city}</bdi> <Code value={address.postalCode} />
          </>
        )}
      </dd>
      <dt>{words.createdAt}</dt>
      <dd>
        <Moment value={application.createdAt} />
      </dd>
      {application.submittedAt && (
        <>
          <dt>{words.submittedAt}</dt>
          <dd>
            <Moment value={application.submittedAt} />
          </dd>
        </>
      )}
      {application.decidedAt && (
        <>
          <dt>{words.decidedAt}</dt>
          <dd>
            <Moment value={application.decidedAt} />
          </dd>
        </>
      )}
      {application.card && (
        <>
          <dt>{words.cardNumber}</dt>
          <dd>
            <Code value={application.card.cardNumber} />
          </dd>
        </>
      )}
    </dl>
  );
}
