import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import { RequiresRole } from "../../../../kernel/graphql/authorization";
import { STATS_READERS } from "../../../../kernel/auth/viewer";
import type { RequestContext } from "../../../../kernel/context";
import { ApplicationStatus } from "./enums";
import { applicationQueue } from "./queue";
import { ApplicationStats, CardApplicationConnection } from "./queueTypes";
import { applicationStats } from "./stats";

@Resolver()
export class ApplicationQueueResolver {
  @RequiresRole("CIVIL_AFFAIRS_OFFICER")
  @Query(() => CardApplicationConnection, { description: "Civil-affairs officers' review queue, oldest first." })
  cardApplications(
    @Arg("status", () => ApplicationStatus, { nullable: true }) status: ApplicationStatus | null,
    @Arg("first", () => Int, { nullable: true }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<CardApplicationConnection> {
    return applicationQueue(ctx, status, first, after);
  }

  @RequiresRole(...STATS_READERS)
  @Query(() => ApplicationStats, { description: "Aggregates for analysts and officers: counts and durations only." })
  applicationStats(
    @Arg("from", () => Date, { nullable: true }) from: Date | null,
    @Arg("to", () => Date, { nullable: true }) to: Date | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ApplicationStats> {
    return applicationStats(ctx, from, to);
  }
}
