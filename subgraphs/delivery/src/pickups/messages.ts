import { messages } from "../../../../kernel/i18n";
import { PICKUP_STATUS_AR, statusInArabic } from "../../../../kernel/statusNames";

const statusAr = (status: string) => statusInArabic(PICKUP_STATUS_AR, status);

/** Messages of office pickups, in both languages. */
export const pickupMessages = messages({
  invalidMove: {
    en: (p: { from: string; to: string }) => `A pickup in ${p.from} cannot move to ${p.to}.`,
    ar: (p: { from: string; to: string }) => `لا يمكن نقل بطاقة حالة استلامها «${statusAr(p.from)}» إلى «${statusAr(p.to)}».`,
  },
});
