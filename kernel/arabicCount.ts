import { formatNumber } from "./i18n";

/** A noun's forms after a number (تمييز العدد): "two" in the case the sentence needs. */
export interface ArabicCountedNoun {
  /** With "واحد"/"واحدة" after it: 1. */
  one: string;
  /** The dual: 2. */
  two: string;
  /** The plural: 3 to 10. */
  plural: string;
  /** The singular, accusative: 11 to 99. */
  accusative: string;
  /** 0: "دون أطفال". */
  none: string;
}

/**
 * A count and its noun as Arabic says them: طفل واحد، طفلان، ٣ أطفال، ١١ طفلاً، ١٠٠ طفل; past a
 * hundred the last two digits decide (١٠٣ أطفال، ١١٥ طفلاً). Numbers in Arabic-Indic digits.
 */
export function arabicCount(count: number, noun: ArabicCountedNoun): string {
  if (count === 0) return noun.none;
  if (count === 1) return `${noun.one} واحد`;
  if (count === 2) return noun.two;
  const lastTwo = count % 100;
  const number = formatNumber("ar", count);
  if (lastTwo >= 3 && lastTwo <= 10) return `${number} ${noun.plural}`;
  if (lastTwo >= 11) return `${number} ${noun.accusative}`;
  return `${number} ${noun.one}`; // round hundreds and thousands, and their 101, 102
}
