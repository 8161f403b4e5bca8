import { Arg, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { RequiresRole } from "../../../../kernel/graphql/authorization";
import type { RequestContext } from "../../../../kernel/context";
import { Violations } from "../../../../kernel/errors";
import { money, Money } from "../../../../kernel/graphql/money";
import { EligibilityDecision } from "../eligibility/eligibilityDecision.type";
import { memberIds, type FamilyEvaluations } from "../eligibility/familyEvaluations";
import { describeReason } from "../eligibility/reasons";
import { BenefitEnrollment } from "../enrollments/benefitEnrollment.entity";
import { enrollmentsByRegister } from "../enrollments/loaders";
import { allPrograms, programWithCode } from "../programs/loaders";
import { DEFAULT_PAGE, MAX_PAGE } from "../../../../kernel/graphql/paging";
import { currentWageByPerson, householdIncome } from "../wages/currentWages";
import { MemberWage, memberWageOf } from "../wages/memberWage.type";
import { requireFamilyReader } from "./access";
import { Family, REGISTER_FACTS } from "./family.type";
import { familyMessages } from "./messages";
import { familiesToReview } from "./queue";
import { FamilyConnection } from "./queueTypes";

const MAX_FAMILIES_FOR_REVIEW = 100;

const REQUIRES_REGISTER_FACTS = `@requires(fields: "${REGISTER_FACTS}")`;

/** Labor's fields on civil-affairs' Family, computed from the register facts the gateway hands over. */
@Resolver(() => Family)
export class FamilyResolver {
  constructor(private readonly evaluations: FamilyEvaluations) {}

  /**
   * A list, not root aliases, so that the gateway fetches the register facts of all the families in
   * one `_entities` call to civil-affairs and their labor fields in one `_entities` call to labor.
   */
  @RequiresRole("LABOR_OFFICER")
  @Query(() => [Family], { nullable: "items", description: `Labor officers: up to ${MAX_FAMILIES_FOR_REVIEW} families by register number, to review in one request (null for an unknown one).` })
  familiesForReview(@Arg("registerNumbers", () => [ID]) registerNumbers: string[], @Ctx() ctx: RequestContext): Family[] {
    const violations = new Violations(ctx.lang);
    if (registerNumbers.length > MAX_FAMILIES_FOR_REVIEW) {
      violations.add("registerNumbers", "TOO_MANY", familyMessages.tooMany, { max: MAX_FAMILIES_FOR_REVIEW });
    }
    registerNumbers.forEach((number, i) => {
      if (!/^\d{10}$/.test(number)) violations.add(`registerNumbers[${i}]`, "FORMAT", familyMessages.registerNumber, undefined);
    });
    violations.throwIfAny();
    return registerNumbers.map((registerNumber) => Object.assign(new Family(), { registerNumber }));
  }

  /** Each node is a family's key, as familiesForReview's: the gateway fetches the rest from civil-affairs and labor. */
  @RequiresRole("LABOR_OFFICER")
  @Query(() => FamilyConnection, {
    description: `Labor officers: the families of labor's copy of the register, by register number, to review without knowing their numbers (first: 1 to ${MAX_PAGE}).`,
  })
  familiesToReview(
    @Arg("first", () => Int, { nullable: true, defaultValue: DEFAULT_PAGE }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<FamilyConnection> {
    return familiesToReview(ctx, first, after);
  }

  @FieldResolver(() => [EligibilityDecision])
  @Directive(REQUIRES_REGISTER_FACTS)
  async eligibility(@Root() family: Family, @Ctx() ctx: RequestContext): Promise<EligibilityDecision[]> {
    const [evaluation, programs] = await Promise.all([requireFamilyReader(ctx, family).then((composition) => ctx.loaders.get(this.evaluations).load(composition)), allPrograms(ctx)]);
    return evaluation.decisions.map((decision) =>
      Object.assign(new EligibilityDecision(), {
        program: programWithCode(programs, decision.program),
        eligible: decision.eligible,
        monthlyAmount: decision.monthlyHalalas === null ? null : money(decision.monthlyHalalas, ctx.lang),
        reasons: decision.reasons.map((reason) => describeReason(reason, ctx.lang)),
        evaluatedAt: evaluation.evaluatedAt,
      }),
    );
  }

  @FieldResolver(() => Money, { nullable: true, description: "The members' current monthly wages, summed." })
  @Directive(REQUIRES_REGISTER_FACTS)
  async householdIncome(@Root() family: Family, @Ctx() ctx: RequestContext): Promise<Money> {
    return money(await householdIncome(ctx, memberIds(await requireFamilyReader(ctx, family))), ctx.lang);
  }

  /** Read by whoever may read householdIncome (requireFamilyReader): what the income is made of. */
  @FieldResolver(() => [MemberWage], { description: "Each member's current monthly wage, in the order of the members; they sum to householdIncome." })
  @Directive(REQUIRES_REGISTER_FACTS)
  async wages(@Root() family: Family, @Ctx() ctx: RequestContext): Promise<MemberWage[]> {
    const ids = memberIds(await requireFamilyReader(ctx, family));
    const wages = await ctx.loaders.get(currentWageByPerson).loadMany(ids);
    return ids.map((nationalId, i) => {
      const wage = wages[i];
      if (wage instanceof Error) throw wage;
      return memberWageOf(nationalId, wage ?? null, ctx.lang);
    });
  }

  @FieldResolver(() => [BenefitEnrollment])
  @Directive(REQUIRES_REGISTER_FACTS)
  async enrollments(@Root() family: Family, @Ctx() ctx: RequestContext): Promise<BenefitEnrollment[]> {
    await requireFamilyReader(ctx, family);
    return ctx.loaders.get(enrollmentsByRegister).load(family.registerNumber);
  }
}

/** `_entities`: the representation is the family (key and required facts); each field checks access. */
export function resolveFamilyReference(representation: Family): Family {
  return Object.assign(new Family(), representation);
}
