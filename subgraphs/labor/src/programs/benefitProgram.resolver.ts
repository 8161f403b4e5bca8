import { Ctx, FieldResolver, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../../../kernel/context";
import type { RuleSet } from "../rules/ruleSet";
import { BenefitProgram } from "./benefitProgram.entity";
import { programByCode } from "./loaders";

@Resolver(() => BenefitProgram)
export class BenefitProgramResolver {
  constructor(private readonly ruleSet: RuleSet) {}

  @Query(() => [BenefitProgram], { description: "Public: the support programs and their current rules version." })
  benefitPrograms(@Ctx() ctx: RequestContext): Promise<BenefitProgram[]> {
    return ctx.db.getRepository(BenefitProgram).find({ order: { code: "ASC" } });
  }

  @FieldResolver(() => String, { description: "The version of the rules file that makes this program's decisions." })
  rulesVersion(): string {
    return this.ruleSet.version;
  }
}

/** Programs are public: anyone may resolve one by its code. */
export function resolveProgramReference(ref: Pick<BenefitProgram, "code">, ctx: RequestContext): Promise<BenefitProgram | null> {
  return ctx.loaders.get(programByCode).load(ref.code);
}
