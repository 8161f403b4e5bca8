import { isAdultOn } from "../../../kernel/adulthood";
import { todayInRiyadh } from "../i18n/format";

/** Whether someone born on `birthDate` is 18 or over today in Riyadh, as the agencies judge it (kernel/adulthood.ts). */
export function isAdultToday(birthDate: string): boolean {
  return isAdultOn(birthDate, todayInRiyadh());
}
