import DataLoader from "dataloader";
import type { RequestContext } from "../../../../kernel/context";
import type { LoaderFactory } from "../../../../kernel/loaders";
import type { FamilyComposition } from "../family/family.type";
import type { RuleSet } from "../rules/ruleSet";
import { householdIncome } from "../wages/currentWages";
import { evaluateFamily, type Evaluation } from "./evaluation";
import { householdFacts } from "./household";

export const memberIds = (family: FamilyComposition) => family.members.map((member) => member.citizen.nationalId);

/**
 * Evaluates a batch of families: one wage statement for all their members, and nothing written (a
 * read never writes; an enrollment keeps the decision it was made on). One evaluation per family per
 * request, on the request's day (`ctx.today`, `ctx.now`).
 */
export type FamilyEvaluations = LoaderFactory<FamilyComposition, Evaluation, RequestContext>;

export function familyEvaluations(ruleSet: RuleSet): FamilyEvaluations {
  return (ctx) =>
    new DataLoader<FamilyComposition, Evaluation, string>(
      async (families) => {
        const incomes = await Promise.all(families.map((family) => householdIncome(ctx, memberIds(family))));
        return families.map((family, i) => evaluateFamily(ruleSet, family.registerNumber, householdFacts(family, incomes[i]!, ctx.today), ctx.now));
      },
      { cacheKeyFn: (family) => family.registerNumber },
    );
}
