import { QueryFailedError } from "typeorm";

/** PostgreSQL's SQLSTATE for a unique or exclusion constraint refusing a row (PGlite reports it too). */
const UNIQUE_VIOLATION = "23505";

/**
 * A write refused by a unique index: the database settled a race (one open application per
 * applicant, one open enrollment per program); callers answer with the contract's code.
 */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === UNIQUE_VIOLATION;
}
