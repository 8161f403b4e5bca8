import {
  CircuitState,
  ConsecutiveBreaker,
  ConstantBackoff,
  circuitBreaker,
  handleWhen,
  isBrokenCircuitError,
  isIsolatedCircuitError,
  isTaskCancelledError,
  retry,
  timeout,
  TimeoutStrategy,
  wrap,
  type CircuitBreakerPolicy,
} from "cockatiel";
import { GraphQLError } from "graphql";

export interface ResilienceSettings {
  /** Longest wait for one attempt at a subgraph fetch. */
  timeoutMs: number;
  /** Extra attempts for a query fetch after a connection failure or a 502/503/504 (never for mutations). */
  retries: number;
  /** Consecutive failed fetches that open a subgraph's circuit. */
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

/** Safe to try again: nothing was executed, or the subgraph said it could not (502/503/504). */
function retryable(error: unknown): boolean {
  if (isBrokenCircuitError(error) || isTaskCancelledError(error)) return false;
  const status = httpStatus(error);
  if (status !== null) return status === 502 || status === 503 || status === 504;
  return connectionFailure(error);
}

export interface SubgraphPolicy {
  readonly breaker: CircuitBreakerPolicy;
  /** Runs one fetch: timeout per attempt, the circuit, and (queries only) one retry. */
  execute<T>(kind: "query" | "mutation", attempt: (signal: AbortSignal) => Promise<T>): Promise<T>;
  onRetry(listener: () => void): void;
  state(): CircuitState;
}

/** One policy per subgraph, shared by every request: the circuit is the subgraph's health. */
export function subgraphPolicy(settings: ResilienceSettings): SubgraphPolicy {
  const breaker = circuitBreaker(handleWhen((error) => unavailableReason(error) !== null), {
    halfOpenAfter: settings.halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(settings.breakerFailures),
  });
  const perAttempt = timeout(settings.timeoutMs, TimeoutStrategy.Aggressive);
  const mutationPolicy = wrap(breaker, perAttempt);
  const retryPolicy = retry(handleWhen(retryable), { maxAttempts: settings.retries, backoff: new ConstantBackoff(50) });
  const queryPolicy = wrap(retryPolicy, breaker, perAttempt);
  return {
    breaker,
    execute(kind, attempt) {
      const policy = kind === "mutation" || settings.retries === 0 ? mutationPolicy : queryPolicy;
      return policy.execute(({ signal }) => attempt(signal));
    },
    onRetry(listener) {
      retryPolicy.onRetry(() => listener());
    },
    state: () => breaker.state,
  };
}
