import { formatNumber } from "../i18n/format";
import type { Language } from "../i18n/language";

/**
 * A chart's count axis: whole numbers in the reader's digits. Chart.js writes 0 as "0" whatever
 * its locale, so the Arabic axis read "0, ٥, ١٠…" without this.
 */
export function countTicks(language: Language) {
  return { precision: 0, callback: (value: number | string) => formatNumber(Number(value), language) };
}

/** Longest line of a category's label under the bars, in characters. */
const LINE = 18;

/**
 * A category's label in lines of at most LINE characters, broken between words: an office's name
 * ("مكتب الأحوال المدنية بالرياض - العليا") was cut to its first words, which every office shares.
 */
export function labelLines(label: string): string[] {
  const lines: string[] = [];
  for (const word of label.split(" ")) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last]!.length + 1 + word.length <= LINE) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** The category axis: each label on as many lines as it needs (Chart.js draws an array as lines; a category tick's value is its label's index). */
export function categoryTicks(labels: string[]) {
  return { callback: (value: number | string) => labelLines(labels[Number(value)] ?? "") };
}
