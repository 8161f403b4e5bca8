import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../../../kernel/context";
import { BenefitProgram } from "../programs/benefitProgram.entity";
import { loadProgram } from "../programs/loaders";
import { EligibilityDecision } from "./eligibilityDecision.type";

@Resolver(() => EligibilityDecision)
export class EligibilityDecisionResolver {
  @FieldResolver(() => BenefitProgram)
  program(@Root() decision: EligibilityDecision, @Ctx() ctx: RequestContext): BenefitProgram | Promise<BenefitProgram> {
    return loadProgram(ctx, decision.programCode);
  }
}
