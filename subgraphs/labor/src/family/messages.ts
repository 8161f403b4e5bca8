import { arabicCount, messages } from "../../../../kernel/i18n";

export const familyMessages = messages({
  tooMany: {
    en: (p: { max: number }) => `Ask for at most ${p.max} families at a time.`,
    ar: (p: { max: number }) => `اطلب ${arabicCount(p.max, { singular: "أسرة", dual: "أسرتين", plural: "أسر", accusative: "أسرة" })} على الأكثر في المرة الواحدة.`,
  },
  registerNumber: {
    en: () => "A family register number is 10 digits.",
    ar: () => "رقم سجل الأسرة يتكون من ١٠ أرقام.",
  },
});
