import { formatNumber, messages, pickLanguage, say } from "../i18n";
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

describe("number formatting", () => {
  it("writes every number as Intl does, however often and in whatever order it recurs", () => {
    const arabic = new Intl.NumberFormat("ar-SA", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const english = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
    // More distinct values than a formatter remembers, each twice, then the first ones again.
    const values = [0, -0, 1, 12.5, 1234567, ...Array.from({ length: 5000 }, (_, i) => i * 7.25), 0, -0, 1, 12.5];
    for (const value of [...values, ...values]) {
      expect(formatNumber("ar", value, 2)).toBe(arabic.format(value));
      expect(formatNumber("en", value)).toBe(english.format(value));
    }
    expect(formatNumber("ar", 9200)).toBe("٩٬٢٠٠");
    expect(formatNumber("en", -0)).toBe("-0");
  });
});

describe("message catalogues", () => {
  // tsc (npm test) checks the @ts-expect-error lines: each must be an error, or the run fails.
  const catalogue = messages({
    tooMany: { en: (p: { max: number }) => `At most ${p.max}.`, ar: (p: { max: number }) => `${p.max} على الأكثر.` },
  });

  it("keeps each entry's parameter type", () => {
    expect(say("en", catalogue.tooMany, { max: 3 })).toBe("At most 3.");
    // @ts-expect-error a parameter of the wrong type
    expect(say("ar", catalogue.tooMany, { max: "3" })).toBe("3 على الأكثر.");
  });

  it("does not compile an entry without both languages alike", () => {
    const incomplete = messages({
      // @ts-expect-error no Arabic
      englishOnly: { en: () => "English only" },
      // @ts-expect-error the Arabic takes other parameters than the English
      mismatched: { en: (p: { max: number }) => `At most ${p.max}.`, ar: (p: { count: number }) => `${p.count}` },
    });
    expect(Object.keys(incomplete)).toEqual(["englishOnly", "mismatched"]);
  });
});
