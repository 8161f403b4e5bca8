import fc from "fast-check";
import { textProblem } from "../text";

/** The rules every text input follows (kernel/text.ts), over random text. */
const ONE_LINE = { maxLength: 200 };

describe("text inputs", () => {
  it("accepts ordinary Arabic and English text, with digits, punctuation and the plain direction marks", () => {
    for (const text of ["طريق الملك فهد", "King Fahd Road", "حي العليا - ٢٩٢٩", "O'Neil, Apt. 4", "الرياض\u200F(Riyadh)"]) expect(textProblem(text, ONE_LINE)).toBeNull();
  });

  it("refuses any text holding a control character, wherever it is (fast-check)", () => {
    const control = fc.constantFrom(..."\u0000\u0001\u0007\u001B\u007F\u0085".split(""));
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), control, fc.string({ maxLength: 50 }), (before, bad, after) => {
        expect(textProblem(`${before}${bad}${after}`, { maxLength: 200, multiline: true })).toBe("CONTROL_CHARACTER");
      }),
      { numRuns: 500 },
    );
  });

  it("refuses direction overrides and isolates anywhere (fast-check)", () => {
    const bidi = fc.constantFrom(..."\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069".split(""));
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."abc جدة .pdf") , maxLength: 30 }), bidi, (text, bad) => {
        expect(textProblem(`${text}${bad}gpj.exe`, ONE_LINE)).toBe("BIDI_CONTROL");
      }),
      { numRuns: 300 },
    );
  });

  it("refuses text made only of invisible characters, and line breaks outside multi-line texts", () => {
    expect(textProblem("\u200B\u200C\u200D\uFEFF", ONE_LINE)).toBe("INVISIBLE");
    expect(textProblem("\u200B \u200B", ONE_LINE)).toBe("INVISIBLE");
    expect(textProblem("   ", ONE_LINE)).toBeNull(); // blank: the field's own REQUIRED rule says so
    expect(textProblem("line one\nline two", ONE_LINE)).toBe("CONTROL_CHARACTER");
    expect(textProblem("line one\nline two", { maxLength: 200, multiline: true })).toBeNull();
    // Found from outside: variation selectors, combining marks alone, the braille blank; a line separator; a tag character hiding text.
    for (const invisible of ["\uFE0F\uFE0F", "\u0301\u0301\u0301", "\u2800", "\u064B\u064C"]) expect(textProblem(invisible, ONE_LINE)).toBe("INVISIBLE");
    expect(textProblem("a\u2028b", ONE_LINE)).toBe("CONTROL_CHARACTER");
    expect(textProblem("a\u{E0041}b", { maxLength: 200, multiline: true })).toBe("CONTROL_CHARACTER");
    expect(textProblem("مُحَمَّد ☎\uFE0F", ONE_LINE)).toBeNull();
  });

  it("refuses text over its length before looking at it", () => {
    expect(textProblem("x".repeat(201), ONE_LINE)).toBe("TOO_LONG");
    expect(textProblem("x".repeat(6 * 1024 * 1024), ONE_LINE)).toBe("TOO_LONG");
  });
});
