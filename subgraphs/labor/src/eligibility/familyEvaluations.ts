import DataLoader from "dataloader";
import type { RequestContext } from "../../../../kernel/context";
import type { LoaderFactory } from "../../../../kernel/loaders";
import type { FamilyComposition } from "../family/family.type";
import type { RuleSet } from "../rules/ruleSet";
import { incomeOf, memberWages } from "../wages/currentWages";
import type { WageRecord } from "../wages/wageRecord.entity";
import { evaluateFamily, type Evaluation } from "./evaluation";
import { householdFacts } from "./household";

export const memberIds = (family: FamilyComposition) => family.members.map((member) => member.citizen.nationalId);

/**
 * When a decision's inputs last changed, as far as labor knows: the start of the Riyadh day its ages
 * are counted on, or a wage in effect recorded since. The decision is dated by it, so that reading
 * the same family again gives the same decision, its time included (RULES.md: deterministic).
 */
function inputsAsOf(today: string, wages: readonly WageRecord[]): Date {
  const dayStart = new Date(`${today}T00:00:00+03:00`).getTime();
  return new Date(Math.max(dayStart, ...wages.map((wage) => wage.recordedAt.getTime())));
}

/**
 * Evaluates a batch of families: one wage statement for all their members, and nothing written (a
 * read never writes; an enrollment keeps the decision it was made on). One evaluation per family per
 * request, on the request's day (`ctx.today`), dated by `inputsAsOf`.
 */
export type FamilyEvaluations = LoaderFactory<FamilyComposition, Evaluation, RequestContext>;

export function familyEvaluations(ruleSet: RuleSet): FamilyEvaluations {
  return (ctx) =>
    new DataLoader<FamilyComposition, Evaluation, string>(
      async (families) => {
        const wages = await Promise.all(families.map((family) => memberWages(ctx, memberIds(family))));
        return families.map((family, i) => evaluateFamily(ruleSet, family.registerNumber, householdFacts(family, incomeOf(wages[i]!), ctx.today), inputsAsOf(ctx.today, wages[i]!)));
      },
      { cacheKeyFn: (family) => family.registerNumber },
    );
}
