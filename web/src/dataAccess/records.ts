import { MAX_ACCESSES } from "../../../kernel/graphql/listSizes";
import type { AccessFragment } from "../graphql/graphql";

export type Agency = "civilAffairs" | "labor" | "delivery";

const AGENCIES: readonly Agency[] = ["civilAffairs", "labor", "delivery"];

/** Records asked of each agency: the most the API gives (kernel/graphql/listSizes.ts). */
export const ACCESSES_PER_AGENCY = MAX_ACCESSES;

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
