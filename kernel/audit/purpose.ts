import { hasRole, OFFICER_ROLES } from "../auth/viewer";
import type { RequestContext } from "../context";
import { AppError } from "../errors";

/** The request header in which an officer states why they read or change someone's data. */
export const PURPOSE_HEADER = "x-access-purpose";

/**
 * The purpose as the header carries it. HTTP headers carry only ASCII (a browser refuses to send
 * Arabic in one), so a purpose is sent percent-encoded as UTF-8 (`encodeURIComponent`); plain ASCII
 * is its own encoding, and text that is not valid percent-encoding ("100% checked") is taken as sent.
 */
export function readPurpose(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  let purpose = raw;
  try {
    purpose = decodeURIComponent(raw);
  } catch {
    // not percent-encoded: as sent
  }
  return purpose.trim() || null;
}

/** The purpose as a header value, for a subgraph that calls another on the officer's behalf. */
export function purposeHeader(purpose: string): string {
  return encodeURIComponent(purpose);
}

/** Longest purpose kept in the audit trail (longer ones are cut). */
export const MAX_PURPOSE_LENGTH = 500;

/**
 * An officer acting without a stated purpose where one is required: they may not touch anyone
 * else's personal data. Where it is not required (outside production, by default) the access is
 * recorded with no purpose.
 */
export function lacksPurpose(ctx: RequestContext): boolean {
  return ctx.purposeRequired && ctx.viewer !== null && hasRole(ctx.viewer, ...OFFICER_ROLES) && !ctx.purpose;
}

/** FORBIDDEN, with `reason: "PURPOSE_REQUIRED"`: the officer must send x-access-purpose. */
export function purposeRequired(ctx: RequestContext): AppError {
  const message =
    ctx.lang === "ar"
      ? "يجب ذكر الغرض من الوصول في الترويسة x-access-purpose: لا يطّلع الموظف على بيانات شخص آخر ولا يعدّلها إلا لغرض مُعلن."
      : "State the purpose of this access in the x-access-purpose header: officers read or change someone else's personal data only for a stated purpose.";
  return new AppError("FORBIDDEN", message, { reason: "PURPOSE_REQUIRED", header: PURPOSE_HEADER });
}
