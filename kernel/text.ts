import { arabicCount, arabicNouns, englishCount, messages, type Message } from "./i18n";

/**
 * What any text a client sends must be: no control characters (PostgreSQL refuses NUL outright),
 * no bidirectional overrides (they make "gpj.exe" read as "exe.jpg"), something visible when it
 * is not empty, and a bounded length. Multi-line texts (an officer's notes) may hold line breaks
 * and tabs.
 */
export type TextProblem = "CONTROL_CHARACTER" | "BIDI_CONTROL" | "INVISIBLE" | "TOO_LONG";

// C0 and C1 controls, and the tag characters (U+E0000–E007F), which carry text no screen shows.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u{E0000}-\u{E007F}]/u;
const LINE_BREAKS = /[\t\n\r\u2028\u2029]/;
// Embeddings, overrides and isolates; the plain marks LRM/RLM (U+200E/F) stay allowed.
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
// Spaces, format characters (zero-width, soft hyphen, marks), combining marks with nothing to
// combine with (variation selectors among them), and the blanks that look like letters to a
// program: Hangul fillers, the braille blank.
const INVISIBLE_ONLY = /^[\s\p{Cf}\p{Mn}\p{Me}\u115F\u1160\u2800\u3164\uFFA0]+$/u;

export function textProblem(value: string, options: { maxLength: number; multiline?: boolean }): TextProblem | null {
  if (value.length > options.maxLength) return "TOO_LONG";
  if (CONTROL.test(value) || (!options.multiline && LINE_BREAKS.test(value))) return "CONTROL_CHARACTER";
  if (BIDI_CONTROL.test(value)) return "BIDI_CONTROL";
  // Blank is not invisible: whether a field may be empty is that field's own rule (REQUIRED).
  if (value.trim() !== "" && INVISIBLE_ONLY.test(value)) return "INVISIBLE";
  return null;
}

export const textMessages = messages<Record<TextProblem, Message<{ max: number }>>>({
  CONTROL_CHARACTER: { en: () => "The text contains control characters.", ar: () => "يحتوي النص على محارف تحكم." },
  BIDI_CONTROL: { en: () => "The text contains characters that reverse its direction.", ar: () => "يحتوي النص على محارف تعكس اتجاهه." },
  INVISIBLE: { en: () => "The text has no visible character.", ar: () => "لا يحتوي النص على أي حرف ظاهر." },
  TOO_LONG: { en: (p) => `The text is longer than ${englishCount(p.max, "character", "characters")}.`, ar: (p) => `النص أطول من ${arabicCount(p.max, arabicNouns.character)}.` },
});
