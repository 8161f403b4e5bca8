import { formatNumber } from "../i18n/format";
import type { Language } from "../i18n/language";

/**
 * A chart's count axis: whole numbers in the reader's digits. Chart.js writes 0 as "0" whatever
 * its locale, so the Arabic axis read "0, ٥, ١٠…" without this.
 */
export function countTicks(language: Language) {
  return { precision: 0, callback: (value: number | string) => formatNumber(Number(value), language) };
}
