import { Violations } from "./errors";
import type { Lang } from "./i18n";
import { sharedMessages } from "./messages";
import { checkNationalId } from "./nationalId";

/** Checks a national ID, recording a violation on `field` when it is bad; returns the normalised ID. */
export function collectNationalId(violations: Violations, field: string, raw: string): string | null {
  const check = checkNationalId(raw);
  if (check.ok) return check.nationalId;
  violations.add(field, `NATIONAL_ID_${check.problem}`, sharedMessages.nationalId, { problem: check.problem });
  return null;
}

/** A single national-ID argument: the normalised ID, or a BAD_USER_INPUT error. */
export function requireNationalId(lang: Lang, field: string, raw: string): string {
  const violations = new Violations(lang);
  const id = collectNationalId(violations, field, raw);
  violations.throwIfAny();
  return id!;
}

/** A national ID as stored: digits normalised; validity is checked separately. */
export function normalizeNationalId(raw: string): string {
  const check = checkNationalId(raw);
  return check.ok ? check.nationalId : raw.trim();
}
