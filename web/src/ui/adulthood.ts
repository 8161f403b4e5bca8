import { isAdultOn } from "../../../kernel/adulthood";
import type { ApiError } from "../api/errors";
import { todayInRiyadh } from "../i18n/format";

/** Whether someone born on `birthDate` is 18 or over today in Riyadh, as the agencies judge it (kernel/adulthood.ts). */
export function isAdultToday(birthDate: string): boolean {
  return isAdultOn(birthDate, todayInRiyadh());
}

/** A son or daughter under 18, refused the family's record (RULES.md): said as such, never as an agency that did not answer. */
export function isRefusedMinor(me: { birthDate: string; family?: unknown } | null | undefined): boolean {
  return me != null && !me.family && !isAdultToday(me.birthDate);
}

/** The parts of a reply that really went unanswered: a minor's refusal of the family is not one. */
export function unansweredParts(partialErrors: ApiError[], minor: boolean): ApiError[] {
  return partialErrors.filter((partial) => !(minor && partial.code === "FORBIDDEN"));
}
