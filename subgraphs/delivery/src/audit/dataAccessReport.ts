import { Arg, Ctx, Directive, Field, FieldResolver, ID, Int, ObjectType, Resolver, Root } from "type-graphql";
import { DataAccess } from "../../../../kernel/audit/dataAccess.type";
import { assertOwnReport, readDataAccesses } from "../../../../kernel/audit/report";
import type { RequestContext } from "../../../../kernel/context";

/** Civil-affairs' entity (root field myDataAccesses); this subgraph adds its own records. */
@ObjectType("DataAccessReport")
@Directive('@key(fields: "nationalId")')
export class DataAccessReport {
  @Field(() => ID)
  nationalId!: string;
}

@Resolver(() => DataAccessReport)
export class DataAccessReportResolver {
  @FieldResolver(() => [DataAccess], { description: "Accesses recorded by Saudi Post delivery, newest first (at most 500)." })
  delivery(@Root() report: DataAccessReport, @Arg("first", () => Int, { nullable: true }) first: number | null, @Ctx() ctx: RequestContext): Promise<DataAccess[]> {
    return readDataAccesses(ctx, report.nationalId, first);
  }
}

export function resolveDataAccessReportReference(ref: { nationalId: string }, ctx: RequestContext): DataAccessReport {
  assertOwnReport(ctx, ref.nationalId);
  return Object.assign(new DataAccessReport(), { nationalId: ref.nationalId });
}
