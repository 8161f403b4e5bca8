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
 * input's label ("رقم هوية الزوجة ٢: …") and linked to it: the kind, each wife and child named, the
 * delivery, the declaration, then what a submission checks besides (documents, the national
 * address). `formId` is the application form's on the screen (ApplicationForm's `id`), null when
 * none is: then nothing is linked. A wife's or child's problem links to the list, which gives the
 * keyboard to its first input marked invalid.
 */
export function useApplicationSummaryFields(error: ApiError | null, formId: string | null): SummaryFields {
  const words = useWords(applyWords);
  const address = useWords(addressWords);
  const language = useLanguage();
  const input = (id: string) => (formId === null ? undefined : id);
  const items = (list: "spouseIds" | "childIds", label: (n: string) => string, inputId: string) =>
    itemsWithViolations(error, list).map((index) => [`${list}[${index}]`, label(formatNumber(index + 1, language)), input(inputId)] as const);
  return [
    ["kind", words.kind, input(`${formId}-kind`)],
    ...items("spouseIds", words.wifeId, `${formId}-spouse`),
    ["spouseIds", words.wives, input(`${formId}-spouse`)],
    ...items("childIds", words.childId, `${formId}-child`),
    ["childIds", words.children, input(`${formId}-child`)],
    ["deliveryMethod", words.delivery, input(`${formId}-delivery`)],
    ["pickupOfficeId", words.office, input(`${formId}-office`)],
    ["lossDeclaration", words.lossDeclaration, input(`${formId}-loss`)],
    ["documents", words.documentsTitle, input("documents-title")],
    ...ADDRESS_FIELDS.map((field) => [`nationalAddress.${field}`, `${words.addressTitle} – ${address[field]}`, input(`address-${field}`)] as const),
    ["nationalAddress", words.addressTitle, input("national-address")],
  ];
}
