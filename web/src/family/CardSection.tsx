import type { MyFamilyQuery, ShipmentFactsFragment, ShipmentStatus } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { formatNumber } from "../i18n/format";
import { useLanguage } from "../i18n/language";
import { Code, Day, Moment } from "../ui/Dates";
import { Timeline } from "../ui/Timeline";
import { cardStatusLabels, pickupStatusLabels, shipmentStatusLabels } from "./labels";
import { familyWords } from "./words";

/** Where a shipment's journey ends: no on-time or delayed badge then. */
const ENDED: ShipmentStatus[] = ["DELIVERED", "RETURNED_TO_OFFICE"];

type Card = NonNullable<NonNullable<NonNullable<MyFamilyQuery["me"]>["family"]>["card"]>;
type Delivery = NonNullable<Card["delivery"]>;
type Pickup = Extract<Delivery, { __typename: "OfficePickup" }>;

/** The active card (civil affairs) and its delivery (Saudi Post or an office). */
export function CardSection({ card }: { card: Card | null }) {
  const words = useWords(familyWords);
  const statuses = useWords(cardStatusLabels);
  const language = useLanguage();
  return (
    <section class="card" aria-labelledby="card-title">
      <h2 id="card-title">{words.card}</h2>
      {!card && <p>{words.noCard}</p>}
      {card && (
        <>
          <dl class="facts">
            <dt>{words.cardNumber}</dt>
            <dd>
              <Code value={card.cardNumber} />
            </dd>
            <dt>{words.cardStatus}</dt>
            <dd>{statuses[card.status]}</dd>
            <dt>{words.cardVersion}</dt>
            <dd>{formatNumber(card.version, language)}</dd>
            <dt>{words.issuedAt}</dt>
            <dd>
              <Moment value={card.issuedAt} />
            </dd>
          </dl>
          <h3>{words.delivery}</h3>
          {!card.delivery && <p>{words.noDelivery}</p>}
          {card.delivery?.__typename === "Shipment" && <ShipmentFacts shipment={card.delivery} />}
          {card.delivery?.__typename === "OfficePickup" && <PickupFacts pickup={card.delivery} />}
        </>
      )}
    </section>
  );
}

/** A Saudi Post shipment and its timeline; `level`: its headings' level where it is shown. */
function ShipmentFacts({ shipment, level = 3 }: { shipment: ShipmentFactsFragment; level?: 3 | 4 }) {
  const Heading = level === 3 ? "h3" : "h4";
  const words = useWords(familyWords);
  const statuses = useWords(shipmentStatusLabels);
  const language = useLanguage();
  return (
    <>
      <dl class="facts">
        <dt>{words.trackingNumber}</dt>
        <dd>
          <Code value={shipment.trackingNumber} />
        </dd>
        <dt>{words.carrier}</dt>
        <dd>{shipment.carrier}</dd>
        <dt>{words.shipmentStatus}</dt>
        <dd>
          {statuses[shipment.shipmentStatus]}
          {/* On time or delayed only while it is on its way: not once delivered or returned to the office. */}
          {!ENDED.includes(shipment.shipmentStatus) && (
            <>
              {" · "}
              <span class={shipment.isDelayed ? "badge bad" : "badge good"}>{shipment.isDelayed ? words.delayed : words.onTime}</span>
            </>
          )}
        </dd>
        {shipment.estimatedDeliveryDate && (
          <>
            <dt>{words.estimatedDelivery}</dt>
            <dd>
              <Day value={shipment.estimatedDeliveryDate} />
            </dd>
          </>
        )}
        {shipment.deliveredAt && (
          <>
            <dt>{words.deliveredAt}</dt>
            <dd>
              <Moment value={shipment.deliveredAt} />
            </dd>
          </>
        )}
        <dt>{words.attempts}</dt>
        <dd>{formatNumber(shipment.attempts, language)}</dd>
      </dl>
      <Heading>{words.timeline}</Heading>
      <Timeline events={shipment.events} newestFirst />
    </>
  );
}

function PickupFacts({ pickup }: { pickup: Pickup }) {
  const words = useWords(familyWords);
  const statuses = useWords(pickupStatusLabels);
  const language = useLanguage();
  return (
    <>
      <dl class="facts">
        <dt>{words.pickupOffice}</dt>
        <dd>
          {/* The API gives the city in English only; the Arabic name already names it. */}
          {language === "en" ? `${pickup.office.nameEn} (${pickup.office.city})` : pickup.office.nameAr}
        </dd>
        <dt>{words.pickupStatus}</dt>
        <dd>{statuses[pickup.pickupStatus]}</dd>
        {pickup.readyAt && (
          <>
            <dt>{words.readyAt}</dt>
            <dd>
              <Moment value={pickup.readyAt} />
            </dd>
          </>
        )}
        {pickup.collectedAt && (
          <>
            <dt>{words.collectedAt}</dt>
            <dd>
              <Moment value={pickup.collectedAt} />
            </dd>
          </>
        )}
      </dl>
      {pickup.returnedShipment && (
        <section aria-labelledby="returned-shipment-title">
          <h3 id="returned-shipment-title">{words.returnedShipment}</h3>
          <ShipmentFacts shipment={pickup.returnedShipment} level={4} />
        </section>
      )}
    </>
  );
}
