import { arabicIndicDigits } from "../../../../kernel/digits";
import { messages } from "../../../../kernel/i18n";
import { SHIPMENT_STATUS_AR, statusInArabic } from "../../../../kernel/statusNames";

const statusAr = (status: string) => statusInArabic(SHIPMENT_STATUS_AR, status);

/** Messages of shipments and their tracking reports, in both languages. */
export const shipmentMessages = messages({
  invalidMove: {
    en: (p: { from: string; to: string }) => `A shipment in ${p.from} cannot move to ${p.to}.`,
    ar: (p: { from: string; to: string }) => `لا يمكن نقل شحنة حالتها «${statusAr(p.from)}» إلى «${statusAr(p.to)}».`,
  },
  lateUnpassed: {
    en: (p: { from: string; to: string }) => `This event is dated before the shipment's latest one, and a shipment now in ${p.from} has not passed ${p.to}: record it with the time it happened.`,
    ar: (p: { from: string; to: string }) => `تاريخ هذا الحدث أقدم من آخر أحداث الشحنة، والشحنة التي حالتها الآن «${statusAr(p.from)}» لم تمر بحالة «${statusAr(p.to)}»: سجّله بوقت وقوعه.`,
  },
  lateBeforeStep: {
    en: (p: { to: string }) => `This event is dated before the shipment could have reached ${p.to}: record it with the time it happened.`,
    ar: (p: { to: string }) => `تاريخ هذا الحدث أقدم من أول وقت كان يمكن أن تبلغ فيه الشحنة حالة «${statusAr(p.to)}»: سجّله بوقت وقوعه.`,
  },
  eventInFuture: {
    en: () => "A tracking event cannot be dated in the future.",
    ar: () => "لا يمكن أن يكون تاريخ حدث التتبع في المستقبل.",
  },
  beforeShipment: {
    en: () => "A tracking event cannot be dated before the shipment was created.",
    ar: () => "لا يمكن أن يكون تاريخ حدث التتبع قبل إنشاء الشحنة.",
  },
  returnedToOffice: {
    en: (p: { attempts: number }) => `Returned to the office after ${p.attempts} failed delivery attempts`,
    ar: (p: { attempts: number }) => `أُعيدت إلى المكتب بعد ${arabicIndicDigits(String(p.attempts))} محاولات تسليم لم تنجح`,
  },
  required: {
    en: () => "This field is required.",
    ar: () => "هذا الحقل مطلوب.",
  },
  unknownStatus: {
    en: () => "Unknown shipment status.",
    ar: () => "حالة شحنة غير معروفة.",
  },
  badInstant: {
    en: () => "Must be ISO-8601 with an offset, e.g. 2026-01-31T09:00:00+03:00.",
    ar: () => "يجب أن يكون بصيغة ISO-8601 مع فرق التوقيت، مثل 2026-01-31T09:00:00+03:00.",
  },
});
