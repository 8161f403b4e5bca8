import { messages } from "../../../../kernel/i18n";

/** A national address's parts as the person filling it in calls them (the labels of the app's form). */
const ADDRESS_PART_NAMES = {
  buildingNumber: { en: "The building number", ar: "رقم المبنى" },
  street: { en: "The street", ar: "الشارع" },
  district: { en: "The district", ar: "الحي" },
  city: { en: "The city", ar: "المدينة" },
  postalCode: { en: "The postal code", ar: "الرمز البريدي" },
  additionalNumber: { en: "The additional number", ar: "الرقم الإضافي" },
  shortAddress: { en: "The short address", ar: "العنوان المختصر" },
} as const;

type AddressPart = keyof typeof ADDRESS_PART_NAMES;

/** Messages of the registry's rules (the national address), in English and Arabic. */
export const registryMessages = messages({
  required: {
    en: (p: { field: AddressPart }) => `${ADDRESS_PART_NAMES[p.field].en} is required.`,
    ar: (p: { field: AddressPart }) => `يجب إدخال ${ADDRESS_PART_NAMES[p.field].ar}.`,
  },
  format: {
    en: (p: { field: AddressPart; format: { en: string; ar: string } }) => `${ADDRESS_PART_NAMES[p.field].en} must be ${p.format.en}.`,
    ar: (p: { field: AddressPart; format: { en: string; ar: string } }) => `يجب أن يتكون ${ADDRESS_PART_NAMES[p.field].ar} من ${p.format.ar}.`,
  },
});
