import { demoCast } from "../../../seed/demoCast";
import type { FamilyComposition, FamilyRelation } from "../src/family/family.type";

const cast = demoCast();
const people = new Map(cast.people.map((p) => [p.nationalId, p]));

export const isDemoFamily = (registerNumber: string) => cast.families.some((f) => f.registerNumber === registerNumber);

/** A demo family's composition exactly as civil-affairs answers it (and the gateway hands it to labor). */
export function compositionOf(registerNumber: string): FamilyComposition {
  const family = cast.families.find((f) => f.registerNumber === registerNumber);
  if (!family) throw new Error(`no demo family ${registerNumber}`);
  const head = people.get(family.headId)!;
  return {
    registerNumber,
    head: { nationalId: head.nationalId, nationality: head.nationality, birthDate: head.birthDate },
    members: family.members.map((m) => ({
      relation: m.relation as FamilyRelation,
      citizen: { nationalId: m.nationalId, nationality: people.get(m.nationalId)!.nationality, birthDate: people.get(m.nationalId)!.birthDate },
    })),
  };
}

/** `_entities` representation of a demo family, as the gateway sends it. */
export const representationOf = (registerNumber: string) => ({ __typename: "Family", ...compositionOf(registerNumber) });

/** The first `count` synthetic families' register numbers (31000000xx). */
export const syntheticRegisters = (count: number) => cast.families.filter((f) => f.registerNumber.startsWith("31")).slice(0, count).map((f) => f.registerNumber);

export const FAHAD = { id: "1000000016", register: "3000000001" };
export const ABDULLAH = { id: "1000000099", register: "3000000002" };
export const LABOR_OFFICER = "1000000917";
