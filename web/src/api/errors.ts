import type { ErrorCode as ContractErrorCode, Violation as ContractViolation } from "../../../kernel/errorCodes";
import type { Language } from "../i18n/language";

/** A violation, with the language its message is worded in when that is known. */
export type Violation = ContractViolation & { language?: Language };

export interface ApiErrorPayload {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; reason?: string; violations?: Violation[]; retryAfterSeconds?: number };
}

/** The contract's error codes, plus two of the app's own: no answer at all, or one that is not GraphQL. */
export type ErrorCode = ContractErrorCode | "OFFLINE" | "UNEXPECTED";

/**
 * An error from the gateway, worded by the API in the language the request asked for (`language`,
 * stamped on each violation too); an error a screen words itself is in the language it was made in.
 */
export class ApiError extends Error {
  readonly violations: Violation[];

  constructor(
    message: string,
    readonly code: ErrorCode,
    violations: Violation[] = [],
    readonly reason?: string,
    readonly language?: Language,
  ) {
    super(message);
    this.violations = language ? violations.map((violation) => ({ ...violation, language })) : violations;
  }

  static from(payload: ApiErrorPayload, language: Language): ApiError {
    const extensions = payload.extensions ?? {};
    return new ApiError(payload.message, (extensions.code as ErrorCode | undefined) ?? "UNEXPECTED", extensions.violations ?? [], extensions.reason, language);
  }

  /** The same error, said to be worded in `language` unless it already says in which. */
  wordedIn(language: Language): ApiError {
    return this.language ? this : new ApiError(this.message, this.code, this.violations, this.reason, language);
  }

  /** The message is chosen by the screen (it has the language); this one is for logs only. */
  static offline(): ApiError {
    return new ApiError("The network request failed", "OFFLINE");
  }

  static unexpected(status: number): ApiError {
    return new ApiError(`Unexpected answer (HTTP ${status})`, "UNEXPECTED");
  }

  /** The violations about one input: its own field, its list items (`childIds[1]`) and sub-fields (`input.city`). */
  violationsOf(field: string): Violation[] {
    return this.violations.filter((violation) => fieldMatches(violation.field, field));
  }
}

/** Whether a violation's field path names this field, e.g. "spouseIds[0]" or "input.spouseIds[0]" for "spouseIds[0]". */
export function fieldMatches(path: string, field: string): boolean {
  const bare = path.replace(/^input\./, "");
  return bare === field || bare.startsWith(`${field}[`) || bare.startsWith(`${field}.`);
}
