import {
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
  isBrokenCircuitError,
  isIsolatedCircuitError,
  isTaskCancelledError,
  timeout,
  TimeoutStrategy,
  wrap,
  type CircuitBreakerPolicy,
} from "cockatiel";
import { GraphQLError } from "graphql";

export interface ResilienceSettings {
  /** Longest wait for one attempt at a subgraph fetch. */
  timeoutMs: number;
  /** Extra attempts for a query fetch after a connection failure or a 502/503/504, on another replica when there is one (never for mutations). */
  retries: number;
  /** Consecutive failed fetches that open a replica's circuit. */
  breakerFailures: number;
  /** How long an open circuit fails fast before letting one trial fetch through (half-open). */
  halfOpenAfterMs: number;
}

/** Why a fetch from a subgraph produced nothing: the `reason` of a SUBGRAPH_UNAVAILABLE error. */
export type UnavailableReason = "TIMEOUT" | "UNREACHABLE" | "HTTP_ERROR" | "CIRCUIT_OPEN";

const CONNECTION_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "UND_ERR_SOCKET"]);

function httpStatus(error: unknown): number | null {
  if (error instanceof GraphQLError) {
    const status = (error.extensions?.response as { status?: unknown } | undefined)?.status;
    return typeof status === "number" ? status : null;
  }
  return null;
}

function connectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code ?? (error as { errno?: unknown }).errno;
  if (typeof code === "string" && CONNECTION_CODES.has(code)) return true;
  // node-fetch: "request to … failed, reason: socket hang up" (type "system"), or a body cut short.
  const type = (error as { type?: unknown }).type;
  return type === "system" || /socket hang up|premature close|invalid json response body/i.test(error.message);
}

/** Classifies an error from a fetch: a failure of the subgraph (it counts against its circuit) or null. */
export function unavailableReason(error: unknown): UnavailableReason | null {
  if (isBrokenCircuitError(error) || isIsolatedCircuitError(error)) return "CIRCUIT_OPEN";
  if (isTaskCancelledError(error) || (error instanceof Error && error.name === "AbortError")) return "TIMEOUT";
  const status = httpStatus(error);
  if (status !== null) return status >= 500 ? "HTTP_ERROR" : null;
  if (connectionFailure(error)) return "UNREACHABLE";
  // "Expected JSON response body": something that is not our subgraph answered.
  if (error instanceof Error && /Expected JSON response body/.test(error.message)) return "HTTP_ERROR";
  return null;
}

/** Safe to try again (on another replica when there is one): nothing was executed, or the subgraph said it could not (502/503/504). */
export function retryable(error: unknown): boolean {
  if (isBrokenCircuitError(error) || isTaskCancelledError(error)) return false;
  const status = httpStatus(error);
  if (status !== null) return status === 502 || status === 503 || status === 504;
  return connectionFailure(error);
}

export interface ReplicaPolicy {
  readonly breaker: CircuitBreakerPolicy;
  /** Runs one attempt at this replica: its circuit, and a timeout. */
  execute<T>(attempt: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** Worth choosing: its circuit is closed, or open long enough that a trial fetch is due. */
  available(now: number): boolean;
}

/** One policy per replica, shared by every request: the circuit is that replica's health. */
export function replicaPolicy(settings: ResilienceSettings): ReplicaPolicy {
  const breaker = circuitBreaker(handleWhen((error) => unavailableReason(error) !== null), {
    halfOpenAfter: settings.halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(settings.breakerFailures),
  });
  let openedAt = 0;
  breaker.onBreak(() => (openedAt = Date.now()));
  const policy = wrap(breaker, timeout(settings.timeoutMs, TimeoutStrategy.Aggressive));
  return {
    breaker,
    execute: (attempt) => policy.execute(({ signal }) => attempt(signal)),
    available: (now) => breaker.state === CircuitState.Closed || (breaker.state === CircuitState.Open && now - openedAt >= settings.halfOpenAfterMs),
  };
}
