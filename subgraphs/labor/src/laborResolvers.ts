import type { FamilyRegister } from "./civilAffairs/civilAffairsRegister";
import { familyEvaluations } from "./eligibility/familyEvaluations";
import { EnrollmentResolver } from "./enrollments/enrollment.resolver";
import { FamilyResolver } from "./family/family.resolver";
import { BenefitProgramResolver } from "./programs/benefitProgram.resolver";
import type { RuleSet } from "./rules/ruleSet";
import { ProgramStatsResolver } from "./stats/programStats.resolver";
import { WageResolver } from "./wages/wage.resolver";

/** The resolver instances that need dependencies; one evaluations loader shared by all of them. */
export function laborResolvers(ruleSet: RuleSet, register: FamilyRegister): object[] {
  const evaluations = familyEvaluations(ruleSet);
  return [
    new BenefitProgramResolver(ruleSet),
    new FamilyResolver(evaluations),
    new EnrollmentResolver(evaluations, register),
    new ProgramStatsResolver(ruleSet),
    new WageResolver(ruleSet),
  ];
}
