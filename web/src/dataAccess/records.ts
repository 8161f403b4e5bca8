import type { AccessFragment } from "../graphql/graphql";

export type Agency = "civilAffairs" | "labor" | "delivery";

const AGENCIES: readonly Agency[] = ["civilAffairs", "labor", "delivery"];

/**
 * Records asked of each agency. A record with its three lists costs 38 at the gateway: 100 of each
 * make a view cost ~11,400, within the operation limit (MAX_QUERY_COST, 20,000) and leaving room in
 * a client's budget (COST_BUDGET_PER_MINUTE, 100,000) for the rest of the app; 500, what the API
 * would give, is refused (test/web/dataAccessRecords.test.ts). Older records are said not shown.
 */
export const ACCESSES_PER_AGENCY = 100;

export type AgencyAccess = AccessFragment & { agency: Agency };

/**
 * The three agencies' records merged newest first. An agency whose answer is full may hold older
 * records it did not send: the list then stops at the oldest record that agency sent (`since`), so
 * that it never shows another agency's older records while hiding some of that agency's.
 */
export function mergeAccesses(report: Partial<Record<Agency, readonly AccessFragment[] | null>>, perAgency = ACCESSES_PER_AGENCY): { accesses: AgencyAccess[]; since: string | null } {
  const all = AGENCIES.flatMap((agency) => (report[agency] ?? []).map((access) => ({ ...access, agency })));
  const cutoffs = AGENCIES.filter((agency) => (report[agency]?.length ?? 0) >= perAgency).map((agency) => Math.min(...report[agency]!.map((access) => Date.parse(access.at))));
  const since = cutoffs.length > 0 ? Math.max(...cutoffs) : null;
  const accesses = (since === null ? all : all.filter((access) => Date.parse(access.at) >= since)).sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return { accesses, since: since === null ? null : new Date(since).toISOString() };
}
