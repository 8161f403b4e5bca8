import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { GraphQLDataSourceRequestKind } from "@apollo/gateway/dist/datasources/types";
import { getOperationAST, GraphQLError, Kind, parse, type DocumentNode, type GraphQLFormattedError, type SelectionSetNode } from "graphql";
import type { Logger } from "../../../kernel/logger";
import { metrics } from "../../../kernel/observability/metrics";
import type { GatewayContext } from "../context";
import type { Replica, ReplicaPool } from "./replicaPool";
import { neverSent, retryable, unavailableReason, type UnavailableReason } from "./subgraphPolicy";

type GatewayGraphQLResponse = Awaited<ReturnType<GraphQLDataSource<GatewayContext>["process"]>>;
type ProcessOptions = GraphQLDataSourceProcessOptions<GatewayContext>;
/** A fetch that is part of a client's operation (not the gateway's own health or schema requests). */
type IncomingFetch = Extract<ProcessOptions, { kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION }>;

/** The contract has no code of its own for "this agency could not answer": INTERNAL_SERVER_ERROR, marked. */
export const SUBGRAPH_UNAVAILABLE = { code: "INTERNAL_SERVER_ERROR", subgraphUnavailable: true } as const;

/** Past this many missing entities, one error stands for them all (no per-entity paths). */
const MAX_ENTITY_ERRORS = 50;

const MESSAGES: Record<"ar" | "en", (service: string) => string> = {
  en: (service) => `The ${service} service is unavailable; this part of the answer is missing. Try again shortly.`,
  ar: (service) => `خدمة ${service} غير متاحة حاليًا؛ هذا الجزء من الإجابة غير موجود. حاول مرة أخرى بعد قليل.`,
};

function responseKeys(selectionSet: SelectionSetNode | undefined): string[] {
  const keys = new Set<string>();
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      if (key !== "__typename") keys.add(key);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      responseKeys(selection.selectionSet).forEach((key) => keys.add(key));
    }
  }
  return [...keys];
}

/**
 * The paths (relative to the fetch, as a subgraph would report them) the failed fetch should have
 * filled: `_entities.<i>.<field>` for an entity fetch, the root fields otherwise. The gateway turns
 * them into paths in the client's response.
 */
export function missingPaths(document: DocumentNode | null | undefined, variables: Record<string, unknown> | undefined): Array<Array<string | number>> | null {
  const operation = document ? getOperationAST(document) : null;
  if (!operation) return null;
  const root = operation.selectionSet.selections.find((s) => s.kind === Kind.FIELD && s.name.value === "_entities");
  if (root && root.kind === Kind.FIELD) {
    const representations = Array.isArray(variables?.representations) ? variables.representations.length : 0;
    if (representations === 0 || representations > MAX_ENTITY_ERRORS) return null;
    const fields = responseKeys(root.selectionSet);
    return Array.from({ length: representations }, (_, i) => (fields.length ? fields.map((field) => ["_entities", i, field]) : [["_entities", i]])).flat();
  }
  return responseKeys(operation.selectionSet).map((field) => [field]);
}

type SubgraphError = { message?: unknown; extensions?: { code?: unknown; reason?: unknown } };

/**
 * What a subgraph refused that is the client's own doing: a value (BAD_USER_INPUT without a reason:
 * a variable it could not coerce, a date like 2024-02-30), or the client's token (UNAUTHENTICATED:
 * revoked at civil-affairs since the gateway last read the revocation list, or expired meanwhile).
 * A BAD_USER_INPUT with a reason (GRAPHQL_VALIDATION_FAILED, ...) refuses the fetch document itself,
 * and a refused gateway credential is FORBIDDEN: both the gateway's fault, a failed fetch.
 */
const byTheClient = (error: SubgraphError) =>
  typeof error?.message === "string" &&
  ((error.extensions?.code === "BAD_USER_INPUT" && error.extensions.reason === undefined) || error.extensions?.code === "UNAUTHENTICATED");

/**
 * A subgraph's 4xx answer whose errors are all the client's doing (`byTheClient`): passed on as the
 * subgraph worded them, in the client's language, without the locations of a document the client
 * never sent nor anything of the subgraph's HTTP answer (its address), and never a failed fetch.
 */
function clientErrors(error: unknown): GraphQLFormattedError[] | null {
  const response = error instanceof GraphQLError ? (error.extensions.response as { status?: number; body?: { errors?: unknown } } | undefined) : undefined;
  if (!response?.status || response.status < 400 || response.status >= 500) return null;
  const errors = response.body?.errors;
  if (!Array.isArray(errors) || errors.length === 0 || !errors.every(byTheClient)) return null;
  return (errors as GraphQLFormattedError[]).map(({ message, path, extensions }) => ({ message, ...(path ? { path } : {}), ...(extensions ? { extensions } : {}) }));
}

