import { arabicNounForm } from "../../../kernel/i18n";

/** The Arabic counted noun "day" after a number (تمييز العدد, kernel/i18n.ts): يوم، يومان، أيام، يوماً. */
export function arabicDays(count: number): string {
  return arabicNounForm(count, { singular: "يوم", dual: "يومان", plural: "أيام", accusative: "يوماً" });
}
