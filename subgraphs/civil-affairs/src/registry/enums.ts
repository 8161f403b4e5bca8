import { registerEnumType } from "type-graphql";

export enum Gender {
  MALE = "MALE",
  FEMALE = "FEMALE",
}
export enum MaritalStatus {
  SINGLE = "SINGLE",
  MARRIED = "MARRIED",
  DIVORCED = "DIVORCED",
  WIDOWED = "WIDOWED",
}
export enum FamilyRelation {
  HEAD = "HEAD",
  SPOUSE = "SPOUSE",
  SON = "SON",
  DAUGHTER = "DAUGHTER",
}
export enum CardStatus {
  ACTIVE = "ACTIVE",
  REPLACED = "REPLACED",
  CANCELLED = "CANCELLED",
}

registerEnumType(Gender, { name: "Gender" });
registerEnumType(MaritalStatus, { name: "MaritalStatus" });
registerEnumType(FamilyRelation, { name: "FamilyRelation" });
registerEnumType(CardStatus, { name: "CardStatus" });
