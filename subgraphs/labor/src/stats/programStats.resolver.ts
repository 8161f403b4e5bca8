import { Ctx, Directive, Field, Int, ObjectType, Query, Resolver } from "type-graphql";
import { requiresAnyRole } from "../../../../kernel/graphql/authorization";
import { requireRole, type RequestContext } from "../../../../kernel/context";
import { BenefitProgram } from "../programs/benefitProgram.entity";

@ObjectType()
export class ProgramStats {
  @Field(() => BenefitProgram)
  program!: BenefitProgram;

  @Field(() => Int, { description: "Families whose latest evaluation for the program is eligible." })
  eligibleFamilies!: number;

  @Field(() => Int, { description: "Families with an APPROVED enrollment in the program." })
  enrolledFamilies!: number;
}

interface StatsRow {
  code: string;
  name_ar: string;
  name_en: string;
  description: string;
  eligible_families: number;
  enrolled_families: number;
}

/** Counts only, in one statement: never a name, an ID or an amount of a family. */
const STATS_SQL = `
  SELECT p.code, p.name_ar, p.name_en, p.description,
    (SELECT count(*)::int FROM (
       SELECT DISTINCT ON (e.register_number) e.eligible
       FROM eligibility_evaluation e WHERE e.program = p.code
       ORDER BY e.register_number, e.id DESC
     ) latest WHERE latest.eligible) AS eligible_families,
    (SELECT count(DISTINCT b.register_number)::int FROM benefit_enrollment b
     WHERE b.program = p.code AND b.status = 'APPROVED') AS enrolled_families
  FROM benefit_program p ORDER BY p.code`;

@Resolver(() => ProgramStats)
export class ProgramStatsResolver {
  @Directive(requiresAnyRole("ANALYST", "LABOR_OFFICER", "CIVIL_AFFAIRS_OFFICER"))
  @Query(() => [ProgramStats], { description: "Analysts and officers: per program, families evaluated eligible and families enrolled." })
  async programStats(@Ctx() ctx: RequestContext): Promise<ProgramStats[]> {
    requireRole(ctx, "ANALYST", "LABOR_OFFICER", "CIVIL_AFFAIRS_OFFICER");
    const rows: StatsRow[] = await ctx.db.query(STATS_SQL);
    return rows.map((row) =>
      Object.assign(new ProgramStats(), {
        program: Object.assign(new BenefitProgram(), { code: row.code, nameAr: row.name_ar, nameEn: row.name_en, description: row.description }),
        eligibleFamilies: row.eligible_families,
        enrolledFamilies: row.enrolled_families,
      }),
    );
  }
}
