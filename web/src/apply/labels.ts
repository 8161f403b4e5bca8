import type { ApplicationKind, ApplicationStatus, DeliveryMethod, DocumentType } from "../graphql/graphql";
import { catalogue } from "../i18n/catalogue";
import { APPLICATION_STATUS_AR } from "../../../kernel/statusNames";

/** The API's enums about applications as a reader says them. */
export const kindLabels = catalogue(
  {
    NEW_CARD: "بطاقة جديدة",
    REPLACEMENT_LOST: "بدل فاقد",
    REPLACEMENT_DAMAGED: "بدل تالف",
    MEMBERS_UPDATE: "تحديث الأفراد",
  } satisfies Record<ApplicationKind, string>,
  {
    NEW_CARD: "New card",
    REPLACEMENT_LOST: "Replacement (lost)",
    REPLACEMENT_DAMAGED: "Replacement (damaged)",
    MEMBERS_UPDATE: "Members update",
  },
);

/** A replacement card lists the members its register holds: its application names nobody. */
export function namesMembers(kind: ApplicationKind): boolean {
  return kind !== "REPLACEMENT_LOST" && kind !== "REPLACEMENT_DAMAGED";
}

export const statusLabels = catalogue(
  { ...APPLICATION_STATUS_AR } satisfies Record<ApplicationStatus, string>,
  {
    DRAFT: "Draft",
    SUBMITTED: "Submitted",
    UNDER_REVIEW: "Under review",
    NEEDS_CORRECTION: "Needs correction",
    APPROVED: "Approved",
    REJECTED: "Rejected",
    ISSUED: "Card issued",
    CANCELLED: "Cancelled",
  },
);

export const deliveryLabels = catalogue(
  {
    SAUDI_POST: "البريد السعودي (توصيل إلى العنوان الوطني)",
    OFFICE_PICKUP: "الاستلام من مكتب الأحوال المدنية",
  } satisfies Record<DeliveryMethod, string>,
  {
    SAUDI_POST: "Saudi Post (to my national address)",
    OFFICE_PICKUP: "Collect at a civil-affairs office",
  },
);

export const documentLabels = catalogue(
  {
    MARRIAGE_CONTRACT: "عقد الزواج",
    BIRTH_CERTIFICATE: "شهادة الميلاد",
    NATIONAL_ID_COPY: "صورة الهوية",
    FAMILY_REGISTER_COPY: "صورة سجل الأسرة",
    LOSS_REPORT: "بلاغ الفقدان",
    DAMAGED_CARD_PHOTO: "صورة البطاقة التالفة",
    OTHER: "مستند آخر",
  } satisfies Record<DocumentType, string>,
  {
    MARRIAGE_CONTRACT: "Marriage contract",
    BIRTH_CERTIFICATE: "Birth certificate",
    NATIONAL_ID_COPY: "Copy of the national ID (iqama)",
    FAMILY_REGISTER_COPY: "Copy of the family register",
    LOSS_REPORT: "Loss report",
    DAMAGED_CARD_PHOTO: "Photo of the damaged card",
    OTHER: "Other document",
  },
);

/** The file input's label for each document type. */
/** Every document type, in the order the labels list them (an additional document's type is chosen from them). */
export const DOCUMENT_TYPES = Object.keys(documentLabels.ar) as DocumentType[];

export const attachLabels = catalogue(
  {
    MARRIAGE_CONTRACT: "إرفاق عقد الزواج",
    BIRTH_CERTIFICATE: "إرفاق شهادة الميلاد",
    NATIONAL_ID_COPY: "إرفاق صورة الهوية",
    FAMILY_REGISTER_COPY: "إرفاق صورة سجل الأسرة",
    LOSS_REPORT: "إرفاق بلاغ الفقدان",
    DAMAGED_CARD_PHOTO: "إرفاق صورة البطاقة التالفة",
    OTHER: "إرفاق مستند آخر",
  } satisfies Record<DocumentType, string>,
  {
    MARRIAGE_CONTRACT: "Attach the marriage contract",
    BIRTH_CERTIFICATE: "Attach the birth certificate",
    NATIONAL_ID_COPY: "Attach the copy of the national ID (iqama)",
    FAMILY_REGISTER_COPY: "Attach the copy of the family register",
    LOSS_REPORT: "Attach the loss report",
    DAMAGED_CARD_PHOTO: "Attach the photo of the damaged card",
    OTHER: "Attach another document",
  },
);

/** Statuses in which the applicant still has an application in progress (one at a time). */
export const OPEN_STATUSES: ApplicationStatus[] = ["DRAFT", "SUBMITTED", "UNDER_REVIEW", "NEEDS_CORRECTION", "APPROVED"];
/** Statuses in which the applicant may change the application and attach documents. */
export const EDITABLE_STATUSES: ApplicationStatus[] = ["DRAFT", "NEEDS_CORRECTION"];
/** Statuses from which the applicant may cancel. */
export const CANCELLABLE_STATUSES: ApplicationStatus[] = ["DRAFT", "SUBMITTED", "NEEDS_CORRECTION"];

/** The badge's tone: waiting on the applicant, done well, or ended badly. */
export function statusTone(status: ApplicationStatus): string {
  if (status === "DRAFT" || status === "NEEDS_CORRECTION") return "badge warn";
  if (status === "REJECTED" || status === "CANCELLED") return "badge bad";
  return "badge good";
}