/** The planner's fetches repeat: keep their parsed documents (bounded). */
const parsed = new Map<string, DocumentNode | null>();
function documentOf(options: IncomingFetch): DocumentNode | null {
  if (options.document) return options.document;
  const query = options.request.query;
  if (!query) return null;
  let document = parsed.get(query);
  if (document === undefined) {
    try {
      document = parse(query);
    } catch {
      document = null;
    }
    if (parsed.size >= 500) parsed.delete(parsed.keys().next().value!);
    parsed.set(query, document);
  }
  return document;
}

function kindOf(options: IncomingFetch): "query" | "mutation" {
  const document = documentOf(options);
  const operation = document ? getOperationAST(document) : null;
  if (operation) return operation.operation === "mutation" ? "mutation" : "query";
  return /^\s*mutation\b/.test(options.request.query ?? "") ? "mutation" : "query";
}

export interface ResilientServiceOptions {
  name: string;
  replicas: ReplicaPool;
  /** Extra attempts of a query fetch (ResilienceSettings.retries). */
  retries: number;
  log: Logger;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A subgraph data source over its replicas: a timeout per attempt and a circuit breaker per
 * replica, a query retried on another replica after a connection failure or a 502/503/504 (a
 * mutation only when it never reached a replica), keep-alive connections, and metrics. When no replica can answer, the fetch does not
 * fail the whole request: it answers with SUBGRAPH_UNAVAILABLE errors on the paths it should have
 * filled, and the gateway returns everything else (see docs/resilience.md for what a client sees).
 */
export class ResilientSubgraphService implements GraphQLDataSource<GatewayContext> {
  private readonly serviceName: string;
  private readonly log: Logger;

  constructor(private readonly options: ResilientServiceOptions) {
    this.serviceName = options.name;
    this.log = options.log;
    metrics.circuitState.set({ subgraph: options.name }, 0);
  }

  async process(options: ProcessOptions): Promise<GatewayGraphQLResponse> {
    if (options.kind !== GraphQLDataSourceRequestKind.INCOMING_OPERATION) return this.options.replicas.first().source.process(options);
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const response = await this.attempt(kindOf(options), (replica) => replica.policy.execute(() => replica.source.process(options)));
      metrics.subgraphFetchDuration.observe({ subgraph: this.serviceName, outcome: "ok" }, seconds());
      return response;
    } catch (error) {
      const refused = clientErrors(error);
      if (refused) {
        metrics.subgraphFetchDuration.observe({ subgraph: this.serviceName, outcome: "ok" }, seconds());
        return { errors: refused };
      }
      const reason = unavailableReason(error);
      metrics.subgraphFetchDuration.observe({ subgraph: this.serviceName, outcome: "failed" }, seconds());
      metrics.subgraphFetchErrors.inc({ subgraph: this.serviceName, reason: reason ?? "OTHER" });
      const requestId = "requestId" in options.context ? options.context.requestId : undefined;
      this.log.warn(
        { requestId, subgraph: this.serviceName, reason: reason ?? "OTHER", err: error instanceof Error ? error.message : String(error), durationMs: Math.round(seconds() * 1000) },
        "subgraph fetch failed",
      );
      if (!reason) throw error;
      return { errors: this.unavailable(options, reason) };
    }
  }

  /**
   * The fetch at the replicas in turn: a query again on the next replica when that is safe; a
   * mutation on the next replica only when it never reached one (a replica stopping in a rolling
   * restart refuses connections), each replica once.
   */
  private async attempt<T>(kind: "query" | "mutation", fetchFrom: (replica: Replica) => Promise<T>): Promise<T> {
    const replicas = this.options.replicas.inTurn();
    const attempts = kind === "mutation" ? replicas.length : 1 + this.options.retries;
    const again = kind === "mutation" ? neverSent : retryable;
    for (let i = 0; ; i++) {
      try {
        return await fetchFrom(replicas[i % replicas.length]!);
      } catch (error) {
        if (i + 1 >= attempts || !again(error)) throw error;
        metrics.subgraphRetries.inc({ subgraph: this.serviceName });
        // The same replica again: give it a moment.
        if (replicas.length === 1) await pause(50);
      }
    }
  }

  private unavailable(options: IncomingFetch, reason: UnavailableReason): GraphQLFormattedError[] {
    const lang = "lang" in options.context && options.context.lang === "ar" ? "ar" : "en";
    const message = MESSAGES[lang](this.serviceName);
    const extensions = { ...SUBGRAPH_UNAVAILABLE, reason };
    const paths = missingPaths(documentOf(options), options.request.variables);
    if (!paths || paths.length === 0) return [{ message, extensions }];
    return paths.map((path) => ({ message, path, extensions }));
  }
}
