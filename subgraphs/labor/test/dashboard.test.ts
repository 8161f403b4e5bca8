import { demoCast } from "../../../seed/demoCast";
import type { CardIssuedEvent } from "../../../kernel/events/cardIssued";
import { withCheckDigit } from "../../../kernel/nationalId";
import { riyadhToday } from "../../../kernel/riyadhCalendar";
import { DATABASE_KINDS } from "../../../test/support/database";
import { statements } from "../../../test/support/http";
import { startSubgraphHarness, type SubgraphHarness } from "../../../test/support/subgraph";
import { resolversOverDemoRegister } from "./demoRegister";
import { evaluateFamily } from "../src/eligibility/evaluation";
import { householdFacts } from "../src/eligibility/household";
import { labor } from "../src/definition";
import { loadRuleSet } from "../src/rules/loadRuleSet";
import { SHIPPED_RULES_FILE } from "../src/settings";
import { compositionOf, LABOR_OFFICER } from "./demoFamilies";

const STATS = `{ programStats { program { code } eligibleFamilies enrolledFamilies pendingEnrollments monthlyTotal { halalas formatted } } }`;
const ANALYST = { nationalId: "1000000933", roles: ["CITIZEN" as const, "ANALYST" as const] };
const ruleSet = loadRuleSet(SHIPPED_RULES_FILE);

/**
 * What the rules in force make of the demo register (the test subgraphs load 60 synthetic families),
 * counted per program, on the day the subgraph refreshed its stored eligibility: its start, today.
 */
function expectedEligible(): Record<string, number> {
  const cast = demoCast(60);
  const now = new Date();
  const wageOf = new Map(cast.wages.map((w) => [w.nationalId, w.monthlyHalalas]));
  const counts: Record<string, number> = {};
  for (const family of cast.families) {
    const composition = compositionOf(family.registerNumber);
    const income = composition.members.reduce((sum, m) => sum + (wageOf.get(m.citizen.nationalId) ?? 0), 0);
    for (const decision of evaluateFamily(ruleSet, family.registerNumber, householdFacts(composition, income, riyadhToday()), now).decisions) {
      counts[decision.program] = (counts[decision.program] ?? 0) + (decision.eligible ? 1 : 0);
    }
  }
  return counts;
}

const HEAD = withCheckDigit("190000101");
const WIFE = withCheckDigit("190000102");
const kids = [3, 4, 5, 6].map((n) => withCheckDigit(`19000010${n}`));

/** A CardIssued event for a new, large, low-income register, with the composition labor needs. */
function registerEvent(overrides: Partial<CardIssuedEvent> = {}): CardIssuedEvent {
  return {
    type: "CardIssued",
    eventId: `evt-${Math.random().toString(36).slice(2)}`,
    occurredAt: new Date().toISOString(),
    cardNumber: "FC390000010102",
    registerNumber: "3900000101",
    version: 2,
    applicationId: "app",
    deliveryMethod: "OFFICE_PICKUP",
    officeId: "RUH-01",
    address: null,
    recipientName: "—",
    headNationalId: HEAD,
    memberIds: [HEAD, WIFE, ...kids],
    members: [
      { nationalId: HEAD, relation: "HEAD", birthDate: "1985-01-01", nationality: "SA" },
      { nationalId: WIFE, relation: "SPOUSE", birthDate: "1988-01-01", nationality: "SA" },
      ...kids.map((nationalId, i) => ({ nationalId, relation: "SON" as const, birthDate: `201${i}-05-05`, nationality: "SA" })),
    ],
    issuedAt: new Date().toISOString(),
    ...overrides,
  };
}

