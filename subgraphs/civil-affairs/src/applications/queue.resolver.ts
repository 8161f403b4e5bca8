import { Arg, Ctx, Directive, Int, Query, Resolver } from "type-graphql";
import { requiresAnyRole } from "../../../../kernel/graphql/authorization";
import { STATS_READERS } from "../../../../kernel/auth/viewer";
import { requireRole, type RequestContext } from "../../../../kernel/context";
import { ApplicationStatus } from "./enums";
import { applicationQueue } from "./queue";
import { ApplicationStats, CardApplicationConnection } from "./queueTypes";
import { applicationStats } from "./stats";

@Resolver()
export class ApplicationQueueResolver {
  @Directive(requiresAnyRole("CIVIL_AFFAIRS_OFFICER"))
  @Query(() => CardApplicationConnection, { description: "Civil-affairs officers' review queue, oldest first." })
  cardApplications(
    @Arg("status", () => ApplicationStatus, { nullable: true }) status: ApplicationStatus | null,
    @Arg("first", () => Int, { nullable: true }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<CardApplicationConnection> {
    requireRole(ctx, "CIVIL_AFFAIRS_OFFICER");
    return applicationQueue(ctx, status, first, after);
  }

  @Directive(requiresAnyRole(...STATS_READERS))
  @Query(() => ApplicationStats, { description: "Aggregates for analysts and officers: counts and durations only." })
  applicationStats(
    @Arg("from", () => Date, { nullable: true }) from: Date | null,
    @Arg("to", () => Date, { nullable: true }) to: Date | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ApplicationStats> {
    requireRole(ctx, ...STATS_READERS);
    return applicationStats(ctx, from, to);
  }
}
