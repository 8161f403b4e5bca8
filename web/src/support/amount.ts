import { latinDigits } from "../i18n/format";

/** The largest GraphQL Int: a longer amount is sent as this, for the API to refuse with its own ceiling's words. */
const GRAPHQL_INT_MAX = 2_147_483_647;

/**
 * An amount typed in riyals as integer halalas (1 SAR = 100 halalas), or null when it is not a
 * number with at most two decimals. Eastern Arabic digits, the Arabic decimal separator and
 * thousands separators are accepted. However many digits it has, it stays within a GraphQL Int,
 * so that a too large wage is refused by the API as out of range (with its ceiling), not as
 * something that is not a number.
 */
export function halalasOf(text: string): number | null {
  const plain = latinDigits(text).replace(/[\s,\u066c]/g, "").replace("\u066b", ".");
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(plain);
  if (!match) return null;
  return Math.min(Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0")), GRAPHQL_INT_MAX);
}
