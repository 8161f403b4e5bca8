import { ageOn } from "../../../../kernel/dates";
import { FamilyRelation, type FamilyComposition } from "../family/family.type";

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

const ADULT_AGE = 18;

export function isChild(relation: FamilyRelation, birthDate: string, asOf: Date): boolean {
  return (relation === FamilyRelation.SON || relation === FamilyRelation.DAUGHTER) && ageOn(birthDate, asOf) < ADULT_AGE;
}

export function householdFacts(family: FamilyComposition, incomeHalalas: number, asOf: Date): HouseholdFacts {
  const children = family.members.filter((m) => isChild(m.relation, m.citizen.birthDate, asOf)).length;
  return {
    headNationality: family.head.nationality,
    headAge: ageOn(family.head.birthDate, asOf),
    adults: Math.max(1, family.members.length - children),
    children,
    incomeHalalas,
  };
}
