import { AcceptedDocuments } from "../graphql/acceptedDocuments";
import type { DocumentLimits } from "../graphql/documentGuard";
import type { Violation } from "../errors";
import { screenOperations } from "../http/screenOperations";

const GENEROUS: DocumentLimits = { maxQueryBytes: 32 * 1024, maxTokens: 4000, maxFields: 500, maxFieldPairs: 1000, maxFragments: 100, maxDirectives: 50, maxDepth: 12 };
const screen = (limits: DocumentLimits, query: string) => screenOperations({ limits }, { query }, new URLSearchParams(), "POST", "en");
const rules = (limits: DocumentLimits, query: string) => ((screen(limits, query)?.error.extensions.violations ?? []) as Violation[]).map((v) => v.rule);

/** A document with `n` fields side by side. */
const fields = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `f${i}: __typename`).join(" ")} }`;

describe("query texts already screened", () => {
  it("are remembered up to a number of entries, the oldest forgotten first", () => {
    const accepted = new AcceptedDocuments(2, 1000);
    ["{ a }", "{ b }", "{ c }"].forEach((text) => accepted.add(text));
    expect(["{ a }", "{ b }", "{ c }"].map((text) => accepted.has(text))).toEqual([false, true, true]);
  });

  it("are remembered up to a number of characters, and a text longer than that never", () => {
    const accepted = new AcceptedDocuments(100, 10);
    accepted.add("{ aaaa }");
    accepted.add("{ bb }");
    expect([accepted.has("{ aaaa }"), accepted.has("{ bb }")]).toEqual([false, true]);
    accepted.add("{ much longer than ten }");
    expect([accepted.has("{ much longer than ten }"), accepted.has("{ bb }")]).toEqual([false, true]);
  });

  it("a text over the limits is refused every time it is sent, with all its violations", () => {
    const strict = { ...GENEROUS, maxFields: 3, maxFieldPairs: 1 };
    expect(rules(strict, fields(4))).toEqual(["MAX_FIELDS"]);
    expect(rules(strict, fields(4))).toEqual(["MAX_FIELDS"]);
  });

  it("a text accepted under one process's limits is still screened under stricter ones", () => {
    expect(screen(GENEROUS, fields(4))).toBeNull();
    expect(screen(GENEROUS, fields(4))).toBeNull();
    expect(rules({ ...GENEROUS, maxFields: 3 }, fields(4))).toEqual(["MAX_FIELDS"]);
  });
});
