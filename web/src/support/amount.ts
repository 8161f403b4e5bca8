import { latinDigits } from "../i18n/format";

/**
 * An amount typed in riyals as integer halalas (1 SAR = 100 halalas), or null when it is not a
 * number with at most two decimals. Eastern Arabic digits, the Arabic decimal separator and
 * thousands separators are accepted.
 */
export function halalasOf(text: string): number | null {
  const plain = latinDigits(text).replace(/[\s,\u066c]/g, "").replace("\u066b", ".");
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(plain);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}
