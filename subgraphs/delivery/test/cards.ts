import type { CardIssuedEvent } from "../../../kernel/events/cardIssued";
import { withCheckDigit } from "../../../kernel/nationalId";
import { postSigned } from "../../../test/support/signedPost";
import type { Caller, SubgraphHarness } from "../../../test/support/subgraph";
import { DEV_CARRIER_SECRET } from "../src/settings";

/** The people on the cards of delivery's tests, a citizen who is not, and the staff who handle them. */
export const HEAD = withCheckDigit("190000001");
export const SPOUSE = withCheckDigit("190000002");
/** A son under 18 (on a card only where a test puts him): on the card, yet he reads nothing of its delivery (RULES.md: a minor child does not read the family's records). */
export const MINOR_SON = withCheckDigit("190000003");
export const STRANGER = withCheckDigit("190000009");
export const OPERATOR = withCheckDigit("190000925");
export const OFFICER = withCheckDigit("190000909");
export const ANALYST = withCheckDigit("190000933");

export const CALLERS = {
  citizen: { nationalId: HEAD },
  spouse: { nationalId: SPOUSE },
  minorSon: { nationalId: MINOR_SON },
  stranger: { nationalId: STRANGER },
  operator: { nationalId: OPERATOR, roles: ["CITIZEN", "POST_OPERATOR"] },
  officer: { nationalId: OFFICER, roles: ["CITIZEN", "CIVIL_AFFAIRS_OFFICER"] },
  analyst: { nationalId: ANALYST, roles: ["CITIZEN", "ANALYST"] },
} satisfies Record<string, Caller>;

let sequence = 0;
const DAY = 86_400_000;

/** A CardIssued event for a fresh card, issued `daysAgo` days ago (by default today, an hour ago). */
export function cardIssued(overrides: Partial<CardIssuedEvent> & { daysAgo?: number } = {}): CardIssuedEvent {
  const { daysAgo, ...fields } = overrides;
  const cardNumber = `FC9${String(++sequence).padStart(11, "0")}`;
  const issuedAt = new Date(Date.now() - (daysAgo === undefined ? 3_600_000 : daysAgo * DAY)).toISOString();
  return {
    type: "CardIssued",
    eventId: `evt-${cardNumber}`,
    occurredAt: issuedAt,
    cardNumber,
    registerNumber: "3900000001",
    version: 1,
    applicationId: `app-${cardNumber}`,
    deliveryMethod: "SAUDI_POST",
    officeId: "RUH-01",
    address: { buildingNumber: "2929", street: "King Fahd Road", district: "Al Olaya", city: "Riyadh", postalCode: "12211", additionalNumber: "7788", shortAddress: "RRRD2929" },
    recipientName: "فهد عبدالله العتيبي",
    headNationalId: HEAD,
    memberIds: [HEAD, SPOUSE],
    members: [
      { nationalId: HEAD, relation: "HEAD", birthDate: "1980-03-01", nationality: "SAU" },
      { nationalId: SPOUSE, relation: "SPOUSE", birthDate: "1986-07-12", nationality: "SAU" },
    ],
    issuedAt,
    ...fields,
  };
}

/** Sends a batch of tracking events as the carrier does (its webhook, signed with the development secret). */
export const carrierBatch = (delivery: SubgraphHarness, events: unknown[]) => postSigned(`${delivery.url}/carrier/webhook`, { events }, DEV_CARRIER_SECRET);

/** Shipment.status and OfficePickup.status have different enum types: GraphQL needs an alias for one. */
export const ENTITIES_QUERY = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on FamilyCard {
      cardNumber
      delivery {
        __typename
        ... on Shipment { trackingNumber status carrier attempts estimatedDeliveryDate isDelayed recipientName events { status at location } }
        ... on OfficePickup { pickupStatus: status readyAt collectedAt office { id } }
      }
    }
  }
}`;

export const cards = (...cardNumbers: string[]) => ({ representations: cardNumbers.map((cardNumber) => ({ __typename: "FamilyCard", cardNumber })) });
