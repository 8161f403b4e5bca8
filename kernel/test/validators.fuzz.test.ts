import fc from "fast-check";
import { AppError, Violations } from "../errors";
import { DateScalar, DateTimeScalar } from "../graphql/scalars";
import { pickLanguage } from "../i18n";
import { checkNationalId, withCheckDigit } from "../nationalId";
import { checkNationalAddress, normalizeNationalAddress } from "../../subgraphs/civil-affairs/src/registry/nationalAddressRules";
import { declaredTypeAgrees, decodedBase64Size, detectMimeType, isBase64 } from "../../subgraphs/civil-affairs/src/applications/documents/fileType";

/**
 * Property-based tests of the validators: thousands of random inputs each, no crash, and the
 * answers agree with independent oracles. RUNS per property (1,000) keeps the file near a second.
 */
const RUNS = 1_000;
const EASTERN = "٠١٢٣٤٥٦٧٨٩";
const toEastern = (digits: string) => digits.replace(/\d/g, (d) => EASTERN[Number(d)]!);
const digits = (length: number) => fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: length, maxLength: length });
const anyText = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: fc.constantFrom(..."0123456789٠١٢٣٤٥٦٧٨٩ -ABCZ") }));

describe("national ID validator (fast-check)", () => {
  it(`never throws and only accepts 10 digits starting 1 or 2 (${RUNS} random strings)`, () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const check = checkNationalId(raw);
        if (check.ok) expect(check.nationalId).toMatch(/^[12]\d{9}$/);
        else expect(["FORMAT", "PREFIX", "CHECK_DIGIT"]).toContain(check.problem);
      }),
      { numRuns: RUNS },
    );
  });

  it(`accepts every ID minted with its check digit, in ASCII or Eastern Arabic digits (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.constantFrom("1", "2"), digits(8), (first, rest) => {
        const id = withCheckDigit(first + rest);
        expect(checkNationalId(id)).toEqual({ ok: true, nationalId: id, isCitizen: first === "1" });
        expect(checkNationalId(toEastern(id))).toEqual({ ok: true, nationalId: id, isCitizen: first === "1" });
      }),
      { numRuns: RUNS },
    );
  });

  it(`refuses every single-digit change of a valid ID (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.constantFrom("1", "2"), digits(8), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), (first, rest, position, delta) => {
        const id = withCheckDigit(first + rest);
        const changed = id.slice(0, position) + ((Number(id[position]) + delta) % 10) + id.slice(position + 1);
        expect(checkNationalId(changed)).toEqual({ ok: false, problem: "CHECK_DIGIT" });
      }),
      { numRuns: RUNS },
    );
  });
});

const addressField = fc.oneof(digits(4), digits(5), toEasternArb(digits(4)), anyText, fc.constant(""), fc.constant("   "));
function toEasternArb(arb: fc.Arbitrary<string>) {
  return arb.map(toEastern);
}

