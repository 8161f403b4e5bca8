import { pickLanguage } from "../i18n";
import { formatSar } from "../graphql/money";

describe("language choice", () => {
  it.each([
    [undefined, "en"],
    ["ar", "ar"],
    ["ar-SA,ar;q=0.9,en;q=0.8", "ar"],
    ["en-US,en;q=0.9,ar;q=0.8", "en"],
    ["fr, ar;q=0.5", "ar"],
    ["en;q=0.2, ar;q=0.9", "ar"],
    ["ar;q=0, en", "en"],
    ["de", "en"],
  ])("Accept-Language %s → %s", (header, lang) => {
    expect(pickLanguage(header)).toBe(lang);
  });

  it("formats money per language from integer halalas", () => {
    expect(formatSar(10000, "en")).toBe("SAR 100.00");
    expect(formatSar(10000, "ar")).toBe("100.00 ر.س");
    expect(formatSar(250000005, "en")).toBe("SAR 2,500,000.05");
  });
});
