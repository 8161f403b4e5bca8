import type { SupportFamilyDetailsFragment } from "../graphql/graphql";
import type { Language } from "../i18n/language";

export type Member = SupportFamilyDetailsFragment["members"][number];

/** A member's name in the chosen language (Arabic where no English one is held). */
export function nameOf(member: Member, language: Language): string {
  return (language === "en" && member.citizen.fullNameEn) || member.citizen.fullNameAr;
}

/** "SA" as "Saudi Arabia" / "السعودية"; the code itself where the browser has no name for it. */
export function countryName(code: string, language: Language): string {
  try {
    return new Intl.DisplayNames([language], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}
