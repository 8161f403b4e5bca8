/**
 * The API's statuses as Arabic readers are told them: by the web app's screens and by the
 * subgraphs' Arabic refusals alike ("لا يمكن نقل طلب حالته «مقدَّم» …"), so both say one word.
 */
export const APPLICATION_STATUS_AR = {
  DRAFT: "مسودة",
  SUBMITTED: "مقدَّم",
  UNDER_REVIEW: "قيد المراجعة",
  NEEDS_CORRECTION: "يحتاج إلى تصحيح",
  APPROVED: "مقبول",
  REJECTED: "مرفوض",
  ISSUED: "صدرت البطاقة",
  CANCELLED: "ملغى",
} as const;

export const SHIPMENT_STATUS_AR = {
  CREATED: "أُنشئت الشحنة",
  PICKED_UP: "استلمها البريد",
  IN_TRANSIT: "في الطريق",
  OUT_FOR_DELIVERY: "خرجت للتوصيل",
  DELIVERED: "سُلّمت",
  DELIVERY_FAILED: "تعذّر التسليم",
  RETURNED_TO_OFFICE: "أُعيدت إلى المكتب",
} as const;

export const PICKUP_STATUS_AR = { PREPARING: "قيد التجهيز", READY_FOR_PICKUP: "جاهزة للاستلام", COLLECTED: "استُلمت" } as const;

export const ENROLLMENT_STATUS_AR = { PENDING: "قيد الدراسة", APPROVED: "مقبول", REJECTED: "مرفوض", WITHDRAWN: "مسحوب" } as const;

/** A status's Arabic name from one of the tables above; the API's own name if it has none. */
export function statusInArabic(names: Readonly<Record<string, string>>, status: string): string {
  return names[status] ?? status;
}
