import { CARD_NUMBER_MAX_LENGTH, type CardIssuedEvent } from "../../../../kernel/events/cardIssued";
import type { NationalAddress } from "../../../../kernel/graphql/nationalAddress";

export type ParsedEvent = { kind: "cardIssued"; event: CardIssuedEvent } | { kind: "ignored"; type: string } | { kind: "invalid"; problems: string[] };

const ADDRESS_FIELDS = ["buildingNumber", "street", "district", "city", "postalCode", "additionalNumber"] as const;

const isText = (value: unknown, maxLength = Infinity): value is string =>
  typeof value === "string" && value.trim() !== "" && value.length <= maxLength;

const RELATIONS = ["HEAD", "SPOUSE", "SON", "DAUGHTER"];

function isMemberFacts(member: unknown): boolean {
  const facts = member as Record<string, unknown> | null;
  return typeof facts === "object" && facts !== null && isText(facts.nationalId, 10) && RELATIONS.includes(facts.relation as string) && typeof facts.birthDate === "string" && /^\d{4}-\d{2}-\d{2}$/.test(facts.birthDate);
}

function addressProblems(address: unknown): string[] {
  if (typeof address !== "object" || address === null) return ["address is required for SAUDI_POST"];
  const fields = address as Record<string, unknown>;
  const problems = ADDRESS_FIELDS.filter((field) => !isText(fields[field])).map((field) => `address.${field} is required`);
  if (fields.shortAddress != null && !isText(fields.shortAddress, 8)) problems.push("address.shortAddress is malformed");
  return problems;
}

/**
 * Checks a signed event body before anything is stored. Other event types are acknowledged and
 * ignored, so that a publisher with more event kinds does not retry them forever.
 */
export function parseEventPayload(payload: unknown): ParsedEvent {
  if (typeof payload !== "object" || payload === null) return { kind: "invalid", problems: ["the body is not an event object"] };
  const event = payload as Record<string, unknown>;
  if (event.type !== "CardIssued") return { kind: "ignored", type: String(event.type) };
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => ok || problems.push(problem);
  check(isText(event.eventId, 64), "eventId is required (at most 64 characters)");
  check(isText(event.cardNumber, CARD_NUMBER_MAX_LENGTH), `cardNumber is required (at most ${CARD_NUMBER_MAX_LENGTH} characters)`);
  check(isText(event.registerNumber, 10), "registerNumber is required (at most 10 characters)");
  check(isText(event.officeId, 16), "officeId is required: the pickup office, or where a returned card waits");
  check(isText(event.recipientName), "recipientName is required");
  check(typeof event.issuedAt === "string" && !Number.isNaN(Date.parse(event.issuedAt)), "issuedAt must be an ISO-8601 instant");
  check(Array.isArray(event.memberIds) && event.memberIds.length > 0 && event.memberIds.every((id) => isText(id, 10)), "memberIds must list national IDs");
  // Optional (a publisher not yet upgraded sends none), but who reads the card on his own comes from it.
  check(event.members === undefined || (Array.isArray(event.members) && event.members.every(isMemberFacts)), "members must list each person's nationalId, relation and birthDate");
  if (event.deliveryMethod === "SAUDI_POST") problems.push(...addressProblems(event.address));
  else check(event.deliveryMethod === "OFFICE_PICKUP", "deliveryMethod must be SAUDI_POST or OFFICE_PICKUP");
  return problems.length > 0 ? { kind: "invalid", problems } : { kind: "cardIssued", event: event as unknown as CardIssuedEvent };
}

/** The address snapshot with only the National Address fields (nothing else from the body is stored). */
export function addressOf(event: CardIssuedEvent): NationalAddress {
  const address = event.address!;
  return {
    buildingNumber: address.buildingNumber,
    street: address.street,
    district: address.district,
    city: address.city,
    postalCode: address.postalCode,
    additionalNumber: address.additionalNumber,
    shortAddress: address.shortAddress ?? null,
  };
}