describe("national address rules (fast-check)", () => {
  it(`reports exactly the fields that break the rule, never throwing (${RUNS} random addresses)`, () => {
    fc.assert(
      fc.property(
        fc.record({
          buildingNumber: addressField,
          street: addressField,
          district: addressField,
          city: addressField,
          postalCode: addressField,
          additionalNumber: addressField,
          shortAddress: fc.option(fc.oneof(addressField, fc.stringMatching(/^[A-Za-z]{4}[0-9]{4}$/)), { nil: null }),
        }),
        fc.constantFrom("en" as const, "ar" as const),
        (input, lang) => {
          const address = normalizeNationalAddress(input);
          const violations = new Violations(lang);
          checkNationalAddress(address, violations, "input");
          // Oracle, written independently of the rules' code.
          const expected: string[] = [];
          const text = (value: string | null | undefined) => (value ?? "").replace(/[٠-٩]/g, (d) => String(EASTERN.indexOf(d))).trim();
          for (const field of ["street", "district", "city"] as const) if (!text(input[field])) expected.push(`input.${field}:REQUIRED`);
          const formats = { buildingNumber: /^\d{4}$/, postalCode: /^\d{5}$/, additionalNumber: /^\d{4}$/ };
          for (const [field, pattern] of Object.entries(formats)) {
            const value = text(input[field as keyof typeof formats]);
            if (!value) expected.push(`input.${field}:REQUIRED`);
            else if (!pattern.test(value)) expected.push(`input.${field}:FORMAT`);
          }
          const short = text(input.shortAddress).toUpperCase();
          if (short && !/^[A-Z]{4}\d{4}$/.test(short)) expected.push("input.shortAddress:FORMAT");
          expect(violations.list.map((v) => `${v.field}:${v.rule}`).sort()).toEqual(expected.sort());
          expect(violations.list.every((v) => typeof v.message === "string" && v.message.length > 0)).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("document type detection (fast-check)", () => {
  const MAGIC: Record<string, number[]> = {
    "application/pdf": [0x25, 0x50, 0x44, 0x46, 0x2d],
    "image/jpeg": [0xff, 0xd8, 0xff],
    "image/png": [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  };

  it(`recognises a file by its first bytes only, never throwing on any bytes (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.constantFrom(...Object.keys(MAGIC), null), (bytes, type) => {
        const content = Buffer.from(type ? [...MAGIC[type]!, ...bytes] : [...bytes]);
        const detected = detectMimeType(content);
        if (type) expect(detected).toBe(type);
        else expect(detected === null || Object.keys(MAGIC).includes(detected)).toBe(true);
        if (detected) expect(content.subarray(0, MAGIC[detected]!.length)).toEqual(Buffer.from(MAGIC[detected]!));
      }),
      { numRuns: RUNS },
    );
  });

  it(`knows the decoded size of any base64 before decoding it (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const base64 = Buffer.from(bytes).toString("base64");
        expect(isBase64(base64)).toBe(true);
        expect(decodedBase64Size(base64)).toBe(bytes.length);
      }),
      { numRuns: RUNS },
    );
  });

  it(`takes a declared type loosely but never another type for the content's (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom(...Object.keys(MAGIC), "IMAGE/PNG; q=1", "image/jpg", "", "application/octet-stream")), fc.constantFrom(...Object.keys(MAGIC)), (declared, detected) => {
        const clean = declared.split(";")[0]!.trim().toLowerCase();
        const undeclared = clean === "" || clean === "application/octet-stream";
        expect(declaredTypeAgrees(declared, detected)).toBe(undeclared || clean === detected || (clean === "image/jpg" && detected === "image/jpeg"));
      }),
      { numRuns: RUNS },
    );
  });
});

function refusedAsBadInput(parse: () => unknown): boolean {
  try {
    parse();
    return false;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).extensions.code).toBe("BAD_USER_INPUT");
    return true;
  }
}

describe("Date and DateTime scalars (fast-check)", () => {
  const anyValue = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.object(), fc.stringMatching(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?([+-]\d{2}:?\d{2}|Z)?)?$/));

  it(`Date accepts exactly real YYYY-MM-DD dates, anything else is BAD_USER_INPUT (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        let parsed: unknown;
        const refused = refusedAsBadInput(() => (parsed = DateScalar.parseValue(value)));
        if (!refused) {
          expect(parsed).toBe(value);
          expect(new Date(`${value as string}T00:00:00Z`).toISOString().slice(0, 10)).toBe(value);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it(`Date round-trips every real date (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true }), (date) => {
        const text = date.toISOString().slice(0, 10);
        expect(DateScalar.parseValue(text)).toBe(text);
        expect(DateScalar.serialize(DateScalar.parseValue(text))).toBe(text);
      }),
      { numRuns: RUNS },
    );
  });

  it(`DateTime refuses days past the end of the month (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (year, month, day) => {
        const text = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
        const real = new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
        expect(refusedAsBadInput(() => DateTimeScalar.parseValue(`${text}T10:00:00+03:00`))).toBe(!real);
        expect(refusedAsBadInput(() => DateScalar.parseValue(text))).toBe(!real);
      }),
      { numRuns: RUNS },
    );
  });

  it(`DateTime accepts only instants with an offset, and keeps the instant (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        let parsed: unknown;
        if (!refusedAsBadInput(() => (parsed = DateTimeScalar.parseValue(value)))) {
          expect(parsed).toBeInstanceOf(Date);
          expect(Number.isNaN((parsed as Date).getTime())).toBe(false);
          expect(value as string).toMatch(/(Z|[+-]\d{2}:?\d{2})$/);
          // The calendar date written is a real one (found by this test: 2021-02-30T10:00Z was accepted as 2021-03-02).
          const day = (value as string).slice(0, 10);
          expect(new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10)).toBe(day);
        }
      }),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2200-01-01T00:00:00Z"), noInvalidDate: true }), fc.integer({ min: -12, max: 14 }), (date, hours) => {
        const local = new Date(date.getTime() + hours * 3_600_000).toISOString().slice(0, 23);
        const offset = `${hours < 0 ? "-" : "+"}${String(Math.abs(hours)).padStart(2, "0")}:00`;
        expect(DateTimeScalar.parseValue(`${local}${offset}`).getTime()).toBe(date.getTime());
      }),
      { numRuns: RUNS },
    );
  });
});

describe("Accept-Language parsing (fast-check)", () => {
  it(`never throws on any header (${RUNS} random strings)`, () => {
    fc.assert(
      fc.property(anyText, (header) => {
        expect(["ar", "en"]).toContain(pickLanguage(header));
      }),
      { numRuns: RUNS },
    );
  });

  it(`picks the preferred of Arabic and English by q, first listed on a tie (${RUNS} runs)`, () => {
    const tag = fc.constantFrom("ar", "ar-SA", "AR-eg", "en", "en-US", "EN-gb", "fr", "ur", "de-DE", "*", "");
    const entry = fc.record({ tag, q: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), (entries) => {
        const header = entries.map((e) => (e.q === undefined ? e.tag : `${e.tag};q=${e.q / 1000}`)).join(", ");
        const known = entries
          .map((e, index) => ({ lang: e.tag.toLowerCase().split("-")[0], q: e.q === undefined ? 1 : e.q / 1000, index }))
          .filter((e) => (e.lang === "ar" || e.lang === "en") && e.q > 0)
          .sort((a, b) => b.q - a.q || a.index - b.index);
        expect(pickLanguage(header)).toBe(known[0]?.lang ?? "en");
      }),
      { numRuns: RUNS },
    );
  });
});
