import { Ctx, Query, Resolver } from "type-graphql";
import { dataAccessReportPart } from "../../../../kernel/audit/reportPart";
import { requireViewer, type RequestContext } from "../../../../kernel/context";

/** Civil-affairs' records in the citizen's data-access report, and the report's root field. */
export const civilAffairsAccessReport = dataAccessReportPart("civilAffairs", "Civil Affairs");
const { DataAccessReport, reportOf } = civilAffairsAccessReport;

@Resolver()
export class MyDataAccessesResolver {
  @Query(() => DataAccessReport, { nullable: true, description: "The signed-in citizen's data-access report (civil affairs, labor, delivery)." })
  myDataAccesses(@Ctx() ctx: RequestContext): InstanceType<typeof DataAccessReport> {
    return reportOf(requireViewer(ctx).nationalId);
  }
}
