import { messages } from "../../../../kernel/i18n";

/** Messages of the registry's rules (the national address), in English and Arabic. */
export const registryMessages = messages({
  required: {
    en: (p: { field: string }) => `${p.field} is required.`,
    ar: (p: { field: string }) => `الحقل ${p.field} مطلوب.`,
  },
  format: {
    en: (p: { field: string; format: { en: string; ar: string } }) => `${p.field} must be ${p.format.en}.`,
    ar: (p: { field: string; format: { en: string; ar: string } }) => `يجب أن يكون ${p.field} ${p.format.ar}.`,
  },
});
