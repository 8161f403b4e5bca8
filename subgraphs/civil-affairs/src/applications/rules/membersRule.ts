import type { Violations } from "../../../../../kernel/errors";
import { collectNationalId, normalizeNationalId } from "../../../../../kernel/validation";
import { FamilyRelation } from "../../registry/enums";
import { DocumentType } from "../enums";
import { applicationMessages as m } from "../messages";
import type { ApplicationDraft, ApplicationFacts } from "./facts";
import type { RuleOutcome } from "./outcome";

export const MAX_SPOUSES = 4;
/** Not in RULES.md: a bound on what one draft may name, far above any real family. */
export const MAX_CHILDREN = 50;

/**
 * At most MAX_SPOUSES spouses and MAX_CHILDREN children. Checked on a mutation's input before any
 * ID in it is read (a list of 300,000 IDs had civil-affairs checking each for a minute), and on
 * the draft the rules judge (a members update adds the register's people to the lists given).
 */
export function checkListSizes(lists: { spouseIds?: readonly unknown[] | null; childIds?: readonly unknown[] | null }, violations: Violations): void {
  const spouses = lists.spouseIds?.length ?? 0;
  const children = lists.childIds?.length ?? 0;
  if (spouses > MAX_SPOUSES) violations.add("spouseIds", "TOO_MANY_SPOUSES", m.tooManySpouses, { count: spouses });
  if (children > MAX_CHILDREN) violations.add("childIds", "TOO_MANY_CHILDREN", m.tooManyChildren, { count: children, max: MAX_CHILDREN });
}

/**
 * Checks a list of people: valid IDs, not the applicant, not twice, not also in the other list
 * (`listedElsewhere`: a child who is also named a spouse). Whether an ID names anyone,
 * whether that person heads a register, and whether she is another man's registered wife, is
 * checked only when `registry` is true (an officer's review): the applicant learns nothing of a
 * person the registry does not link to him.
 */
function checkPeople(
  field: "spouseIds" | "childIds",
  ids: string[],
  draft: ApplicationDraft,
  facts: ApplicationFacts,
  out: RuleOutcome,
  registry: boolean,
  listedElsewhere: ReadonlySet<string> = new Set(),
): string[] {
  const seen = new Set<string>();
  const valid: string[] = [];
  ids.forEach((raw, index) => {
    const at = `${field}[${index}]`;
    const id = collectNationalId(out.violations, at, raw);
    if (!id) return;
    if (id === draft.applicantId) return out.violations.add(at, "SELF", m.self, undefined);
    if (seen.has(id)) return out.violations.add(at, "DUPLICATE", m.duplicate, { id });
    if (listedElsewhere.has(id)) return out.violations.add(at, "SPOUSE_AND_CHILD", m.spouseAndChild, { id });
    seen.add(id);
    if (registry && !facts.people.has(id)) return out.violations.add(at, field === "spouseIds" ? "SPOUSE_NOT_FOUND" : "CHILD_NOT_FOUND", m.personNotFound, { id });
    if (registry && facts.heads.has(id)) return out.violations.add(at, "HEADS_ANOTHER_FAMILY", m.headsAnotherFamily, { id });
    if (registry && marriedToAnother(draft, facts, id)) return out.violations.add(at, "MARRIED_TO_ANOTHER", m.marriedToAnother, { id });
    valid.push(id);
  });
  return valid;
}

/** A registered, unended marriage between the applicant and this person. */
export function marriedInRegistry(facts: ApplicationFacts, id: string): boolean {
  return facts.marriages.some((marriage) => marriage.registered && !marriage.endedOn && (marriage.husbandId === id || marriage.wifeId === id));
}

/**
 * The registry records this person as the wife in a registered, unended marriage to a man other
 * than the applicant: no contract or certificate makes her his wife or his daughter.
 */
function marriedToAnother(draft: ApplicationDraft, facts: ApplicationFacts, id: string): boolean {
  return facts.namedMarriages.some((marriage) => marriage.registered && !marriage.endedOn && marriage.wifeId === id && marriage.husbandId !== draft.applicantId);
}

/** The registry's birth record of this person names the applicant as a parent. */
export function childInRegistry(draft: ApplicationDraft, facts: ApplicationFacts, id: string): boolean {
  const birth = facts.births.get(id);
  return Boolean(birth && (birth.fatherId === draft.applicantId || birth.motherId === draft.applicantId));
}

/**
 * Spouses: a registered marriage to the applicant or a place in his register as his spouse, or
 * else a MARRIAGE_CONTRACT for that spouse, never another man's registered wife (refused at the officer's review, never told the
 * applicant); a spouse who is not a Saudi citizen also needs a NATIONAL_ID_COPY. Of a spouse the
 * registry does not link to the applicant, only the ID itself says so (a resident's starts with 2).
 */
export function checkSpouses(draft: ApplicationDraft, facts: ApplicationFacts, out: RuleOutcome, registry: boolean): void {
  for (const id of checkPeople("spouseIds", draft.spouseIds, draft, facts, out, registry)) {
    const married = marriedInRegistry(facts, id) || facts.inOwnRegister.get(id) === FamilyRelation.SPOUSE;
    if (!married) out.require(DocumentType.MARRIAGE_CONTRACT, id);
    const person = married || registry ? facts.people.get(id) : undefined;
    if (person ? person.nationality !== "SA" : id.startsWith("2")) out.require(DocumentType.NATIONAL_ID_COPY, id);
  }
}

/**
 * Children: the registry's birth record names the applicant as a parent, or a place in his register
 * as his son or daughter, or else a BIRTH_CERTIFICATE; never another man's registered wife (refused at the officer's review).
 */
export function checkChildren(draft: ApplicationDraft, facts: ApplicationFacts, out: RuleOutcome, registry: boolean): void {
  const spouses = new Set(draft.spouseIds.map(normalizeNationalId));
  for (const id of checkPeople("childIds", draft.childIds, draft, facts, out, registry, spouses)) {
    const relation = facts.inOwnRegister.get(id);
    const ownChild = childInRegistry(draft, facts, id) || relation === FamilyRelation.SON || relation === FamilyRelation.DAUGHTER;
    if (!ownChild) out.require(DocumentType.BIRTH_CERTIFICATE, id);
  }
}
