import { Ctx, FieldResolver, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../../../kernel/context";
import { BenefitProgram } from "./benefitProgram.entity";

export const RULES_VERSION = "2026-1";

@Resolver(() => BenefitProgram)
export class BenefitProgramResolver {
  @Query(() => [BenefitProgram], { description: "Public: the support programs and their current rules version." })
  benefitPrograms(@Ctx() ctx: RequestContext): Promise<BenefitProgram[]> {
    return ctx.db.getRepository(BenefitProgram).find({ order: { code: "ASC" } });
  }

  @FieldResolver(() => String)
  rulesVersion(): string {
    return RULES_VERSION;
  }
}
