import { Violations } from "../../../../../kernel/errors";
import type { Lang } from "../../../../../kernel/i18n";
import type { DocumentType } from "../enums";

/** A document the rules require, and for whom (a spouse's or child's ID), if anyone. */
export interface DocumentRequirement {
  type: DocumentType;
  subject: string | null;
}

/** What the rules found: problems to fix, and documents that must be attached. */
export class RuleOutcome {
  readonly violations: Violations;
  readonly requirements: DocumentRequirement[] = [];
  constructor(lang: Lang) {
    this.violations = new Violations(lang);
  }
  require(type: DocumentType, subject: string | null = null): void {
    this.requirements.push({ type, subject });
  }
}

/** Requirements not yet met by attached documents, matched by type one for one. */
export function unmetRequirements(requirements: DocumentRequirement[], attached: Array<{ type: DocumentType }>): DocumentRequirement[] {
  const available = new Map<DocumentType, number>();
  for (const document of attached) available.set(document.type, (available.get(document.type) ?? 0) + 1);
  return requirements.filter((requirement) => {
    const left = available.get(requirement.type) ?? 0;
    if (left > 0) available.set(requirement.type, left - 1);
    return left === 0;
  });
}
