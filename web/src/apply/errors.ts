import { ApiError, type Violation } from "../api/errors";

/** Whatever a request threw, as the app's ApiError (never a raw exception on screen). */
export function asApiError(failure: unknown): ApiError {
  return failure instanceof ApiError ? failure : ApiError.unexpected(0);
}

const bare = (field: string) => field.replace(/^input\./, "");

/** The violations about exactly this field, not its items or sub-fields (`spouseIds`, not `spouseIds[0]`). */
export function violationsExactly(error: ApiError | null, field: string): Violation[] {
  return error?.violations.filter((violation) => bare(violation.field) === field) ?? [];
}

/** The same error without the violations about `field` and its sub-fields; null when nothing is left. */
export function withoutField(error: ApiError, field: string): ApiError | null {
  const left = error.violations.filter((violation) => !error.violationsOf(field).includes(violation));
  if (left.length === error.violations.length) return error;
  return left.length > 0 ? new ApiError(error.message, error.code, left, error.reason, error.language) : null;
}
