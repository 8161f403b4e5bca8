/**
 * The error shapes clients see (the contract's codes and BAD_USER_INPUT's violations): no imports,
 * so the web app shares them with the services.
 */
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "BAD_USER_INPUT"
  | "INVALID_STATE"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "INTERNAL_SERVER_ERROR";

/** One problem with one input, listed in `extensions.violations`. */
export interface Violation {
  field: string;
  rule: string;
  message: string;
}
