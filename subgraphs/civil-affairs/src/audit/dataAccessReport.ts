import { Arg, Ctx, Directive, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from "type-graphql";
import { DataAccess } from "../../../../kernel/audit/dataAccess.type";
import { assertOwnReport, readDataAccesses } from "../../../../kernel/audit/report";
import { requireViewer, type RequestContext } from "../../../../kernel/context";

@ObjectType("DataAccessReport", {
  description: "Who read or changed a citizen's data, per agency; each agency's subgraph contributes its own records. Only the citizen reads it.",
})
@Directive('@key(fields: "nationalId")')
export class DataAccessReport {
  @Field(() => ID)
  nationalId!: string;
}

@Resolver(() => DataAccessReport)
export class DataAccessReportResolver {
  @Query(() => DataAccessReport, { nullable: true, description: "The signed-in citizen's data-access report (civil affairs, labor, delivery)." })
  myDataAccesses(@Ctx() ctx: RequestContext): DataAccessReport {
    return Object.assign(new DataAccessReport(), { nationalId: requireViewer(ctx).nationalId });
  }

  @FieldResolver(() => [DataAccess], { description: "Accesses recorded by Civil Affairs, newest first (at most 500)." })
  civilAffairs(@Root() report: DataAccessReport, @Arg("first", () => Int, { nullable: true }) first: number | null, @Ctx() ctx: RequestContext): Promise<DataAccess[]> {
    return readDataAccesses(ctx, report.nationalId, first);
  }
}

export function resolveDataAccessReportReference(ref: { nationalId: string }, ctx: RequestContext): DataAccessReport {
  assertOwnReport(ctx, ref.nationalId);
  return Object.assign(new DataAccessReport(), { nationalId: ref.nationalId });
}
