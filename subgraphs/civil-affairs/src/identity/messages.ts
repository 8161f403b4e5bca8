import { arabicCount, arabicNouns, englishCount, messages } from "../../../../kernel/i18n";

export const identityMessages = messages({
  badCredentials: {
    en: () => "The national ID or the password is wrong.",
    ar: () => "رقم الهوية أو كلمة المرور غير صحيحة.",
  },
  locked: {
    en: (p: { minutes: number }) => `Too many failed attempts. Try again in ${englishCount(p.minutes, "minute", "minutes")}.`,
    ar: (p: { minutes: number }) => `محاولات فاشلة كثيرة. حاول مرة أخرى بعد ${arabicCount(p.minutes, arabicNouns.minute)}.`,
  },
  busy: {
    en: () => "Many people are signing in right now. Try again in a moment.",
    ar: () => "يسجل كثيرون الدخول الآن. حاول مرة أخرى بعد لحظات.",
  },
  passwordRequired: { en: () => "Enter your password.", ar: () => "أدخل كلمة المرور." },
});
