import type { Violation } from "../../../../../kernel/errors";
import type { Lang } from "../../../../../kernel/i18n";
import type { DocumentType } from "../enums";
import { applicationMessages as m } from "../messages";
import { checkApplicant } from "./applicantRule";
import { checkDelivery, checkOfficeExists } from "./deliveryRule";
import type { ApplicationDraft, ApplicationFacts } from "./facts";
import { checkKindAgainstCard, checkReplacement } from "./kindRule";
import { checkChildren, checkListSizes, checkSpouses } from "./membersRule";
import { RuleOutcome, unmetRequirements, type DocumentRequirement } from "./outcome";

export interface Evaluation {
  violations: Violation[];
  missingDocuments: DocumentType[];
  /** Every document the rules ask for, for whom, and whether an attached one of its type answers it. */
  requirements: Array<DocumentRequirement & { met: boolean }>;
}

/**
 * Runs every rule of RULES.md "Family card application" over a draft. `stage` "save" keeps to
 * what a draft must already satisfy (who applies, the kind, the people and office named);
 * "submit" adds what submission needs (delivery, loss declaration, documents); "review" (an
 * officer approving or issuing) adds what only the registry can tell: that every person named
 * exists and heads no other register. missingDocuments is always computed, so the applicant sees
 * at any time what is still required.
 */
export function evaluate(draft: ApplicationDraft, facts: ApplicationFacts, lang: Lang, stage: "save" | "submit" | "review"): Evaluation {
  const out = new RuleOutcome(lang);
  const registry = stage === "review";
  checkApplicant(facts, out);
  checkKindAgainstCard(draft, facts, out);
  checkListSizes(draft, out.violations);
  checkSpouses(draft, facts, out, registry);
  checkChildren(draft, facts, out, registry);
  checkOfficeExists(draft, facts, out);
  const saveViolations = [...out.violations.list];
  checkReplacement(draft, out);
  checkDelivery(draft, facts, out);
  const missing = unmetRequirements(out.requirements, facts.documents);
  const requirements = out.requirements.map((requirement) => ({ ...requirement, met: !missing.includes(requirement) }));
  if (stage === "save") return { violations: saveViolations, missingDocuments: missing.map((r) => r.type), requirements };
  for (const requirement of missing) {
    out.violations.add("documents", "DOCUMENT_MISSING", m.documentMissing, { type: requirement.type, subject: requirement.subject });
  }
  return { violations: out.violations.list, missingDocuments: missing.map((r) => r.type), requirements };
}
