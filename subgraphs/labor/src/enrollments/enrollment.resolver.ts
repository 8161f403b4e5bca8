import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Authenticated, RequiresRole } from "../../../../kernel/graphql/authorization";
import { requireViewer, type RequestContext } from "../../../../kernel/context";
import { hasRole } from "../../../../kernel/auth/viewer";
import { appError, badInput, type AppError } from "../../../../kernel/errors";
import { say, type Lang } from "../../../../kernel/i18n";
import type { FamilyRegister } from "../civilAffairs/civilAffairsRegister";
import type { FamilyEvaluations } from "../eligibility/familyEvaluations";
import type { Reason } from "../eligibility/engine";
import { describeReason } from "../eligibility/reasons";
import { Family } from "../family/family.type";
import { BenefitProgram } from "../programs/benefitProgram.entity";
import { BenefitProgramCode } from "../programs/programCode";
import { loadProgram } from "../programs/loaders";
import { DEFAULT_PAGE, MAX_PAGE } from "../../../../kernel/graphql/paging";
import { BenefitEnrollment, EnrollmentStatus } from "./benefitEnrollment.entity";
import { enrollmentMessages } from "./messages";
import { decideEnrollment, isEnrollmentId, openEnrollment, type DecisionBasis } from "./enrollments";
import { pendingEnrollments } from "./queue";
import { BenefitEnrollmentConnection } from "./queueTypes";

/** NOT_ELIGIBLE on `field`, one violation per reason the family is not eligible (one saying so when there are none to give). */
function notEligible(lang: Lang, field: string, reasons: readonly Reason[]): AppError {
  const messages = reasons.length > 0 ? reasons.map((reason) => describeReason(reason, lang)) : [say(lang, enrollmentMessages.notEligibleNow, undefined)];
  return badInput(lang, messages.map((message) => ({ field, rule: "NOT_ELIGIBLE", message })));
}

@Resolver(() => BenefitEnrollment)
export class EnrollmentResolver {
  constructor(
    private readonly evaluations: FamilyEvaluations,
    private readonly register: FamilyRegister,
  ) {}

  @Authenticated()
  @Mutation(() => BenefitEnrollment, {
    description: "The family's head (or a labor officer) applies; refused with NOT_ELIGIBLE and the reasons when the family is not eligible now.",
  })
  async enrollInProgram(
    @Arg("registerNumber", () => ID) registerNumber: string,
    @Arg("program", () => BenefitProgramCode) program: BenefitProgramCode,
    @Ctx() ctx: RequestContext,
  ): Promise<BenefitEnrollment> {
    const viewer = requireViewer(ctx);
    const family = await this.register.family(registerNumber, ctx);
    if (!family) throw appError("NOT_FOUND", ctx.lang);
    if (!hasRole(viewer, "LABOR_OFFICER") && viewer.nationalId !== family.head.nationalId) throw appError("FORBIDDEN", ctx.lang);
    const evaluation = await ctx.loaders.get(this.evaluations).load(family);
    const decision = evaluation.decisions.find((d) => d.program === program)!;
    if (!decision.eligible) throw notEligible(ctx.lang, "program", decision.reasons);
    return openEnrollment(ctx.db, ctx.lang, { registerNumber: family.registerNumber, appliedBy: viewer.nationalId, evaluation, decision });
  }

  @RequiresRole("LABOR_OFFICER")
  @Query(() => BenefitEnrollmentConnection, {
    description: `Labor officers' queue: the PENDING enrollments of every family, the first applied for first (first: 1 to ${MAX_PAGE}).`,
  })
  pendingEnrollments(
    @Arg("first", () => Int, { nullable: true, defaultValue: DEFAULT_PAGE }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<BenefitEnrollmentConnection> {
    return pendingEnrollments(ctx, first, after);
  }

  @RequiresRole("LABOR_OFFICER")
  @Mutation(() => BenefitEnrollment, {
    description:
      "Labor officers: approve or reject a PENDING enrollment, any officer, the one who applied for the family included; not one of a family where he, his spouse or his child is a member (FORBIDDEN, FOUR_EYES). An approval is refused with NOT_ELIGIBLE and the reasons when the family is not eligible now.",
  })
  async decideEnrollment(
    @Arg("id", () => ID) id: string,
    @Arg("approve") approve: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<BenefitEnrollment> {
    const officer = requireViewer(ctx);
    const enrollment = isEnrollmentId(id) ? await ctx.db.getRepository(BenefitEnrollment).findOneBy({ id }) : null;
    if (!enrollment) throw appError("NOT_FOUND", ctx.lang);
    const family = await this.register.family(enrollment.registerNumber, ctx);
    // Four-eyes as RULES.md draws it: not where he, his spouse or his child is a member (civil-affairs
    // knows them, himself included, wherever their register). An officer who applied for a family
    // (issue 4 lets him) decides it too; the enrollment keeps who applied and who decided.
    if (family?.viewerMayAct === false) {
      throw appError("FORBIDDEN", ctx.lang, say(ctx.lang, enrollmentMessages.ownCase, undefined), { reason: "FOUR_EYES" });
    }
    // The family's composition or income may have changed since it applied: approve what it is eligible for now, at today's amount.
    let approvedOn: DecisionBasis | undefined;
    if (approve && enrollment.status === EnrollmentStatus.PENDING) {
      if (!family) throw notEligible(ctx.lang, "approve", []);
      const evaluation = await ctx.loaders.get(this.evaluations).load(family);
      const decision = evaluation.decisions.find((d) => d.program === enrollment.programCode)!;
      if (!decision.eligible) throw notEligible(ctx.lang, "approve", decision.reasons);
      approvedOn = { evaluation, decision };
    }
    return decideEnrollment(ctx.db, ctx.lang, { id, approve, decidedBy: officer.nationalId, approvedOn });
  }

  @FieldResolver(() => BenefitProgram)
  program(@Root() enrollment: BenefitEnrollment, @Ctx() ctx: RequestContext): Promise<BenefitProgram> {
    return loadProgram(ctx, enrollment.programCode);
  }

  @FieldResolver(() => Family)
  family(@Root() enrollment: BenefitEnrollment): Family {
    return Object.assign(new Family(), { registerNumber: enrollment.registerNumber });
  }
}

/** `_entities` by id: labor officers, and whoever applied. */
export async function resolveEnrollmentReference(ref: { id: string }, ctx: RequestContext): Promise<BenefitEnrollment | null> {
  const viewer = requireViewer(ctx);
  if (!isEnrollmentId(ref.id)) return null;
  const enrollment = await ctx.db.getRepository(BenefitEnrollment).findOneBy({ id: ref.id });
  if (enrollment && !hasRole(viewer, "LABOR_OFFICER") && enrollment.appliedBy !== viewer.nationalId) throw appError("FORBIDDEN", ctx.lang);
  return enrollment;
}
