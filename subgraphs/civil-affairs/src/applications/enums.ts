import { registerEnumType } from "type-graphql";

export enum ApplicationKind {
  NEW_CARD = "NEW_CARD",
  REPLACEMENT_LOST = "REPLACEMENT_LOST",
  REPLACEMENT_DAMAGED = "REPLACEMENT_DAMAGED",
  MEMBERS_UPDATE = "MEMBERS_UPDATE",
}
export enum ApplicationStatus {
  DRAFT = "DRAFT",
  SUBMITTED = "SUBMITTED",
  UNDER_REVIEW = "UNDER_REVIEW",
  NEEDS_CORRECTION = "NEEDS_CORRECTION",
  APPROVED = "APPROVED",
  REJECTED = "REJECTED",
  ISSUED = "ISSUED",
  CANCELLED = "CANCELLED",
}
export enum DeliveryMethod {
  SAUDI_POST = "SAUDI_POST",
  OFFICE_PICKUP = "OFFICE_PICKUP",
}
export enum DocumentType {
  MARRIAGE_CONTRACT = "MARRIAGE_CONTRACT",
  BIRTH_CERTIFICATE = "BIRTH_CERTIFICATE",
  NATIONAL_ID_COPY = "NATIONAL_ID_COPY",
  FAMILY_REGISTER_COPY = "FAMILY_REGISTER_COPY",
  LOSS_REPORT = "LOSS_REPORT",
  DAMAGED_CARD_PHOTO = "DAMAGED_CARD_PHOTO",
  OTHER = "OTHER",
}

/** Statuses in which an applicant still has an application in progress. */
export const OPEN_STATUSES = [
  ApplicationStatus.DRAFT,
  ApplicationStatus.SUBMITTED,
  ApplicationStatus.UNDER_REVIEW,
  ApplicationStatus.NEEDS_CORRECTION,
  ApplicationStatus.APPROVED,
];

registerEnumType(ApplicationKind, { name: "ApplicationKind" });
registerEnumType(ApplicationStatus, { name: "ApplicationStatus" });
registerEnumType(DeliveryMethod, { name: "DeliveryMethod" });
registerEnumType(DocumentType, { name: "DocumentType" });
