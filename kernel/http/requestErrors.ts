import type { GraphQLFormattedError } from "graphql";
import type { Lang } from "../i18n";

type Violation = { field: string; rule: string; message: string };

/**
 * What a refused request is told in Arabic, by the violation's rule: GraphQL (graphql-js, Apollo
 * Server) words these errors in English only, and the contract wants the whole message in the
 * request's language. The violation's `field` still says where; the English wording (the same
 * request in English) says more.
 */
const ARABIC: Record<string, string> = {
  JSON: "تعذّرت قراءة جسم الطلب: صيغته غير صالحة.",
  PAYLOAD_TOO_LARGE: "جسم الطلب أكبر من الحد المسموح.",
  MAX_BATCH_SIZE: "عدد العمليات في الطلب الواحد أكثر من المسموح.",
  BAD_REQUEST: "الطلب غير صالح.",
  GRAPHQL_PARSE_FAILED: "تعذّرت قراءة الاستعلام: في صياغته خطأ.",
  GRAPHQL_VALIDATION_FAILED: "الاستعلام لا يوافق مخطط الواجهة.",
  OPERATION_RESOLUTION_FAILURE: "تعذّر تحديد العملية المطلوب تنفيذها.",
  TYPE: "قيمة لا توافق النوع المطلوب.",
};

/** The request errors of a refused request in Arabic (`ARABIC`); errors of other rules, and every error in English, as they are. */
export function requestErrorsIn(lang: Lang, errors: GraphQLFormattedError[]): GraphQLFormattedError[] {
  if (lang !== "ar") return errors;
  return errors.map((error) => {
    const violations = error.extensions?.violations as Violation[] | undefined;
    const arabic = violations?.[0] ? ARABIC[violations[0].rule] : undefined;
    if (!violations || !arabic) return error;
    const inArabic = violations.map((v) => (ARABIC[v.rule] ? { ...v, message: ARABIC[v.rule]! } : v));
    return { ...error, message: arabic, extensions: { ...error.extensions, violations: inArabic } };
  });
}

/** A refused request's JSON body (`{ errors }`) with its request errors in `lang`; any other body as it is. */
export function requestErrorBodyIn(lang: Lang, body: string): string {
  if (lang !== "ar") return body;
  try {
    const parsed = JSON.parse(body) as { errors?: GraphQLFormattedError[] };
    if (!Array.isArray(parsed.errors)) return body;
    return JSON.stringify({ ...parsed, errors: requestErrorsIn(lang, parsed.errors) });
  } catch {
    return body;
  }
}
