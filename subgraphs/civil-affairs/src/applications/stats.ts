import type { RequestContext } from "../../../../kernel/context";
import { daySeries, riyadhDaySql, statsWindow } from "../../../../kernel/stats/window";
import { ApplicationKind, ApplicationStatus } from "./enums";
import type { ApplicationStats } from "./queueTypes";

/** Applications created in the window, by status and kind (card_application_created_idx). */
const COUNTS_SQL = `
  SELECT status, kind, count(*)::int AS count FROM card_application
  WHERE created_at >= $1 AND created_at < $2
  GROUP BY status, kind`;

/** First submissions (DRAFT → SUBMITTED) and issues per Riyadh day, from the history (application_history_to_idx). */
const PER_DAY_SQL = `
  SELECT "to" AS move, ${riyadhDaySql("at")} AS day, count(*)::int AS count FROM application_history
  WHERE (("to" = 'SUBMITTED' AND "from" = 'DRAFT') OR "to" = 'ISSUED') AND at >= $1 AND at < $2
  GROUP BY 1, 2`;

/** Median hours from the first submission to the issue, over the cards issued in the window. */
const MEDIAN_SQL = `
  SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM issued.at - submitted.at) / 3600) AS hours
  FROM application_history issued
  JOIN LATERAL (SELECT min(h.at) AS at FROM application_history h WHERE h.application_id = issued.application_id AND h."to" = 'SUBMITTED') submitted ON true
  WHERE issued."to" = 'ISSUED' AND submitted.at IS NOT NULL AND issued.at >= $1 AND issued.at < $2`;

/**
 * The applications dashboard as RULES.md "Dashboards" defines it, in three statements whatever the
 * number of applications and days. Aggregates only: no IDs, no names.
 */
export async function applicationStats(ctx: RequestContext, from: Date | null | undefined, to: Date | null | undefined): Promise<ApplicationStats> {
  const window = statsWindow(ctx.lang, from, to, ctx.now);
  const bounds = [window.from, window.to];
  const [counts, perDay, [median]]: [
    Array<{ status: ApplicationStatus; kind: ApplicationKind; count: number }>,
    Array<{ move: "SUBMITTED" | "ISSUED"; day: string; count: number }>,
    Array<{ hours: string | number | null }>,
  ] = await Promise.all([ctx.db.query(COUNTS_SQL, bounds), ctx.db.query(PER_DAY_SQL, bounds), ctx.db.query(MEDIAN_SQL, bounds)]);
  const sum = (rows: typeof counts) => rows.reduce((total, row) => total + Number(row.count), 0);
  return {
    total: sum(counts),
    byStatus: Object.values(ApplicationStatus).map((status) => ({ status, count: sum(counts.filter((row) => row.status === status)) })),
    byKind: Object.values(ApplicationKind).map((kind) => ({ kind, count: sum(counts.filter((row) => row.kind === kind)) })),
    submittedPerDay: daySeries(window, perDay.filter((row) => row.move === "SUBMITTED")),
    issuedPerDay: daySeries(window, perDay.filter((row) => row.move === "ISSUED")),
    medianHoursToIssue: median?.hours == null ? null : Math.round(Number(median.hours) * 100) / 100,
  };
}
