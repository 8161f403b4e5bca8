import crypto from "node:crypto";
import client, { Counter, Gauge, Histogram, Registry, type Metric } from "prom-client";
import type { HttpRoute } from "../http/server";

/**
 * One Prometheus registry per process. Metrics are created once and shared: a test that starts
 * the same subgraph twice in one process reuses them instead of registering duplicates.
 */
export const registry = new Registry();

let defaultsCollected = false;
/** Node's own metrics (heap, event-loop lag, GC, open handles) once per process. */
export function collectProcessMetrics(): void {
  if (defaultsCollected) return;
  defaultsCollected = true;
  client.collectDefaultMetrics({ register: registry });
}

function once<M extends Metric>(name: string, create: () => M): M {
  return (registry.getSingleMetric(name) as M | undefined) ?? create();
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const metrics = {
  /** GraphQL requests served by this process, by operation name and outcome (ok, partial, error). */
  requests: once(
    "graphql_requests_total",
    () => new Counter({ name: "graphql_requests_total", help: "GraphQL requests by operation name and outcome", labelNames: ["operation", "outcome"], registers: [registry] }),
  ),
  /** Requests refused while their context was built, before the body was read (401 bad token, 429 rate limited). */
  refusedRequests: once(
    "graphql_requests_refused_total",
    () => new Counter({ name: "graphql_requests_refused_total", help: "GraphQL requests refused before their body was read, by HTTP status and error code", labelNames: ["status", "code"], registers: [registry] }),
  ),
  requestDuration: once(
    "graphql_request_duration_seconds",
    () =>
      new Histogram({
        name: "graphql_request_duration_seconds",
        help: "GraphQL request latency by operation name and outcome",
        labelNames: ["operation", "outcome"],
        buckets: LATENCY_BUCKETS,
        registers: [registry],
      }),
  ),
  /** Gateway: each fetch from a subgraph (a query plan's Fetch node), by outcome. */
  subgraphFetchDuration: once(
    "subgraph_fetch_duration_seconds",
    () =>
      new Histogram({
        name: "subgraph_fetch_duration_seconds",
        help: "Gateway fetches from a subgraph: latency by subgraph and outcome (ok, failed)",
        labelNames: ["subgraph", "outcome"],
        buckets: LATENCY_BUCKETS,
        registers: [registry],
      }),
  ),
  subgraphFetchErrors: once(
    "subgraph_fetch_errors_total",
    () =>
      new Counter({
        name: "subgraph_fetch_errors_total",
        help: "Gateway fetches that failed, by subgraph and reason (TIMEOUT, UNREACHABLE, HTTP_ERROR, CIRCUIT_OPEN)",
        labelNames: ["subgraph", "reason"],
        registers: [registry],
      }),
  ),
  subgraphRetries: once(
    "subgraph_fetch_retries_total",
    () => new Counter({ name: "subgraph_fetch_retries_total", help: "Gateway query fetches retried (on another replica when there is one), by subgraph", labelNames: ["subgraph"], registers: [registry] }),
  ),
  circuitState: once(
    "subgraph_circuit_state",
    () =>
      new Gauge({
        name: "subgraph_circuit_state",
        help: "Gateway circuit per subgraph: 1 when every replica's circuit is open (the agency fails fast), else 0",
        labelNames: ["subgraph"],
        registers: [registry],
      }),
  ),
  replicaCircuitState: once(
    "subgraph_replica_circuit_state",
    () =>
      new Gauge({
        name: "subgraph_replica_circuit_state",
        help: "Gateway circuit breaker per subgraph replica: 0 closed, 1 open, 2 half-open, 3 isolated",
        labelNames: ["subgraph", "replica"],
        registers: [registry],
      }),
  ),
  /** Subgraphs: SQL statements, by outcome, and their latency. */
  dbQueries: once(
    "db_queries_total",
    () => new Counter({ name: "db_queries_total", help: "SQL statements sent to the database, by outcome (ok, error)", labelNames: ["outcome"], registers: [registry] }),
  ),
  dbQueryDuration: once(
    "db_query_duration_seconds",
    () =>
      new Histogram({
        name: "db_query_duration_seconds",
        help: "SQL statement latency",
        buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
        registers: [registry],
      }),
  ),
  /** Subgraphs: keys per DataLoader batch (1 everywhere would mean batching does not happen). */
  loaderBatchSize: once(
    "dataloader_batch_size",
    () =>
      new Histogram({
        name: "dataloader_batch_size",
        help: "Keys per DataLoader batch, by loader",
        labelNames: ["loader"],
        buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500],
        registers: [registry],
      }),
  ),
};

const MAX_OPERATION_NAMES = 200;
const seenOperations = new Set<string>();
/**
 * A label from a bounded set (a registered operation's name at the gateway, a root field's at a
 * subgraph: kernel/observability/requestPlugin.ts), short and plain; past 200 distinct names,
 * "other", as a last bound.
 */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return "anonymous";
  const clean = name.replace(/[^A-Za-z0-9_]/g, "").slice(0, 64) || "anonymous";
  if (seenOperations.has(clean)) return clean;
  if (seenOperations.size >= MAX_OPERATION_NAMES) return "other";
  seenOperations.add(clean);
  return clean;
}

/** GET /metrics in Prometheus' text format. */
/** /metrics; with a token, only for `Authorization: Bearer <token>` (the scraper's). */
export function metricsRoute(token?: string): HttpRoute {
  const expected = token ? crypto.createHash("sha256").update(`Bearer ${token}`).digest() : null;
  return {
    method: "GET",
    path: "/metrics",
    async handle(request, response) {
      const sent = crypto.createHash("sha256").update(request.headers.authorization ?? "").digest();
      if (expected && !crypto.timingSafeEqual(sent, expected)) {
        response.writeHead(401, { "www-authenticate": "Bearer", "content-type": "text/plain" }).end("unauthorized");
        return;
      }
      const body = await registry.metrics();
      response.writeHead(200, { "content-type": registry.contentType, "content-length": Buffer.byteLength(body) });
      response.end(body);
    },
  };
}

