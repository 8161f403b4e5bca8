import { ageOn } from "./dates";

/**
 * Adulthood, the one rule both agencies apply (RULES.md): 18 years. A son or daughter under it is
 * a minor child of the register: civil-affairs does not let them read the family, labor counts
 * them as children and does not let them read the family's labor facts either; an applicant under
 * it may not apply for a card. Every function takes the calendar day it judges on: the request's
 * `ctx.today`, never the clock, so a test can pin it and one request sees one date.
 */
export const ADULT_AGE = 18;

/** The family relations whose members may be minors (the others are adults by definition). */
export const CHILD_RELATIONS: readonly string[] = ["SON", "DAUGHTER"];

/** Whether someone born on `birthDate` is 18 or older on `today` (both "YYYY-MM-DD"): from the 18th birthday on. */
export function isAdultOn(birthDate: string, today: string): boolean {
  return ageOn(birthDate, today) >= ADULT_AGE;
}

export function isChildRelation(relation: string): boolean {
  return CHILD_RELATIONS.includes(relation);
}

/** A son or daughter under 18 on `today`: counted as a child, and not a reader of the family's records. */
export function isMinorChild(relation: string, birthDate: string, today: string): boolean {
  return isChildRelation(relation) && !isAdultOn(birthDate, today);
}
