import { DATABASE_KINDS } from "../../../test/support/database";
import { codes, statements, violationRules } from "../../../test/support/http";
import { startSubgraphHarness, type Client, type SubgraphHarness } from "../../../test/support/subgraph";
import { civilAffairs } from "../src/definition";
import { headsWithCards, signIn } from "./people";

const STATS = `query($from: DateTime, $to: DateTime) { applicationStats(from: $from, to: $to) {
  total byStatus { status count } byKind { kind count } submittedPerDay { day count } issuedPerDay { day count } medianHoursToIssue } }`;

/** A window in 2019, before any demo data: 1 to 3 March in Riyadh. */
const WINDOW = { from: "2019-03-01T00:00:00+03:00", to: "2019-03-04T00:00:00+03:00" };

describe.each(DATABASE_KINDS)("applicationStats (RULES.md, Dashboards) on %s", (kind) => {
  let ca: SubgraphHarness;
  let analyst: Client;
  beforeAll(async () => {
    ca = await startSubgraphHarness(civilAffairs, { kind, tokens: signIn });
    analyst = await ca.as({ nationalId: "1000000933", roles: ["ANALYST"] });
    const [applicant] = await headsWithCards(ca.db, 1);
    // Application A: created and first submitted one second before midnight in Riyadh (20:59:59 UTC),
    // sent back and submitted again the next day (not a new submission), issued on 3 March.
    // Application B: created and submitted at midnight in Riyadh (21:00 UTC on the 1st: the 2nd in Riyadh).
    // Application C: created in February, submitted inside the window, still under review.
    const rows: Array<[string, string, string | null, string, string]> = [
      ["a", "REPLACEMENT_LOST", null, "DRAFT", "2019-03-01T20:30:00Z"],
      ["a", "", "DRAFT", "SUBMITTED", "2019-03-01T20:59:59Z"],
      ["a", "", "SUBMITTED", "UNDER_REVIEW", "2019-03-02T06:00:00Z"],
      ["a", "", "UNDER_REVIEW", "NEEDS_CORRECTION", "2019-03-02T07:00:00Z"],
      ["a", "", "NEEDS_CORRECTION", "SUBMITTED", "2019-03-02T08:00:00Z"],
      ["a", "", "SUBMITTED", "UNDER_REVIEW", "2019-03-02T09:00:00Z"],
      ["a", "", "UNDER_REVIEW", "APPROVED", "2019-03-02T10:00:00Z"],
      ["a", "", "APPROVED", "ISSUED", "2019-03-03T20:59:59Z"],
      ["b", "MEMBERS_UPDATE", null, "DRAFT", "2019-03-01T21:00:00Z"],
      ["b", "", "DRAFT", "SUBMITTED", "2019-03-01T21:00:00Z"],
      ["b", "", "SUBMITTED", "CANCELLED", "2019-03-02T21:00:00Z"],
      ["c", "REPLACEMENT_DAMAGED", null, "DRAFT", "2019-02-27T10:00:00Z"],
      ["c", "", "DRAFT", "SUBMITTED", "2019-03-03T10:00:00Z"],
      ["c", "", "SUBMITTED", "UNDER_REVIEW", "2019-03-03T11:00:00Z"],
    ];
    const ids: Record<string, string> = { a: "00000000-0000-4000-8000-00000000000a", b: "00000000-0000-4000-8000-00000000000b", c: "00000000-0000-4000-8000-00000000000c" };
    const final: Record<string, string> = { a: "ISSUED", b: "CANCELLED", c: "UNDER_REVIEW" };
    for (const [key, kindOf, , , at] of rows.filter((row) => row[1] !== "")) {
      await ca.db.query(
        `INSERT INTO card_application (id, kind, status, version, applicant_id, spouse_ids, child_ids, fee_halalas, created_at)
         VALUES ($1, $2, $3, 1, $4, '{}', '{}', 0, $5)`,
        [ids[key], kindOf, final[key], applicant, at],
      );
    }
    for (const [key, , from, to, at] of rows) {
      await ca.db.query(`INSERT INTO application_history (application_id, "from", "to", at, by) VALUES ($1, $2, $3, $4, $5)`, [ids[key], from, to, at, applicant]);
    }
  });
  afterAll(() => ca?.stop());

  const count = (rows: Array<{ count: number }>, pick: (row: any) => boolean) => rows.filter(pick).reduce((sum, row) => sum + row.count, 0);

  it("counts per Riyadh calendar day, every day listed, zero included, oldest first", async () => {
    const response = await analyst(STATS, WINDOW);
    expect(response.errors).toBeUndefined();
    const stats = response.data.applicationStats;
    // A's first submission at 23:59:59 on the 1st; B's at 00:00 on the 2nd; C's on the 3rd. A's resubmission is not a new one.
    expect(stats.submittedPerDay).toEqual([
      { day: "2019-03-01", count: 1 },
      { day: "2019-03-02", count: 1 },
      { day: "2019-03-03", count: 1 },
    ]);
    expect(stats.issuedPerDay).toEqual([
      { day: "2019-03-01", count: 0 },
      { day: "2019-03-02", count: 0 },
      { day: "2019-03-03", count: 1 },
    ]);
    expect(stats.medianHoursToIssue).toBe(48);
  });

  it("counts the applications created in the window by status and kind, with the same total", async () => {
    const stats = (await analyst(STATS, WINDOW)).data.applicationStats;
    expect(stats.total).toBe(2); // C was created before the window
    expect(count(stats.byStatus, (row) => row.status === "ISSUED")).toBe(1);
    expect(count(stats.byStatus, (row) => row.status === "CANCELLED")).toBe(1);
    expect(count(stats.byKind, (row) => row.kind === "REPLACEMENT_LOST")).toBe(1);
    expect(count(stats.byKind, (row) => row.kind === "MEMBERS_UPDATE")).toBe(1);
    expect(stats.byStatus).toHaveLength(8);
    expect(stats.byKind).toHaveLength(4);
    expect(count(stats.byKind, () => true)).toBe(stats.total);
  });

  it("ends a window that has no `to` now, and starts it 30 days before its end", async () => {
    const stats = (await analyst(STATS, {})).data.applicationStats;
    expect([31, 32]).toContain(stats.submittedPerDay.length);
    const shortened = (await analyst(STATS, { to: WINDOW.to })).data.applicationStats;
    expect(shortened.submittedPerDay[0].day).toBe("2019-02-02");
    expect(shortened.submittedPerDay).toHaveLength(30);
  });

  it("refuses a window over 366 days or one that starts after it ends, naming from", async () => {
    expect(violationRules(await analyst(STATS, { from: "2018-03-02T23:59:59+03:00", to: WINDOW.to }))).toEqual(["WINDOW_TOO_LONG"]);
    const reversed = await analyst(STATS, { from: WINDOW.to, to: WINDOW.from });
    expect(codes(reversed)).toEqual(["BAD_USER_INPUT"]);
    expect(reversed.errors![0]!.extensions!.violations).toEqual([expect.objectContaining({ field: "from", rule: "AFTER_TO" })]);
  });

  it("carries no personal data", async () => {
    const response = await analyst(STATS, { from: new Date(Date.now() - 90 * 86_400_000).toISOString() });
    expect(response.errors).toBeUndefined();
    expect(JSON.stringify(response.data)).not.toMatch(/\d{10}|FC\d|[\u0600-\u06FF]/); // no IDs, register or card numbers, names
  });
});

describe("applicationStats' statements", () => {
  /** The statements of a 366-day window over the demo data with `families` synthetic families. */
  async function statementsWith(families: number): Promise<number> {
    const ca = await startSubgraphHarness(civilAffairs, { kind: "embedded", env: { DEMO_FAMILIES: String(families) }, tokens: signIn });
    try {
      const analyst = await ca.as({ nationalId: "1000000933", roles: ["ANALYST"] });
      const response = await analyst(STATS, { from: new Date(Date.now() - 365 * 86_400_000).toISOString() });
      expect(response.errors).toBeUndefined();
      expect(response.data.applicationStats.total).toBeGreaterThan(families / 10);
      return statements(response);
    } finally {
      await ca.stop();
    }
  }

  it("are as many for 1,000 families as for 100: one grouped statement per figure", async () => {
    const at100 = await statementsWith(100);
    expect(at100).toBe(3);
    expect(await statementsWith(1_000)).toBe(at100);
  });
});
