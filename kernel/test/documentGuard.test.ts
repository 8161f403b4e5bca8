import fc from "fast-check";
import { documentViolations, type DocumentLimits } from "../graphql/documentGuard";

/**
 * The document guard measures what validation will do, however the document is written: k
 * selections landing at one response path are k(k-1)/2 comparisons whether they were written side
 * by side, in inline fragments or in named fragments.
 */
const LIMITS: DocumentLimits = { maxQueryBytes: 32 * 1024, maxTokens: 4000, maxFields: 500, maxFieldPairs: 1000, maxFragments: 100, maxDirectives: 50, maxDepth: 12 };
const rules = (query: string) => documentViolations(query, LIMITS, "en").map((v) => v.rule);

/** k copies of `benefitPrograms { code }`, each written directly, in an inline fragment or in its own named fragment. */
function scattered(ways: Array<0 | 1 | 2>): string {
  const selections: string[] = [];
  const fragments: string[] = [];
  ways.forEach((way, i) => {
    const field = "benefitPrograms { code }";
    if (way === 0) selections.push(field);
    else if (way === 1) selections.push(`... on Query { ${field} }`);
    else {
      selections.push(`...F${i}`);
      fragments.push(`fragment F${i} on Query { ${field} }`);
    }
  });
  return `{ ${selections.join(" ")} } ${fragments.join(" ")}`;
}

describe("document guard", () => {
  it("counts the pairs at one response path however the copies are written (fast-check)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<0 | 1 | 2>(0, 1, 2), { minLength: 1, maxLength: 45 }), (ways) => {
        const k = ways.length;
        const pairs = k * (k - 1); // k(k-1)/2 for benefitPrograms and as many for code
        const fragments = ways.filter((w) => w !== 0).length + ways.filter((w) => w === 2).length;
        const expected = [...(pairs > LIMITS.maxFieldPairs ? ["MAX_FIELD_PAIRS"] : []), ...(fragments > LIMITS.maxFragments ? ["MAX_FRAGMENTS"] : [])];
        expect(rules(scattered(ways))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("counts a fragment spread twice into one selection once, as validation merges it", () => {
    expect(rules(`{ ${"...F ".repeat(99)}} fragment F on Query { benefitPrograms { code } }`)).toEqual([]);
  });

  it("stops expanding fragments that multiply (each spreads the next twice at new paths)", () => {
    const levels = 30;
    const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on Citizen { a: family { head { ...F${i + 1} } } b: family { head { ...F${i + 1} } } }`).join(" ");
    expect(rules(`{ me { ...F0 } } ${fragments} fragment F${levels} on Citizen { nationalId }`)).toEqual(["MAX_FIELDS", "MAX_DEPTH"]);
  });

  it("counts fragments nobody spreads and fragments defined twice: validation visits them all the same", () => {
    const heavy = Array.from({ length: 440 }, () => `citizen(nationalId: "1") { __typename }`).join(" ");
    expect(rules(`{ __typename } fragment F on Query { ${heavy} }`)).toEqual(["MAX_FIELDS", "MAX_FIELD_PAIRS"]);
    const more = Array.from({ length: 33 }, () => "benefitPrograms { code }").join(" ");
    expect(rules(`{ ...F } fragment F on Query { __typename } fragment F on Query { ${more} }`)).toEqual(["MAX_FIELD_PAIRS"]);
  });

  it("refuses nesting deeper than the limit however it is written, `__typename` and introspection not a level", () => {
    // me > family > members > citizen, again and again: each level of family multiplies the answer.
    const nested = (rounds: number, leaf: string) => `{ me { ${"family { members { citizen { ".repeat(rounds)}${leaf}${" } } }".repeat(rounds)} } }`;
    expect(rules(nested(3, "nationalId"))).toEqual([]); // 11 levels
    expect(rules(nested(3, "family { registerNumber }"))).toEqual([]); // 12
    expect(rules(nested(3, "family { head { nationalId } }"))).toEqual(["MAX_DEPTH"]); // 13
    expect(rules(nested(7, "nationalId"))).toEqual(["MAX_DEPTH"]);
    expect(rules(nested(3, "family { __typename registerNumber }"))).toEqual([]);
    expect(rules(`{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } }`)).toEqual([]);
    // In fragments and inline fragments alike: fragments are not levels, their fields are.
    const inFragments = `{ me { ...F } } fragment F on Citizen { family { members { citizen { ... on Citizen { family { members { citizen { ...G } } } } } } } } fragment G on Citizen { family { members { citizen { family { head { nationalId } } } } } }`;
    expect(documentViolations(inFragments, LIMITS, "en")).toEqual([{ field: "query", rule: "MAX_DEPTH", message: "The query is 13 levels deep; at most 12 are allowed." }]);
  });

  it("never throws on random text, and leaves syntax errors to the parser's own report (fast-check)", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."{}()[]:.@$!=,\"' \n#abcF...on fragment query") }), (text) => {
        expect(() => documentViolations(text, LIMITS, "ar")).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });

  it("judges size in UTF-8 bytes before anything else", () => {
    const arabic = `{ __typename } # ${"ع".repeat(16 * 1024)}`; // 2 bytes each: over 32 KiB in under 17,000 characters
    expect(rules(arabic)).toEqual(["QUERY_TOO_LARGE"]);
  });
});
