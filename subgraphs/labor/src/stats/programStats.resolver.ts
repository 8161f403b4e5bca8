import { Ctx, Field, Int, ObjectType, Query, Resolver } from "type-graphql";
import { RequiresRole } from "../../../../kernel/graphql/authorization";
import type { RequestContext } from "../../../../kernel/context";
import { STATS_READERS } from "../../../../kernel/auth/viewer";
import { money, Money } from "../../../../kernel/graphql/money";
import { BenefitProgram } from "../programs/benefitProgram.entity";
import type { RuleSet } from "../rules/ruleSet";

@ObjectType()
export class ProgramStats {
  @Field(() => BenefitProgram)
  program!: BenefitProgram;

  @Field(() => Int, { description: "Families of the register that the rules in force make eligible now." })
  eligibleFamilies!: number;

  @Field(() => Int, { description: "Families with an APPROVED enrollment in the program." })
  enrolledFamilies!: number;

  @Field(() => Int, { description: "Enrollment requests waiting for a decision." })
  pendingEnrollments!: number;

  @Field(() => Money, { description: "Sum of the monthly amounts of the program's approved enrollments." })
  monthlyTotal!: Money;
}

interface StatsRow {
  code: string;
  name_ar: string;
  name_en: string;
  description: string;
  description_ar: string;
  eligible_families: number;
  enrolled_families: number;
  pending_enrollments: number;
  monthly_total: string | number;
}

/**
 * Counts and sums only, in one statement whatever the number of families: eligibility from the
 * stored decisions under the rules in force (family_eligibility_eligible_idx), enrollments by
 * program and status (benefit_enrollment_program_status_idx). Never a name, an ID or a family's amount.
 */
const STATS_SQL = `
  SELECT p.code, p.name_ar, p.name_en, p.description, p.description_ar,
    coalesce(e.families, 0) AS eligible_families,
    coalesce(b.enrolled, 0) AS enrolled_families,
    coalesce(b.pending, 0) AS pending_enrollments,
    coalesce(b.monthly_total, 0) AS monthly_total
  FROM benefit_program p
  LEFT JOIN (SELECT program, count(*)::int AS families FROM family_eligibility WHERE eligible AND rules_version = $1 GROUP BY program) e
    ON e.program = p.code
  LEFT JOIN (
    SELECT program,
      count(DISTINCT register_number) FILTER (WHERE status = 'APPROVED')::int AS enrolled,
      count(*) FILTER (WHERE status = 'PENDING')::int AS pending,
      sum(monthly_halalas) FILTER (WHERE status = 'APPROVED') AS monthly_total
    FROM benefit_enrollment WHERE status IN ('PENDING', 'APPROVED') GROUP BY program
  ) b ON b.program = p.code
  ORDER BY p.code`;

@Resolver(() => ProgramStats)
export class ProgramStatsResolver {
  constructor(private readonly ruleSet: RuleSet) {}

  @RequiresRole(...STATS_READERS)
  @Query(() => [ProgramStats], { description: "Analysts and officers: per program, eligible, enrolled and pending families and the monthly total." })
  async programStats(@Ctx() ctx: RequestContext): Promise<ProgramStats[]> {
    const rows: StatsRow[] = await ctx.db.query(STATS_SQL, [this.ruleSet.version]);
    return rows.map((row) =>
      Object.assign(new ProgramStats(), {
        program: Object.assign(new BenefitProgram(), { code: row.code, nameAr: row.name_ar, nameEn: row.name_en, descriptionEn: row.description, descriptionAr: row.description_ar }),
        eligibleFamilies: Number(row.eligible_families),
        enrolledFamilies: Number(row.enrolled_families),
        pendingEnrollments: Number(row.pending_enrollments),
        monthlyTotal: money(Number(row.monthly_total), ctx.lang),
      }),
    );
  }
}
