import { catalogue } from "../i18n/catalogue";
import type { NationalAddressInput } from "../graphql/graphql";

/** The national address's fields, named as the Saudi National Address names them. */
export const addressWords = catalogue(
  {
    buildingNumber: "رقم المبنى",
    street: "الشارع",
    district: "الحي",
    city: "المدينة",
    postalCode: "الرمز البريدي",
    additionalNumber: "الرقم الإضافي",
    shortAddress: "العنوان المختصر",
  } satisfies Record<keyof NationalAddressInput, string>,
  {
    buildingNumber: "Building number",
    street: "Street",
    district: "District",
    city: "City",
    postalCode: "Postal code",
    additionalNumber: "Additional number",
    shortAddress: "Short address",
  },
);
