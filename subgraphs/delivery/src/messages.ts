import type { Message } from "../../../kernel/i18n";

/** Delivery's own messages, in both languages. */
export const deliveryMessages = {
  invalidShipmentMove: {
    en: (p: { from: string; to: string }) => `A shipment in ${p.from} cannot move to ${p.to}.`,
    ar: (p: { from: string; to: string }) => `لا يمكن نقل شحنة حالتها ${p.from} إلى ${p.to}.`,
  } satisfies Message<{ from: string; to: string }>,
  invalidPickupMove: {
    en: (p: { from: string; to: string }) => `A pickup in ${p.from} cannot move to ${p.to}.`,
    ar: (p: { from: string; to: string }) => `لا يمكن نقل بطاقة حالة استلامها ${p.from} إلى ${p.to}.`,
  } satisfies Message<{ from: string; to: string }>,
  eventInFuture: {
    en: () => "A tracking event cannot be dated in the future.",
    ar: () => "لا يمكن أن يكون تاريخ حدث التتبع في المستقبل.",
  } satisfies Message,
  required: {
    en: () => "This field is required.",
    ar: () => "هذا الحقل مطلوب.",
  } satisfies Message,
  unknownStatus: {
    en: () => "Unknown shipment status.",
    ar: () => "حالة شحنة غير معروفة.",
  } satisfies Message,
  badInstant: {
    en: () => "Must be ISO-8601 with an offset, e.g. 2026-01-31T09:00:00+03:00.",
    ar: () => "يجب أن يكون بصيغة ISO-8601 مع فرق التوقيت، مثل 2026-01-31T09:00:00+03:00.",
  } satisfies Message,
};
