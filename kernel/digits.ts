const EASTERN_ARABIC_ZERO = 0x0660; // ٠
const PERSIAN_ZERO = 0x06f0; // ۰ (typed on Persian/Urdu keyboards)

/** Replaces Eastern Arabic and Persian digits with ASCII digits; trims surrounding spaces. */
export function normalizeDigits(input: string): string {
  return input
    .trim()
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - EASTERN_ARABIC_ZERO))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - PERSIAN_ZERO));
}

/** ASCII digits written in Eastern Arabic (2027-12-02 → ٢٠٢٧-١٢-٠٢), for a date or code inside an Arabic sentence. */
export function arabicIndicDigits(text: string): string {
  return text.replace(/\d/g, (d) => String.fromCharCode(EASTERN_ARABIC_ZERO + Number(d)));
}
