import { testContext } from "../../../test/support/context";
import { graphql as execute, type GraphQLSchema } from "graphql";
import type { Viewer } from "../../../kernel/auth/viewer";
import type { CardIssuedEvent } from "../../../kernel/events/cardIssued";
import { DEV_EVENTS_SECRET } from "../../../kernel/events/settings";
import { postSigned } from "../../../test/support/signedPost";
import { buildFederatedSchema } from "../../../kernel/graphql/federatedSchema";
import { withCheckDigit } from "../../../kernel/nationalId";
import type { DatabaseKind } from "../../../test/support/database";
import { startTestIdentityProvider, type TestIdentityProvider } from "../../../test/support/identityProvider";
import { startTestSubgraph, type TestSubgraph } from "../../../test/support/subgraph";
import { delivery } from "../src/definition";
import { DEV_CARRIER_SECRET } from "../src/settings";

export { postSigned };
export const EVENTS_SECRET = DEV_EVENTS_SECRET;
export const CARRIER_SECRET = DEV_CARRIER_SECRET;

export const HEAD = withCheckDigit("190000001");
export const SPOUSE = withCheckDigit("190000002");
export const STRANGER = withCheckDigit("190000009");
export const OPERATOR = withCheckDigit("190000925");
export const OFFICER = withCheckDigit("190000909");
export const ANALYST = withCheckDigit("190000933");

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
    issuedAt,
    ...fields,
  };
}


export interface DeliveryUnderTest {
  subgraph: TestSubgraph;
  idp: TestIdentityProvider;
  /** Publishes a CardIssued event as civil-affairs' outbox does. */
  publish(event: CardIssuedEvent): Promise<{ status: number; body: any }>;
  /** Sends a carrier webhook batch. */
  carrier(events: unknown[]): Promise<{ status: number; body: any }>;
  token(role: "citizen" | "spouse" | "stranger" | "operator" | "officer" | "analyst"): Promise<string>;
  stop(): Promise<void>;
}

/** Delivery alone, in this process, on a fresh database, with a stand-in identity provider. */
export async function startDelivery(kind: DatabaseKind, options: { demoData?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<DeliveryUnderTest> {
  const idp = await startTestIdentityProvider();
  const subgraph = await startTestSubgraph(delivery, { kind, civilAffairsUrl: idp.url, demoData: options.demoData ?? false, env: options.env });
  return {
    subgraph,
    idp,
    publish: (event) => postSigned(`${subgraph.url}/events`, event, EVENTS_SECRET),
    carrier: (events) => postSigned(`${subgraph.url}/carrier/webhook`, { events }, CARRIER_SECRET),
    token: (role) =>
      ({
        citizen: () => idp.tokenFor(HEAD),
        spouse: () => idp.tokenFor(SPOUSE),
        stranger: () => idp.tokenFor(STRANGER),
        operator: () => idp.tokenFor(OPERATOR, ["CITIZEN", "POST_OPERATOR"]),
        officer: () => idp.tokenFor(OFFICER, ["CITIZEN", "CIVIL_AFFAIRS_OFFICER"]),
        analyst: () => idp.tokenFor(ANALYST, ["CITIZEN", "ANALYST"]),
      })[role](),
    stop: async () => {
      await subgraph.stop();
      await idp.stop();
    },
  };
}

let schema: Promise<GraphQLSchema> | null = null;

/**
 * Runs an operation on delivery's schema in this process, so that the statements it sends can be
 * counted (countStatements follows the caller's async context, which an HTTP request leaves).
 */
export async function executeInProcess(subgraph: TestSubgraph, source: string, variableValues: Record<string, unknown>, viewer: Viewer | null) {
  schema ??= buildFederatedSchema(delivery.schema);
  const contextValue = testContext(subgraph.db, viewer);
  return execute({ schema: await schema, source, variableValues, contextValue });
}

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
