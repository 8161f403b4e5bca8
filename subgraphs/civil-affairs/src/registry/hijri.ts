const UMM_AL_QURA = new Intl.DateTimeFormat("en-US-u-ca-islamic-umalqura-nu-latn", {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  timeZone: "UTC",
});

/** Gregorian "YYYY-MM-DD" → Umm al-Qura "YYYY-MM-DD". */
export function toHijri(gregorian: string): string {
  const parts = UMM_AL_QURA.formatToParts(new Date(`${gregorian}T00:00:00Z`));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year").padStart(4, "0")}-${part("month")}-${part("day")}`;
}
