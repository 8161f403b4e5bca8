import { Fee } from "../apply/Fee";
import { kindLabels } from "../apply/labels";
import { StatusBadge } from "../apply/StatusBadge";
import type { ApplicationRecordFragment, DeliveryMethod } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { formatNumber } from "../i18n/format";
import { useLanguage } from "../i18n/language";
import { Code, Moment } from "./Dates";
import { RecordedText } from "./RecordedText";

/** The facts' labels, in the words of the screen that shows them (the applicant's or the officer's). */
export interface ApplicationFactsWords {
  status: string;
  kind: string;
  version: string;
  fee: string;
  delivery: string;
  notChosen: string;
  separator: string;
  createdAt: string;
  submittedAt: string;
  decidedAt: string;
  cardNumber: string;
}

interface ApplicationFactsProps {
  application: ApplicationRecordFragment;
  words: ApplicationFactsWords;
  /** Each delivery method as the screen says it. */
  methods: Record<DeliveryMethod, string>;
  /** The Saudi Post address on the delivery's own line (the applicant's view); otherwise the screen shows it itself. */
  addressInline?: boolean;
}

/** Status, kind, version, fee, delivery and dates of one application. */
export function ApplicationFacts({ application, words, methods, addressInline = false }: ApplicationFactsProps) {
  const kinds = useWords(kindLabels);
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
        {addressInline && application.deliveryMethod === "SAUDI_POST" && address && (
          <>
            <br />
            <RecordedText text={`${address.buildingNumber} ${address.street}`} />
            {words.separator}
            <RecordedText text={address.district} />
            {words.separator}
            <RecordedText text={address.city} /> <Code value={address.postalCode} />
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
