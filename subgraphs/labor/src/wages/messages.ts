import { messages } from "../../../../kernel/i18n";

export const wageMessages = messages({
  amount: {
    en: (p: { max: string }) => `The monthly wage is a whole number of halalas from 0 to ${p.max}.`,
    ar: (p: { max: string }) => `الأجر الشهري عدد صحيح من الهللات من 0 إلى ${p.max}.`,
  },
  employer: {
    en: (p: { max: number }) => `Name the employer (at most ${p.max} characters).`,
    ar: (p: { max: number }) => `يجب ذكر جهة العمل (بحد أقصى ${p.max} حرفاً).`,
  },
  tooFarAhead: {
    en: (p: { latest: string }) => `A wage change takes effect at the latest on ${p.latest} (one year ahead).`,
    ar: (p: { latest: string }) => `يسري تغيير الأجر في موعد أقصاه ${p.latest} (بعد سنة).`,
  },
});
