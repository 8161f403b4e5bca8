import { Violations } from "../../../kernel/errors";
import { checkNationalAddress } from "../src/registry/nationalAddressRules";

const BAD = { buildingNumber: "12", street: "", district: "", city: "", postalCode: "1234", additionalNumber: "", shortAddress: "RR12" };

function violationsIn(lang: "ar" | "en") {
  const violations = new Violations(lang);
  checkNationalAddress(BAD, violations, "input");
  return violations.list;
}

describe("the national address's violations", () => {
  it("name every part as the form does, in the request's language, never by its API name", () => {
    expect(violationsIn("en").map((v) => `${v.field}:${v.rule}:${v.message}`)).toEqual([
      "input.street:REQUIRED:The street is required.",
      "input.district:REQUIRED:The district is required.",
      "input.city:REQUIRED:The city is required.",
      "input.buildingNumber:FORMAT:The building number must be 4 digits.",
      "input.postalCode:FORMAT:The postal code must be 5 digits.",
      "input.additionalNumber:REQUIRED:The additional number is required.",
      "input.shortAddress:FORMAT:The short address must be 4 letters and 4 digits, e.g. RRRD2929.",
    ]);
    const arabic = violationsIn("ar");
    expect(arabic.map((v) => v.message)).toEqual([
      "يجب إدخال الشارع.",
      "يجب إدخال الحي.",
      "يجب إدخال المدينة.",
      "يجب أن يتكون رقم المبنى من ٤ أرقام.",
      "يجب أن يتكون الرمز البريدي من ٥ أرقام.",
      "يجب إدخال الرقم الإضافي.",
      "يجب أن يتكون العنوان المختصر من ٤ أحرف و٤ أرقام، مثل RRRD2929.",
    ]);
  });
});
