import type { GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { AppError } from "../errors";
import type { Logger } from "../logger";

const PASS_THROUGH = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
]);

/** Keeps the contract's errors as they are; hides anything unexpected behind INTERNAL_SERVER_ERROR. */
export function formatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code;
    if (original instanceof AppError) return formatted;
    if (code === "BAD_USER_INPUT") {
      // graphql-js coercion errors (a bad variable or scalar): give them the contract's violations.
      const violations = [{ field: "input", rule: "TYPE", message: formatted.message }];
      return { ...formatted, extensions: { ...formatted.extensions, violations } };
    }
    if (typeof code === "string" && PASS_THROUGH.has(code)) return formatted;
    log.error({ err: original }, "unexpected error");
    return { message: "Internal server error.", path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
  };
}
