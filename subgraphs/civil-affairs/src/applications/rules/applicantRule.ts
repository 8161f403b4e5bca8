import { ADULT_AGE } from "../../../../../kernel/adulthood";
import { ageOn } from "../../../../../kernel/dates";
import { applicationMessages as m } from "../messages";
import type { ApplicationFacts } from "./facts";
import type { RuleOutcome } from "./outcome";

/** Who may apply: a Saudi citizen aged 18 or more on the facts' day (RULES.md, "Who may apply"). */
export function checkApplicant(facts: ApplicationFacts, out: RuleOutcome): void {
  const applicant = facts.applicant;
  if (!applicant) return;
  if (applicant.nationality !== "SA" || !applicant.nationalId.startsWith("1")) {
    out.violations.add("applicant", "NOT_SAUDI", m.notSaudi, undefined);
  }
  const age = ageOn(applicant.birthDate, facts.today);
  if (age < ADULT_AGE) out.violations.add("applicant", "UNDER_AGE", m.underAge, { age });
}
