import { badInput, appError, type AppError } from "../errors";
import { acceptedUnder } from "../graphql/acceptedDocuments";
import { documentViolations, type DocumentLimits } from "../graphql/documentGuard";
import type { Lang } from "../i18n";

/** What a client sent for one operation: the query text and/or a persisted query's hash. */
export interface SentOperation {
  query?: string;
  persistedHash?: string;
}

export interface OperationScreen {
  limits: DocumentLimits;
  /** When set, an operation it refuses is FORBIDDEN before its text is parsed (registered operations only). */
  isAllowed?(operation: SentOperation): boolean;
}

function sentOperations(body: unknown, search: URLSearchParams, method: string): SentOperation[] {
  if (method === "GET") {
    let hash: unknown;
    try {
      hash = JSON.parse(search.get("extensions") ?? "{}")?.persistedQuery?.sha256Hash;
    } catch {
      hash = undefined;
    }
    return [{ query: search.get("query") ?? undefined, persistedHash: typeof hash === "string" ? hash : undefined }];
  }
  const items = Array.isArray(body) ? body : [body];
  return items.map((item) => {
    const record = (item ?? {}) as { query?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } };
    const hash = record.extensions?.persistedQuery?.sha256Hash;
    return { query: typeof record.query === "string" ? record.query : undefined, persistedHash: typeof hash === "string" ? hash : undefined };
  });
}

/**
 * Screens every operation of a request before Apollo Server sees it: the allow-list first, then the
 * document limits. Returns the error to answer with (with its HTTP status), or null to go on.
 */
export function screenOperations(screen: OperationScreen, body: unknown, search: URLSearchParams, method: string, lang: Lang): { status: number; error: AppError } | null {
  const operations = sentOperations(body, search, method);
  if (screen.isAllowed && !operations.every((operation) => screen.isAllowed!(operation))) {
    const message = lang === "ar" ? "هذه العملية غير مسجلة لدى البوابة." : "Only registered operations are accepted.";
    return { status: 403, error: appError("FORBIDDEN", lang, message, { reason: "PERSISTED_QUERY_NOT_ALLOWED" }) };
  }
  const accepted = acceptedUnder(screen.limits);
  for (const operation of operations) {
    if (operation.query === undefined || accepted.has(operation.query)) continue;
    const violations = documentViolations(operation.query, screen.limits, lang);
    if (violations.length > 0) return { status: violations[0]!.rule === "QUERY_TOO_LARGE" ? 413 : 400, error: badInput(lang, violations) };
    accepted.add(operation.query);
  }
  return null;
}
