import { messages } from "../../../../kernel/i18n";

/** Messages of office pickups, in both languages. */
export const pickupMessages = messages({
  invalidMove: {
    en: (p: { from: string; to: string }) => `A pickup in ${p.from} cannot move to ${p.to}.`,
    ar: (p: { from: string; to: string }) => `لا يمكن نقل بطاقة حالة استلامها ${p.from} إلى ${p.to}.`,
  },
});
