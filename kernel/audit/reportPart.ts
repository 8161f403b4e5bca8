import { Arg, Ctx, Directive, Field, FieldResolver, ID, Int, ObjectType, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { DataAccess } from "./dataAccess.type";
import { assertOwnReport, readDataAccesses } from "./report";

const REPORT_DESCRIPTION =
  "Who read or changed a citizen's data, per agency; each agency's subgraph contributes its own records. Only the citizen reads it.";

/**
 * One subgraph's part of the DataAccessReport entity (key nationalId): the type, a field named
 * after the agency listing the accesses recorded in this subgraph's database, and the entity
 * resolver. civil-affairs adds the root field `myDataAccesses`.
 */
export function dataAccessReportPart(agencyField: string, agencyName: string) {
  @ObjectType("DataAccessReport", { description: REPORT_DESCRIPTION })
  @Directive('@key(fields: "nationalId")')
  class DataAccessReport {
    @Field(() => ID)
    nationalId!: string;
  }

  @Resolver(() => DataAccessReport)
  class DataAccessReportResolver {
    @FieldResolver(() => [DataAccess], { name: agencyField, description: `Accesses recorded by ${agencyName}, newest first (at most 500).` })
    accesses(@Root() report: DataAccessReport, @Arg("first", () => Int, { nullable: true }) first: number | null, @Ctx() ctx: RequestContext): Promise<DataAccess[]> {
      return readDataAccesses(ctx, report.nationalId, first);
    }
  }

  const reportOf = (nationalId: string) => Object.assign(new DataAccessReport(), { nationalId });
  return {
    DataAccessReport,
    DataAccessReportResolver,
    reportOf,
    referenceResolver: {
      __resolveReference(ref: { nationalId: string }, ctx: RequestContext) {
        assertOwnReport(ctx, ref.nationalId);
        return reportOf(ref.nationalId);
      },
    },
  };
}
