import { formatAmount } from "../../web/src/i18n/format";

describe("amounts of money on the web app's screens", () => {
  it("shows halalas as riyals with two decimals, in Arabic-Indic digits in Arabic, as the API's formatted form in English", () => {
    expect([10_000, 0, 1_234_567, 48_500].map((halalas) => formatAmount(halalas, "ar"))).toEqual(["١٠٠٫٠٠ ر.س", "٠٫٠٠ ر.س", "١٢٬٣٤٥٫٦٧ ر.س", "٤٨٥٫٠٠ ر.س"]);
    expect([10_000, 0, 1_234_567, 48_500].map((halalas) => formatAmount(halalas, "en"))).toEqual(["SAR 100.00", "SAR 0.00", "SAR 12,345.67", "SAR 485.00"]);
  });
});
