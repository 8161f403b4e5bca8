import { formatAmount } from "../i18n/format";
import { useLanguage } from "../i18n/language";

/** An amount of money from its halalas, in the reader's digits, kept in one direction inside the sentence. */
export function Amount({ money }: { money: { halalas: number } }) {
  return <bdi>{formatAmount(money.halalas, useLanguage())}</bdi>;
}
