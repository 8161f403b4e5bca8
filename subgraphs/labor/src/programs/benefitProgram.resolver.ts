import { Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../../../kernel/context";
import type { RuleSet } from "../rules/ruleSet";
import { BenefitProgram } from "./benefitProgram.entity";
import { allPrograms, findProgram } from "./loaders";

@Resolver(() => BenefitProgram)
export class BenefitProgramResolver {
  constructor(private readonly ruleSet: RuleSet) {}

  @Query(() => [BenefitProgram], { description: "Public: the support programs and their current rules version." })
  benefitPrograms(@Ctx() ctx: RequestContext): Promise<BenefitProgram[]> {
    return allPrograms(ctx);
  }

  @FieldResolver(() => String, { description: "What the program gives, in the request's language." })
  description(@Root() program: BenefitProgram, @Ctx() ctx: RequestContext): string {
    return ctx.lang === "ar" ? program.descriptionAr : program.descriptionEn;
  }

  @FieldResolver(() => String, { description: "The version of the rules file that makes this program's decisions." })
  rulesVersion(): string {
    return this.ruleSet.version;
  }

  @FieldResolver(() => Boolean, {
    description: "True while that rules version's figures are the shipped illustrative defaults, not an operator's: a decision on them is labelled as such.",
  })
  illustrativeFigures(): boolean {
    return this.ruleSet.illustrative === true;
  }
}

/** Programs are public: anyone may resolve one by its code. */
export function resolveProgramReference(ref: Pick<BenefitProgram, "code">, ctx: RequestContext): Promise<BenefitProgram | null> {
  return findProgram(ctx, ref.code);
}
