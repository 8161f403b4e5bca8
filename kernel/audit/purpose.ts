import { hasRole, OFFICER_ROLES } from "../auth/viewer";
import type { RequestContext } from "../context";
import { AppError, badInput } from "../errors";
import type { Lang } from "../i18n";
import { textMessages, textProblem } from "../text";

/** The request header in which an officer states why they read or change someone's data. */
export const PURPOSE_HEADER = "x-access-purpose";

/**
 * The purpose as the header carries it. HTTP headers carry only ASCII (a browser refuses to send
 * Arabic in one), so a purpose is sent percent-encoded as UTF-8 (`encodeURIComponent`); plain ASCII
 * is its own encoding, and text that is not valid percent-encoding ("100% checked") is taken as sent.
 * A client that sends UTF-8 bytes as they are gets them read as UTF-8 (Node hands them over as
 * Latin-1). The person whose data was read is shown the purpose, so it follows the rules of any text
 * a client sends (kernel/text.ts): a NUL, a line break, a direction override or nothing visible is
 * BAD_USER_INPUT naming the header, before anything is read.
 */
export function readPurpose(raw: string | undefined, lang: Lang): string | null {
  if (raw === undefined) return null;
  let purpose = /[^\x00-\x7f]/.test(raw) ? Buffer.from(raw, "latin1").toString("utf8") : raw;
  try {
    purpose = decodeURIComponent(purpose);
  } catch {
    // not percent-encoded: as sent
  }
  purpose = purpose.trim();
  const problem = textProblem(purpose, { maxLength: Number.MAX_SAFE_INTEGER }); // a long one is cut, not refused
  if (problem) {
    const violation = { field: PURPOSE_HEADER, rule: problem, message: textMessages[problem][lang]({ max: MAX_PURPOSE_LENGTH }) };
    throw badInput(lang, [violation], { http: { status: 400 } });
  }
  return purpose || null;
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
