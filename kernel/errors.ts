import { GraphQLError, type ASTNode } from "graphql";
import { messages, type Lang, type Message } from "./i18n";

import type { ErrorCode, Violation } from "./errorCodes";

export type { ErrorCode, Violation };

export const errorMessages = messages<Record<ErrorCode, Message>>({
  UNAUTHENTICATED: { en: () => "Sign in first.", ar: () => "يرجى تسجيل الدخول أولاً." },
  FORBIDDEN: { en: () => "You are not allowed to do this.", ar: () => "ليست لديك صلاحية لهذا الإجراء." },
  NOT_FOUND: { en: () => "Not found.", ar: () => "غير موجود." },
  BAD_USER_INPUT: {
    en: () => "Some of the input is not valid; each problem is listed.",
    ar: () => "بعض المدخلات غير صحيحة، وكل مشكلة مذكورة.",
  },
  INVALID_STATE: {
    en: () => "This action is not allowed in the current state.",
    ar: () => "هذا الإجراء غير مسموح في الحالة الحالية.",
  },
  CONFLICT: {
    en: () => "The record was changed by someone else or already exists.",
    ar: () => "تم تعديل السجل من قبل طرف آخر أو أنه موجود مسبقاً.",
  },
  RATE_LIMITED: { en: () => "Too many attempts; try again later.", ar: () => "محاولات كثيرة؛ حاول لاحقاً." },
  INTERNAL_SERVER_ERROR: { en: () => "Something went wrong.", ar: () => "حدث خطأ غير متوقع." },
});

/** A GraphQL error carrying one of the contract's codes, with a message in the request's language. */
export class AppError extends GraphQLError {
  /** `node`: where in the document the error is (a literal a scalar refused). */
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}, node?: ASTNode) {
    super(message, { nodes: node, extensions: { code, ...extra } });
  }
}

export function appError(
  code: ErrorCode,
  lang: Lang,
  message?: string,
  extra: Record<string, unknown> = {},
): AppError {
  return new AppError(code, message ?? errorMessages[code][lang](), extra);
}

/** One BAD_USER_INPUT error listing every violation at once (`extra`: more extensions, e.g. the HTTP status of a refusal before GraphQL runs). */
export function badInput(lang: Lang, violations: Violation[], extra: Record<string, unknown> = {}): AppError {
  return new AppError("BAD_USER_INPUT", errorMessages.BAD_USER_INPUT[lang](), { violations, ...extra });
}

/** Collects violations, then throws them all together. */
export class Violations {
  readonly list: Violation[] = [];
  constructor(readonly lang: Lang) {}

  add<P>(field: string, rule: string, message: Message<P>, params: P): void {
    this.list.push({ field, rule, message: message[this.lang](params) });
  }

  addAll(violations: Violation[]): void {
    this.list.push(...violations);
  }

  throwIfAny(): void {
    if (this.list.length > 0) throw badInput(this.lang, this.list);
  }
}
