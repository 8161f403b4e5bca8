/**
 * SQL statements and GraphQL requests per subgraph, read from each subgraph process's own /metrics
 * (kernel/observability): `db_queries_total` counts every statement its DataSource sends,
 * `graphql_requests_total` every request it serves (for the gateway, a fetch). Scraped before and
 * after a run, the difference divided by the requests the run sent.
 */

export interface SubgraphCounts {
  statements: number;
  fetches: number;
}

/** The sum of one metric's samples over all its labels, in Prometheus' text format. */
function total(text: string, metric: string): number {
  let sum = 0;
  for (const line of text.split("\n")) {
    if (line.startsWith(`${metric}{`) || line.startsWith(`${metric} `)) sum += Number(line.slice(line.lastIndexOf(" ") + 1));
  }
  return sum;
}

/** Each subgraph's counters now (base URL by subgraph name; `token` is their METRICS_TOKEN). */
export async function scrapeSubgraphs(urls: Record<string, string>, token: string): Promise<Record<string, SubgraphCounts>> {
  const scraped = await Promise.all(
    Object.entries(urls).map(async ([name, base]) => {
      const response = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(5000) });
      if (!response.ok) throw new Error(`${base}/metrics: HTTP ${response.status}`);
      const text = await response.text();
      return [name, { statements: total(text, "db_queries_total"), fetches: total(text, "graphql_requests_total") }] as const;
    }),
  );
  return Object.fromEntries(scraped);
}

/** What happened between two scrapes, per request. */
export function perRequest(before: Record<string, SubgraphCounts>, after: Record<string, SubgraphCounts>, requests: number): Record<string, SubgraphCounts> {
  const per = (name: string, key: keyof SubgraphCounts) => (after[name]![key] - before[name]![key]) / requests;
  return Object.fromEntries(Object.keys(after).map((name) => [name, { statements: per(name, "statements"), fetches: per(name, "fetches") }]));
}
