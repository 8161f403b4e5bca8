import type { ApiError } from "../api/errors";
import { useWords } from "../i18n/catalogue";
import { formatNumber } from "../i18n/format";
import { useLanguage } from "../i18n/language";
import { addressWords } from "../ui/addressWords";
import type { SummaryFields } from "../ui/ErrorSummary";
import { ADDRESS_FIELDS } from "./AddressForm";
import { applyWords } from "./words";

/** The positions of a list's items that `error` has violations about ("spouseIds[1]" → 1), in order. */
function itemsWithViolations(error: ApiError | null, list: "spouseIds" | "childIds"): number[] {
  const items = new Set<number>();
  for (const violation of error?.violations ?? []) {
    const match = /^(?:input\.)?(spouseIds|childIds)\[(\d+)\]/.exec(violation.field);
    if (match?.[1] === list) items.add(Number(match[2]));
  }
  return [...items].sort((a, b) => a - b);
}

/**
 * An application's refusal in the summary as the form shows its inputs, each problem under its
 * input's label ("رقم هوية الزوجة ٢: …"): the kind, each wife and child named, the delivery, the
 * declaration, then what a submission checks besides (documents, the national address).
 */
export function useApplicationSummaryFields(error: ApiError | null): SummaryFields {
  const words = useWords(applyWords);
  const address = useWords(addressWords);
  const language = useLanguage();
  const items = (list: "spouseIds" | "childIds", label: (n: string) => string) =>
    itemsWithViolations(error, list).map((index) => [`${list}[${index}]`, label(formatNumber(index + 1, language))] as const);
  return [
    ["kind", words.kind],
    ...items("spouseIds", words.wifeId),
    ["spouseIds", words.wives],
    ...items("childIds", words.childId),
    ["childIds", words.children],
    ["deliveryMethod", words.delivery],
    ["pickupOfficeId", words.office],
    ["lossDeclaration", words.lossDeclaration],
    ["documents", words.documentsTitle],
    ...ADDRESS_FIELDS.map((field) => [`nationalAddress.${field}`, `${words.addressTitle} – ${address[field]}`] as const),
    ["nationalAddress", words.addressTitle],
  ];
}
