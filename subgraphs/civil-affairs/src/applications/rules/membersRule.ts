import { collectNationalId } from "../../../../../kernel/validation";
import { DocumentType } from "../enums";
import { applicationMessages as m } from "../messages";
import type { ApplicationDraft, ApplicationFacts } from "./facts";
import type { RuleOutcome } from "./outcome";

const MAX_SPOUSES = 4;

/** Checks a list of people: valid IDs, in the registry, not the applicant, not twice, no other head. */
function checkPeople(field: "spouseIds" | "childIds", ids: string[], draft: ApplicationDraft, facts: ApplicationFacts, out: RuleOutcome): string[] {
  const seen = new Set<string>();
  const known: string[] = [];
  ids.forEach((raw, index) => {
    const at = `${field}[${index}]`;
    const id = collectNationalId(out.violations, at, raw);
    if (!id) return;
    if (id === draft.applicantId) return out.violations.add(at, "SELF", m.self, undefined);
    if (seen.has(id)) return out.violations.add(at, "DUPLICATE", m.duplicate, { id });
    seen.add(id);
    if (!facts.people.has(id)) return out.violations.add(at, field === "spouseIds" ? "SPOUSE_NOT_FOUND" : "CHILD_NOT_FOUND", m.personNotFound, { id });
    if (facts.heads.has(id)) return out.violations.add(at, "HEADS_ANOTHER_FAMILY", m.headsAnotherFamily, { id });
    known.push(id);
  });
  return known;
}

/**
 * Spouses: at most four; a registered marriage to the applicant, or else a MARRIAGE_CONTRACT for
 * that spouse; a spouse who is not a Saudi citizen also needs a NATIONAL_ID_COPY.
 */
export function checkSpouses(draft: ApplicationDraft, facts: ApplicationFacts, out: RuleOutcome): void {
  if (draft.spouseIds.length > MAX_SPOUSES) {
    out.violations.add("spouseIds", "TOO_MANY_SPOUSES", m.tooManySpouses, { count: draft.spouseIds.length });
  }
  for (const id of checkPeople("spouseIds", draft.spouseIds, draft, facts, out)) {
    const registered = facts.marriages.some(
      (marriage) => marriage.registered && !marriage.endedOn && (marriage.husbandId === id || marriage.wifeId === id),
    );
    if (!registered) out.require(DocumentType.MARRIAGE_CONTRACT, id);
    if (facts.people.get(id)!.nationality !== "SA") out.require(DocumentType.NATIONAL_ID_COPY, id);
  }
}

/** Children: the registry's birth record names the applicant as a parent, or else a BIRTH_CERTIFICATE. */
export function checkChildren(draft: ApplicationDraft, facts: ApplicationFacts, out: RuleOutcome): void {
  for (const id of checkPeople("childIds", draft.childIds, draft, facts, out)) {
    const birth = facts.births.get(id);
    const namesApplicant = birth && (birth.fatherId === draft.applicantId || birth.motherId === draft.applicantId);
    if (!namesApplicant) out.require(DocumentType.BIRTH_CERTIFICATE, id);
  }
}
