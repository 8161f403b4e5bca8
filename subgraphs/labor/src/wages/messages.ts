import { arabicIndicDigits } from "../../../../kernel/digits";
import { arabicCount, arabicNouns, englishCount, formatNumber, messages } from "../../../../kernel/i18n";

export const wageMessages = messages({
  amount: {
    en: (p: { max: number }) => `The monthly wage is a whole number of halalas from 0 to ${formatNumber("en", p.max)}.`,
    ar: (p: { max: number }) => `الأجر الشهري عدد صحيح من الهللات من ${formatNumber("ar", 0)} إلى ${formatNumber("ar", p.max)}.`,
  },
  employer: {
    en: (p: { max: number }) => `Name the employer (at most ${englishCount(p.max, "character", "characters")}).`,
    ar: (p: { max: number }) => `يجب ذكر جهة العمل (بحد أقصى ${arabicCount(p.max, arabicNouns.character)}).`,
  },
  ownFamily: {
    en: () => "An officer does not record his own wage, his spouse's or his child's, nor that of anyone in his register: another officer must.",
    ar: () => "لا يسجّل الموظف أجره ولا أجر زوجه أو أحد أبنائه أو أحد من سجل أسرته: يسجّله موظف آخر.",
  },
  unknownPerson: {
    en: () => "The civil registry has no one with this national ID.",
    ar: () => "لا يوجد في السجل المدني أحد بهذا الرقم.",
  },
  beforeBirth: {
    en: (p: { birthDate: string }) => `A wage cannot take effect before the person's birth (${p.birthDate}).`,
    ar: (p: { birthDate: string }) => `لا يسري الأجر قبل ميلاد صاحبه (${arabicIndicDigits(p.birthDate)}).`,
  },
  tooFarAhead: {
    en: (p: { latest: string }) => `A wage change takes effect at the latest on ${p.latest} (one year ahead).`,
    ar: (p: { latest: string }) => `يسري تغيير الأجر في موعد أقصاه ${arabicIndicDigits(p.latest)} (بعد سنة).`,
  },
});