describe.each(DATABASE_KINDS)("programStats and labor's copy of the register (%s database)", (kind) => {
  let laborHarness: SubgraphHarness;
  const stats = async () => {
    const response = await laborHarness.http(STATS, {}, ANALYST);
    expect(response.errors).toBeUndefined();
    return Object.fromEntries(response.data.programStats.map((s: any) => [s.program.code, s]));
  };
  const membersOf = async (registerNumber: string) =>
    (await laborHarness.db.query(`SELECT national_id FROM register_member WHERE register_number = $1 ORDER BY 1`, [registerNumber])).map((r: any) => r.national_id);

  beforeAll(async () => {
    laborHarness = await startSubgraphHarness(labor, { kind, resolvers: resolversOverDemoRegister() });
  });
  afterAll(() => laborHarness?.stop());

  it("counts the families of the register that the rules in force make eligible now", async () => {
    const expected = expectedEligible();
    const byCode = await stats();
    for (const [program, count] of Object.entries(expected)) expect([program, byCode[program].eligibleFamilies]).toEqual([program, count]);
    expect(expected.CITIZEN_ACCOUNT).toBeGreaterThan(0);
  });

  it("takes a register's composition from civil-affairs' CardIssued event and counts its eligibility at once", async () => {
    const before = await stats();
    const answer = await laborHarness.publish(registerEvent());
    expect(answer).toEqual({ status: 200, body: { outcome: "applied" } });
    expect(await membersOf("3900000101")).toEqual([HEAD, WIFE, ...kids].sort());
    const after = await stats();
    expect(after.CITIZEN_ACCOUNT.eligibleFamilies).toBe(before.CITIZEN_ACCOUNT.eligibleFamilies + 1);
  });

  it("keeps the newer card's composition when an older event arrives late, and moves a person between registers", async () => {
    const older = await laborHarness.publish(registerEvent({ version: 1, members: [{ nationalId: HEAD, relation: "HEAD", birthDate: "1985-01-01", nationality: "SA" }] }));
    expect(older.body.outcome).toBe("stale");
    expect(await membersOf("3900000101")).toHaveLength(6);
    // The eldest son now heads his own register: he leaves his father's.
    await laborHarness.publish(registerEvent({ registerNumber: "3900000102", version: 1, members: [{ nationalId: kids[0]!, relation: "HEAD", birthDate: "2010-05-05", nationality: "SA" }] }));
    expect(await membersOf("3900000101")).not.toContain(kids[0]);
    expect(await membersOf("3900000102")).toEqual([kids[0]]);
  });

  it("recomputes the family a person leaves, as well as the one he joins", async () => {
    const eligibility = async (registerNumber: string) =>
      (await laborHarness.db.query(`SELECT program, eligible, computed_at FROM family_eligibility WHERE register_number = $1 ORDER BY program`, [registerNumber])) as Array<{ computed_at: Date }>;
    const before = await eligibility("3900000101");
    await laborHarness.publish(registerEvent({ registerNumber: "3900000104", version: 1, members: [{ nationalId: kids[1]!, relation: "HEAD", birthDate: "2011-05-05", nationality: "SA" }] }));
    const after = await eligibility("3900000101");
    expect(after.length).toBe(before.length);
    after.forEach((row, i) => expect(new Date(row.computed_at).getTime()).toBeGreaterThan(new Date(before[i]!.computed_at).getTime()));
  });

  it("keeps a person in the register of the newer card when another register's older card arrives after it", async () => {
    const moved = kids[2]!;
    // His father's members update is issued, then a card of his own as head; the outbox retries the first and delivers it last.
    const fathersCard = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await laborHarness.publish(registerEvent({ registerNumber: "3900000105", version: 1, issuedAt: new Date().toISOString(), members: [{ nationalId: moved, relation: "HEAD", birthDate: "2012-05-05", nationality: "SA" }] }));
    expect(await membersOf("3900000105")).toEqual([moved]);
    const late = await laborHarness.publish(registerEvent({ version: 3, issuedAt: fathersCard }));
    expect(late.body.outcome).toBe("applied");
    expect(await membersOf("3900000105")).toEqual([moved]);
    expect(await membersOf("3900000101")).not.toContain(moved);
    expect(await membersOf("3900000101")).toContain(HEAD);
  });

  it("recomputes a family when a labor officer records a wage", async () => {
    const before = await stats();
    // In this process, over the stand-in register (the person's civil-affairs facts: four-eyes, birth date).
    const recorded = await laborHarness.run(
      `mutation($input: RecordWageInput!) { recordWage(input: $input) { nationalId } }`,
      { input: { nationalId: HEAD, monthlyHalalas: 5_000_000, employer: "SABIC", effectiveFrom: "2020-01-01" } },
      { nationalId: LABOR_OFFICER, roles: ["CITIZEN", "LABOR_OFFICER"] },
    );
    expect(recorded.errors).toBeUndefined();
    expect((await stats()).CITIZEN_ACCOUNT.eligibleFamilies).toBe(before.CITIZEN_ACCOUNT.eligibleFamilies - 1);
  });

  it("acknowledges what it does not use and refuses a malformed or unsigned event, storing nothing", async () => {
    const { members: _members, ...olderPublisher } = registerEvent({ registerNumber: "3900000103" });
    expect((await laborHarness.publish(olderPublisher)).body.outcome).toBe("ignored");
    expect((await laborHarness.publish({ type: "SomethingElse" })).body.outcome).toBe("ignored");
    const malformed = await laborHarness.publish(registerEvent({ registerNumber: "3900000103", members: [{ nationalId: "123", relation: "UNCLE" as never, birthDate: "x", nationality: "sa" }] }));
    expect(malformed.status).toBe(400);
    expect(malformed.body.problems).toHaveLength(5);
    expect((await laborHarness.publish(registerEvent({ registerNumber: "3900000103" }), null)).status).toBe(401);
    expect((await laborHarness.publish(registerEvent({ registerNumber: "3900000103" }), "another-secret")).status).toBe(401);
    expect(await membersOf("3900000103")).toEqual([]);
  });

  it("sums the approved enrollments' monthly amounts, as money, and carries no personal data", async () => {
    const byCode = await stats();
    const [row]: any[] = await laborHarness.db.query(`SELECT coalesce(sum(monthly_halalas), 0) AS total FROM benefit_enrollment WHERE program = 'CITIZEN_ACCOUNT' AND status = 'APPROVED'`);
    expect(byCode.CITIZEN_ACCOUNT.monthlyTotal.halalas).toBe(Number(row.total));
    expect(byCode.CITIZEN_ACCOUNT.monthlyTotal.formatted).toMatch(/^SAR [\d,]+\.\d\d$/);
    expect(JSON.stringify(byCode)).not.toMatch(/\d{10}/);
  });
});

describe("programStats' statements", () => {
  async function statementsWith(families: number): Promise<number> {
    const subgraph = await startSubgraphHarness(labor, { kind: "embedded", env: { DEMO_FAMILIES: String(families) } });
    try {
      const response = await subgraph.http(STATS, {}, ANALYST);
      expect(response.errors).toBeUndefined();
      return statements(response);
    } finally {
      await subgraph.stop();
    }
  }

  it("are one for 1,000 families as for 100", async () => {
    expect(await statementsWith(100)).toBe(1);
    expect(await statementsWith(1_000)).toBe(1);
  });
});
