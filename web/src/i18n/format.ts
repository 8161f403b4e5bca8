import type { Language } from "./language";

/**
 * Dates, numbers and digits as a Saudi reader expects them: Arabic-Indic digits and the Umm al-Qura
 * calendar beside the Gregorian one in Arabic; Latin digits in English. Formatters are built once.
 */
const LOCALES: Record<Language, { gregorian: string; hijri: string; number: string }> = {
  ar: { gregorian: "ar-SA-u-ca-gregory-nu-arab", hijri: "ar-SA-u-ca-islamic-umalqura-nu-arab", number: "ar-SA-u-nu-arab" },
  en: { gregorian: "en-GB-u-ca-gregory", hijri: "en-GB-u-ca-islamic-umalqura", number: "en-GB" },
};

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.DateTimeFormat(locale, { timeZone: "Asia/Riyadh", ...options })));
  return format;
}

function numberFormat(language: Language, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `n|${language}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.NumberFormat(LOCALES[language].number, options)));
  return format;
}

const RIYALS: Intl.NumberFormatOptions = { minimumFractionDigits: 2, maximumFractionDigits: 2 };

/** A Date ("YYYY-MM-DD", Gregorian, a calendar day) as noon in Riyadh, so no time zone moves its day. */
function dayToInstant(day: string): Date {
  return new Date(`${day}T12:00:00+03:00`);
}

/** Today in Riyadh, "YYYY-MM-DD": the calendar day the agencies judge on (a wage's default start, an age). */
export function todayInRiyadh(): string {
  return dateFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

const DAY: Intl.DateTimeFormatOptions = { year: "numeric", month: "long", day: "numeric" };
/** English's 24-hour clock in two digits ("at 02:00" beside "at 14:00"; en-GB wrote "at 2:00"); Arabic's 12-hour "٢:٠٠ ص". */
const DAY_TIME: Record<Language, Intl.DateTimeFormatOptions> = {
  ar: { ...DAY, hour: "numeric", minute: "2-digit" },
  en: { ...DAY, hour: "2-digit", minute: "2-digit" },
};

/** "12 March 2026" / "١٢ مارس ٢٠٢٦". */
export function formatDay(day: string, language: Language): string {
  return dateFormat(LOCALES[language].gregorian, DAY).format(dayToInstant(day));
}

/** "12 Mar" / "١٢ مارس": a day on a chart's axis. */
export function formatShortDay(day: string, language: Language): string {
  return dateFormat(LOCALES[language].gregorian, { month: "short", day: "numeric" }).format(dayToInstant(day));
}

/** The same day in the Umm al-Qura calendar, e.g. "٢٣ رمضان ١٤٤٧ هـ". */
export function formatHijriDay(day: string, language: Language): string {
  return dateFormat(LOCALES[language].hijri, DAY).format(dayToInstant(day));
}

/** A DateTime, Gregorian with the time, in Riyadh's time. */
export function formatDateTime(at: string, language: Language): string {
  return dateFormat(LOCALES[language].gregorian, DAY_TIME[language]).format(new Date(at));
}

/** A DateTime's day in the Umm al-Qura calendar. */
export function formatHijriDateTime(at: string, language: Language): string {
  return dateFormat(LOCALES[language].hijri, DAY).format(new Date(at));
}

/** An amount in halalas as riyals with their two decimals: "١٠٠٫٠٠ ر.س" / "SAR 100.00". */
export function formatAmount(halalas: number, language: Language): string {
  // Exact: integer halalas over 100 keep their two decimals in a double (up to 2^53).
  const riyals = numberFormat(language, RIYALS).format(halalas / 100);
  return language === "ar" ? `${riyals} ر.س` : `SAR ${riyals}`;
}

export function formatNumber(value: number, language: Language): string {
  return numberFormat(language).format(value);
}

/** Digits as the reader reads them: a national ID or a card number in Arabic-Indic digits in Arabic. */
export function formatDigits(text: string, language: Language): string {
  return language === "ar" ? text.replace(/[0-9]/g, (digit) => String.fromCharCode(0x0660 + Number(digit))) : text;
}

/** Eastern Arabic (and Persian) digits typed by the person, as Latin digits for display checks. */
export function latinDigits(text: string): string {
  return text.replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x0660)).replace(/[\u06f0-\u06f9]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0));
}
