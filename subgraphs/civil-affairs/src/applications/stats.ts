import { Violations } from "../../../../kernel/errors";
import type { RequestContext } from "../../../../kernel/context";
import { ApplicationStatus } from "./enums";
import { applicationMessages as m } from "./messages";
import type { ApplicationStats } from "./queueTypes";

/**
 * Counts of applications created in the window, by status, and the median hours from (first)
 * submission to issue for cards issued in the window. Aggregates only: no IDs, no names.
 */
export async function applicationStats(ctx: RequestContext, from: Date | null | undefined, to: Date | null | undefined): Promise<ApplicationStats> {
  const violations = new Violations(ctx.lang);
  if (from && to && from > to) violations.add("from", "BAD_WINDOW", m.badWindow, undefined);
  violations.throwIfAny();
  const window = [from ?? null, to ?? null];
  const counts: Array<{ status: ApplicationStatus; count: string }> = await ctx.db.query(
    `SELECT status, count(*) AS count FROM card_application
     WHERE ($1::timestamptz IS NULL OR created_at >= $1) AND ($2::timestamptz IS NULL OR created_at < $2)
     GROUP BY status`,
    window,
  );
  const [median] = await ctx.db.query(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM issued.at - submitted.at) / 3600) AS hours
     FROM application_history issued
     JOIN LATERAL (SELECT min(h.at) AS at FROM application_history h WHERE h.application_id = issued.application_id AND h."to" = 'SUBMITTED') submitted ON true
     WHERE issued."to" = 'ISSUED' AND submitted.at IS NOT NULL
       AND ($1::timestamptz IS NULL OR issued.at >= $1) AND ($2::timestamptz IS NULL OR issued.at < $2)`,
    window,
  );
  const byStatus = Object.values(ApplicationStatus).map((status) => ({
    status,
    count: Number(counts.find((row) => row.status === status)?.count ?? 0),
  }));
  return {
    total: byStatus.reduce((sum, row) => sum + row.count, 0),
    byStatus,
    medianHoursToIssue: median?.hours == null ? null : Math.round(Number(median.hours) * 100) / 100,
  };
}
