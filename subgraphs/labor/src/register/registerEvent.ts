import type { RegisterMemberFacts } from "../../../../kernel/events/cardIssued";
import type { RegisterComposition } from "./registerCopy";

export type ParsedRegisterEvent =
  | { kind: "composition"; eventId: string; composition: RegisterComposition }
  | { kind: "ignored"; reason: string }
  | { kind: "invalid"; problems: string[] };

const RELATIONS = new Set(["HEAD", "SPOUSE", "SON", "DAUGHTER"]);
/** A register lists a head, up to four spouses and the children: far fewer than this. */
const MAX_MEMBERS = 60;

function memberProblems(member: unknown, i: number): string[] {
  if (typeof member !== "object" || member === null) return [`members[${i}] is not an object`];
  const m = member as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof m.nationalId !== "string" || !/^[12]\d{9}$/.test(m.nationalId)) problems.push(`members[${i}].nationalId is not a national ID`);
  if (typeof m.relation !== "string" || !RELATIONS.has(m.relation)) problems.push(`members[${i}].relation must be HEAD, SPOUSE, SON or DAUGHTER`);
  if (typeof m.birthDate !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(m.birthDate) || Number.isNaN(Date.parse(m.birthDate))) problems.push(`members[${i}].birthDate must be YYYY-MM-DD`);
  if (typeof m.nationality !== "string" || !/^[A-Z]{2,3}$/.test(m.nationality)) problems.push(`members[${i}].nationality must be a country code`);
  return problems;
}

/**
 * Reads the register's composition out of a signed CardIssued event. Other event types, and a
 * CardIssued from a publisher that does not send `members` yet, are acknowledged and ignored;
 * fields labor does not use are ignored too, so publisher and consumer upgrade independently.
 */
export function parseRegisterEvent(payload: unknown): ParsedRegisterEvent {
  if (typeof payload !== "object" || payload === null) return { kind: "invalid", problems: ["the body is not an event object"] };
  const event = payload as Record<string, unknown>;
  if (event.type !== "CardIssued") return { kind: "ignored", reason: `event type ${String(event.type)}` };
  if (event.members === undefined) return { kind: "ignored", reason: "CardIssued without members (an older publisher)" };
  const problems: string[] = [];
  if (typeof event.eventId !== "string" || event.eventId === "" || event.eventId.length > 64) problems.push("eventId is required (at most 64 characters)");
  if (typeof event.registerNumber !== "string" || !/^\d{10}$/.test(event.registerNumber)) problems.push("registerNumber must be 10 digits");
  if (!Number.isInteger(event.version) || (event.version as number) < 1) problems.push("version must be a whole number from 1");
  if (typeof event.issuedAt !== "string" || Number.isNaN(Date.parse(event.issuedAt))) problems.push("issuedAt must be a date and time");
  if (!Array.isArray(event.members) || event.members.length === 0 || event.members.length > MAX_MEMBERS) {
    problems.push(`members must list 1 to ${MAX_MEMBERS} people`);
  } else {
    event.members.forEach((member, i) => problems.push(...memberProblems(member, i)));
    const members = event.members as RegisterMemberFacts[];
    if (members.filter((m) => m.relation === "HEAD").length !== 1) problems.push("members must include exactly one HEAD");
    if (new Set(members.map((m) => m.nationalId)).size !== members.length) problems.push("members lists a person twice");
  }
  if (problems.length > 0) return { kind: "invalid", problems };
  const members = (event.members as RegisterMemberFacts[]).map(({ nationalId, relation, birthDate, nationality }) => ({ nationalId, relation, birthDate, nationality }));
  return { kind: "composition", eventId: event.eventId as string, composition: { registerNumber: event.registerNumber as string, cardVersion: event.version as number, issuedAt: new Date(event.issuedAt as string).toISOString(), members } };
}
