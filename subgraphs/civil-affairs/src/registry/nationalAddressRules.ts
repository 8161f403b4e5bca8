import { normalizeDigits } from "../../../../kernel/digits";
import type { Violations } from "../../../../kernel/errors";
import type { NationalAddress } from "../../../../kernel/graphql/nationalAddress";
import { registryMessages } from "./messages";

const FORMATS = {
  buildingNumber: { pattern: /^\d{4}$/, en: "4 digits", ar: "٤ أرقام" },
  postalCode: { pattern: /^\d{5}$/, en: "5 digits", ar: "٥ أرقام" },
  additionalNumber: { pattern: /^\d{4}$/, en: "4 digits", ar: "٤ أرقام" },
  shortAddress: { pattern: /^[A-Z]{4}\d{4}$/, en: "4 letters and 4 digits, e.g. RRRD2929", ar: "٤ أحرف و٤ أرقام، مثل RRRD2929" },
} as const;
const REQUIRED_TEXT = ["street", "district", "city"] as const;

/** Trims, upper-cases the short address and turns Eastern Arabic digits into ASCII. */
export function normalizeNationalAddress(input: NationalAddress): NationalAddress {
  const clean = (value: string | null | undefined) => normalizeDigits(value ?? "");
  const shortAddress = clean(input.shortAddress).toUpperCase();
  return {
    buildingNumber: clean(input.buildingNumber),
    street: clean(input.street),
    district: clean(input.district),
    city: clean(input.city),
    postalCode: clean(input.postalCode),
    additionalNumber: clean(input.additionalNumber),
    shortAddress: shortAddress === "" ? null : shortAddress,
  };
}

/**
 * The national-address rule of RULES.md: building number 4 digits, postal code 5 digits,
 * additional number 4 digits, short address 4 letters + 4 digits when given, street, district
 * and city non-empty. Records every problem under `prefix.field`.
 */
export function checkNationalAddress(address: NationalAddress, violations: Violations, prefix: string): void {
  for (const field of REQUIRED_TEXT) {
    if (!address[field]) violations.add(`${prefix}.${field}`, "REQUIRED", registryMessages.required, { field });
  }
  for (const field of Object.keys(FORMATS) as Array<keyof typeof FORMATS>) {
    const value = address[field];
    if (field === "shortAddress" && !value) continue;
    if (!value) violations.add(`${prefix}.${field}`, "REQUIRED", registryMessages.required, { field });
    else if (!FORMATS[field].pattern.test(value)) violations.add(`${prefix}.${field}`, "FORMAT", registryMessages.format, { field, format: FORMATS[field] });
  }
}
