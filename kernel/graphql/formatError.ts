import type { GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import type { Logger } from "../logger";

const PASS_THROUGH = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  // The gateway's own: a subgraph could not answer its part (gateway/src/resilience, docs/resilience.md).
  "SUBGRAPH_UNAVAILABLE",
]);

const CONTRACT_CODES = new Set<string>(["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "BAD_USER_INPUT", "INVALID_STATE", "CONFLICT", "RATE_LIMITED"]);

/**
 * Keeps the contract's errors (raised here, or passed on from a subgraph to the gateway) and
 * GraphQL's own request errors; hides anything unexpected behind INTERNAL_SERVER_ERROR.
 */
export function formatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (code === "BAD_USER_INPUT" && !formatted.extensions?.violations) {
      // graphql-js coercion errors (a bad variable or scalar): give them the contract's violations.
      const violations = [{ field: "input", rule: "TYPE", message: formatted.message }];
      return { ...formatted, extensions: { ...formatted.extensions, violations } };
    }
    if (typeof code === "string" && (CONTRACT_CODES.has(code) || PASS_THROUGH.has(code))) return formatted;
    log.error({ err: unwrapResolverError(error) }, "unexpected error");
    return { message: "Internal server error.", path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
  };
}
