import { registerEnumType } from "type-graphql";

export enum BenefitProgramCode {
  CITIZEN_ACCOUNT = "CITIZEN_ACCOUNT",
  SOCIAL_SECURITY = "SOCIAL_SECURITY",
  LUMP_SUM_AID = "LUMP_SUM_AID",
  FOOD_SUPPORT = "FOOD_SUPPORT",
  HOUSING_SUPPORT = "HOUSING_SUPPORT",
}
registerEnumType(BenefitProgramCode, { name: "BenefitProgramCode" });
