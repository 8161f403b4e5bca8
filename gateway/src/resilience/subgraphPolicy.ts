import { CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhen, isBrokenCircuitError, isIsolatedCircuitError, type CircuitBreakerPolicy, type IBackoff } from "cockatiel";
import { GraphQLError } from "graphql";
import { NotGraphQLError } from "../subgraphService";
import { SubgraphTimeoutError } from "./subgraphHttp";

export interface ResilienceSettings {
  /** Longest wait for one attempt at a subgraph fetch. */
  timeoutMs: number;
  /** Extra attempts for a query fetch after a connection failure or a 502/503/504, on another replica when there is one (a mutation only goes to another replica when it never left: neverSent). */
  retries: number;
  /** Consecutive failed fetches that open a replica's circuit. */
  breakerFailures: number;
  /** How long an open circuit fails fast before letting one trial fetch through (half-open). */
  halfOpenAfterMs: number;
}

/** Why a fetch from a subgraph produced nothing: the `reason` of a SUBGRAPH_UNAVAILABLE error. */
export type UnavailableReason = "TIMEOUT" | "UNREACHABLE" | "HTTP_ERROR" | "CIRCUIT_OPEN";

/**
 * Errors of a connection that could not be made or was cut: the system's, and undici's (a socket
 * closed or reset by the other side, a connection that could not be opened in time, a replica's
 * connection pool closed because the replica is gone).
 */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_CLOSED",
  "UND_ERR_DESTROYED",
]);

function httpStatus(error: unknown): number | null {
  if (error instanceof GraphQLError) {
    const status = (error.extensions?.response as { status?: unknown } | undefined)?.status;
    return typeof status === "number" ? status : null;
  }
  return null;
}

function connectionFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === "string" && CONNECTION_CODES.has(code);
}

/** Classifies an error from a fetch: a failure of the subgraph (it counts against its circuit) or null. */
export function unavailableReason(error: unknown): UnavailableReason | null {
  if (isBrokenCircuitError(error) || isIsolatedCircuitError(error)) return "CIRCUIT_OPEN";
  if (error instanceof SubgraphTimeoutError) return "TIMEOUT";
  const status = httpStatus(error);
  if (status !== null) return status >= 500 ? "HTTP_ERROR" : null;
  if (connectionFailure(error)) return "UNREACHABLE";
  if (error instanceof NotGraphQLError) return "HTTP_ERROR";
  return null;
}

/** Safe to try again (on another replica when there is one): nothing was executed, or the subgraph said it could not (502/503/504). */
export function retryable(error: unknown): boolean {
  if (isBrokenCircuitError(error)) return false;
  const status = httpStatus(error);
  if (status !== null) return status === 502 || status === 503 || status === 504;
  return connectionFailure(error);
}

/** Errors of a connection that was never made: the request did not leave the gateway. */
const NOT_CONNECTED_CODES = new Set(["ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT"]);

/**
 * Nothing reached the replica (its circuit is open, or no connection could be made): even a
 * mutation is safe to send to another replica.
 */
export function neverSent(error: unknown): boolean {
  if (isBrokenCircuitError(error) || isIsolatedCircuitError(error)) return true;
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === "string" && NOT_CONNECTED_CODES.has(code);
}

export interface ReplicaPolicy {
  readonly breaker: CircuitBreakerPolicy;
  /** Runs one attempt at this replica through its circuit (the attempt times itself out: subgraphHttp.ts). */
  execute<T>(attempt: () => Promise<T>): Promise<T>;
  /** Worth choosing: its circuit is closed, or open long enough that a trial fetch is due. */
  available(now: number): boolean;
  /** Makes the open circuit's trial fetch due now (the replica says it is ready): success closes it, failure opens it again. */
  trialNow(): void;
}

/** One policy per replica, shared by every request: the circuit is that replica's health. */
export function replicaPolicy(settings: ResilienceSettings): ReplicaPolicy {
  // The wait before a trial fetch: SUBGRAPH_BREAKER_HALF_OPEN_MS, or none once trialNow() is called,
  // until the circuit opens again (cockatiel reads `duration` at each fetch while it is open).
  let due = false;
  const wait: IBackoff<unknown> = {
    get duration() {
      return due ? 0 : settings.halfOpenAfterMs;
    },
    next() {
      due = false;
      return wait;
    },
  };
  const breaker = circuitBreaker(handleWhen((error) => unavailableReason(error) !== null), {
    halfOpenAfter: { next: () => wait.next(undefined) },
    breaker: new ConsecutiveBreaker(settings.breakerFailures),
  });
  let openedAt = 0;
  breaker.onBreak(() => (openedAt = Date.now()));
  return {
    breaker,
    execute: (attempt) => breaker.execute(attempt),
    available: (now) => breaker.state === CircuitState.Closed || (breaker.state === CircuitState.Open && now - openedAt >= wait.duration),
    trialNow: () => {
      if (breaker.state === CircuitState.Open) due = true;
    },
  };
}
