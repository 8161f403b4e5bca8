import { isMinorChild } from "../../../../kernel/adulthood";
import { ageOn } from "../../../../kernel/dates";
import type { FamilyComposition } from "../family/family.type";

/** Everything a decision depends on, besides the rules: the engine's whole input. */
export interface HouseholdFacts {
  headNationality: string;
  headAge: number;
  /** The head and every other member who is not a child. */
  adults: number;
  /** Sons and daughters under 18. */
  children: number;
  incomeHalalas: number;
}

/** A household's facts on the calendar day `today` ("YYYY-MM-DD", Riyadh): ages, and so who counts as a child, depend on it. */
export function householdFacts(family: FamilyComposition, incomeHalalas: number, today: string): HouseholdFacts {
  const children = family.members.filter((m) => isMinorChild(m.relation, m.citizen.birthDate, today)).length;
  return {
    headNationality: family.head.nationality,
    headAge: ageOn(family.head.birthDate, today),
    adults: Math.max(1, family.members.length - children),
    children,
    incomeHalalas,
  };
}
