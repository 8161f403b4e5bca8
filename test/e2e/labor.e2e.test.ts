import fs from "node:fs";
import path from "node:path";
// Dependencies of @apollo/gateway (same pinned versions): they plan an operation exactly as the gateway does.
import { operationFromDocument } from "@apollo/federation-internals";
import { prettyFormatQueryPlan, QueryPlanner } from "@apollo/query-planner";
import { parse } from "graphql";
import { buildSupergraph } from "../../kernel/graphql/authorizationSupergraph";
import { codes, graphql, PURPOSE } from "../support/http";
import { startInProcessPlatform, type InProcessPlatform } from "../support/inProcessPlatform";

const MY_ELIGIBILITY = `{
  me {
    family {
      eligibility { program { code } eligible monthlyAmount { halalas } reasons }
      householdIncome { halalas }
    }
  }
}`;

const REVIEW = `query($registerNumbers: [ID!]!) {
  familiesForReview(registerNumbers: $registerNumbers) { registerNumber householdIncome { halalas } eligibility { program { code } eligible } }
}`;
const aliases = (count: number) =>
  `{ ${Array.from({ length: count }, (_, i) => `f${i}: family(registerNumber: "${synthetic(i)}") { eligibility { eligible } }`).join(" ")} }`;

/** The subgraphs the gateway fetches from for an operation, in plan order (from the composed supergraph). */
function fetchesOf(operation: string): string[] {
  const supergraph = buildSupergraph(fs.readFileSync(path.resolve(__dirname, "../../schema/supergraph.graphql"), "utf8"));
  const plan = new QueryPlanner(supergraph).buildQueryPlan(operationFromDocument(supergraph.schema, parse(operation)));
  return [...prettyFormatQueryPlan(plan).matchAll(/Fetch\(service: "([^"]+)"/g)].map((match) => match[1]!);
}

const eligibleCodes = (family: any) => family.eligibility.filter((d: any) => d.eligible).map((d: any) => d.program.code);
const synthetic = (i: number) => `31${String(i).padStart(8, "0")}`;

describe("social support eligibility through the gateway", () => {
  let platform: InProcessPlatform;
  beforeAll(async () => {
    platform = await startInProcessPlatform();
  });
  afterAll(() => platform?.stop());

  it("decides Fahad's household (25,000 SAR a month) eligible for nothing", async () => {
    const token = await platform.login("1000000016");
    const response = await graphql(platform.gatewayUrl, MY_ELIGIBILITY, {}, { token });
    expect(response.errors).toBeUndefined();
    const family = response.data.me.family;
    expect(family.householdIncome).toEqual({ halalas: 2_500_000 });
    expect(family.eligibility).toHaveLength(5);
    expect(eligibleCodes(family)).toEqual([]);
    expect(family.eligibility[0].reasons[0]).toMatch(/^household income 25,000 SAR is above the .* SAR threshold for 4 members/);
  });

  it("decides Abdullah's household (4,000 SAR, 6 members) eligible for the Citizen Account and food support, reasons in Arabic", async () => {
    const token = await platform.login("1000000099");
    const response = await graphql(platform.gatewayUrl, MY_ELIGIBILITY, {}, { token, lang: "ar" });
    expect(response.errors).toBeUndefined();
    const family = response.data.me.family;
    expect(family.householdIncome).toEqual({ halalas: 400_000 });
    expect(eligibleCodes(family)).toEqual(expect.arrayContaining(["CITIZEN_ACCOUNT", "FOOD_SUPPORT"]));
    const citizenAccount = family.eligibility.find((d: any) => d.program.code === "CITIZEN_ACCOUNT");
    expect(citizenAccount.monthlyAmount.halalas).toBeGreaterThan(0);
    expect(citizenAccount.reasons).toContain("رب الأسرة مواطن سعودي");
  });

  it("answers a labor officer 50 families in one request, in as many subgraph fetches as for 5", async () => {
    const token = await platform.login("1000000917");
    const registerNumbers = Array.from({ length: 50 }, (_, i) => synthetic(i));
    const response = await graphql(platform.gatewayUrl, REVIEW, { registerNumbers }, { token, headers: PURPOSE });
    expect(response.errors).toBeUndefined();
    const families = response.data.familiesForReview as any[];
    expect(families.map((f) => f.registerNumber)).toEqual(registerNumbers);
    expect(families.every((f) => f.eligibility.length === 5 && f.householdIncome.halalas >= 200_000)).toBe(true);
    // The gateway's plan: labor's list, one _entities fetch to civil-affairs, one back to labor.
    expect(fetchesOf(REVIEW)).toEqual(["labor", "civil-affairs", "labor"]);
    // Root aliases, by contrast, are planned as one labor fetch per family.
    expect(fetchesOf(aliases(5)).length).toBe(6);
  });

  it("lets the head enroll, a labor officer approve, and an analyst count it", async () => {
    const analyst = await platform.login("1000000933");
    const food = async () => {
      const stats = await graphql(platform.gatewayUrl, `{ programStats { program { code } eligibleFamilies enrolledFamilies pendingEnrollments monthlyTotal { halalas } } }`, {}, { token: analyst });
      return stats.data.programStats.find((s: any) => s.program.code === "FOOD_SUPPORT");
    };
    const before = await food();
    const head = await platform.login("1000000099");
    const enrolled = await graphql(
      platform.gatewayUrl,
      `mutation { enrollInProgram(registerNumber: "3000000002", program: FOOD_SUPPORT) { id status program { code } family { registerNumber memberCount } } }`,
      {},
      { token: head },
    );
    expect(enrolled.errors).toBeUndefined();
    expect(enrolled.data.enrollInProgram).toMatchObject({ status: "PENDING", program: { code: "FOOD_SUPPORT" }, family: { registerNumber: "3000000002", memberCount: 6 } });

    const refused = await graphql(platform.gatewayUrl, `mutation { enrollInProgram(registerNumber: "3000000001", program: CITIZEN_ACCOUNT) { id } }`, {}, { token: await platform.login("1000000016") });
    expect(codes(refused)).toEqual(["BAD_USER_INPUT"]);
    expect(refused.errors![0]!.extensions!.violations[0].rule).toBe("NOT_ELIGIBLE");

    const officer = await platform.login("1000000917");
    const decided = await graphql(platform.gatewayUrl, `mutation($id: ID!) { decideEnrollment(id: $id, approve: true) { status } }`, { id: enrolled.data.enrollInProgram.id }, { token: officer, headers: PURPOSE });
    expect(decided.data.decideEnrollment.status).toBe("APPROVED");

    const mine = await graphql(platform.gatewayUrl, `{ me { family { enrollments { status program { code } } } } }`, {}, { token: head });
    expect(mine.data.me.family.enrollments).toEqual([{ status: "APPROVED", program: { code: "FOOD_SUPPORT" } }]);

    const after = await food();
    expect(after.enrolledFamilies).toBe(before.enrolledFamilies + 1);
    expect(after.pendingEnrollments).toBe(before.pendingEnrollments);
    expect(after.monthlyTotal.halalas).toBeGreaterThan(before.monthlyTotal.halalas);
    expect(after.eligibleFamilies).toBeGreaterThanOrEqual(1);
  });

  it("keeps a labor officer from his son's family in a register of its own: no wage, no decision; another officer decides", async () => {
    const [FAHAD, SON] = ["1000000016", "1000000032"];
    // The adult son heads a family of his own: his NEW_CARD, issued.
    const son = await platform.login(SON);
    const as = (token: string, query: string, variables: Record<string, unknown> = {}) => graphql(platform.gatewayUrl, query, variables, { token, headers: PURPOSE });
    const id = (await as(son, `mutation { createCardApplication(input: { kind: NEW_CARD, deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "RUH-01" }) { id } }`)).data.createCardApplication.id;
    await as(son, `mutation($id: ID!) { submitCardApplication(id: $id) { status } }`, { id });
    const reviewer = await platform.login("1000000909");
    for (const move of ["startReview(id: $id) { status }", "approveCardApplication(id: $id) { status }", "issueFamilyCard(applicationId: $id) { cardNumber }"]) {
      expect((await as(reviewer, `mutation($id: ID!) { ${move} }`, { id })).errors).toBeUndefined();
    }
    const register = (await as(son, `{ me { family { registerNumber } } }`)).data.me.family.registerNumber as string;
    // His father, a labor officer: not his family's member any more, but his child is.
    await platform.subgraphs["civil-affairs"].db.query(`UPDATE account SET roles = '{CITIZEN,LABOR_OFFICER}' WHERE national_id = $1`, [FAHAD]);
    const father = await platform.login(FAHAD);
    const wage = await as(father, `mutation($w: RecordWageInput!) { recordWage(input: $w) { nationalId } }`, { w: { nationalId: SON, monthlyHalalas: 0, employer: "لا يوجد", effectiveFrom: "2026-01-01" } });
    expect(wage.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", reason: "FOUR_EYES" });

    const officer = await platform.login("1000000917");
    let enrollment: { id: string } | undefined;
    for (const started = Date.now(); !enrollment && Date.now() - started < 10_000; await new Promise((resolve) => setTimeout(resolve, 200))) {
      enrollment = (await as(father, `mutation($r: ID!) { enrollInProgram(registerNumber: $r, program: CITIZEN_ACCOUNT) { id } }`, { r: register })).data?.enrollInProgram;
    }
    const own = await as(father, `mutation($id: ID!) { decideEnrollment(id: $id, approve: true) { status } }`, { id: enrollment!.id });
    expect(own.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", reason: "FOUR_EYES" });
    const decided = await as(officer, `mutation($id: ID!) { decideEnrollment(id: $id, approve: false) { status } }`, { id: enrollment!.id });
    expect(decided.data.decideEnrollment.status).toBe("REJECTED");
    await platform.subgraphs["civil-affairs"].db.query(`UPDATE account SET roles = '{CITIZEN}' WHERE national_id = $1`, [FAHAD]);
  });

  it("records no wage for a national ID that names nobody, nor from before the person's birth", async () => {
    const officer = await platform.login("1000000917");
    const record = (w: Record<string, unknown>) =>
      graphql(platform.gatewayUrl, `mutation($w: RecordWageInput!) { recordWage(input: $w) { nationalId } }`, { w: { monthlyHalalas: 100_000, employer: "شركة", effectiveFrom: "2026-01-01", ...w } }, { token: officer, headers: PURPOSE });
    const violations = (response: Awaited<ReturnType<typeof record>>) => response.errors?.[0]?.extensions?.violations.map((v: { field: string; rule: string }) => `${v.field}:${v.rule}`);
    // 1000001006: a valid national ID that the civil registry does not hold.
    expect(violations(await record({ nationalId: "1000001006" }))).toEqual(["input.nationalId:PERSON_NOT_FOUND"]);
    expect(violations(await record({ nationalId: "1000000107", effectiveFrom: "0001-01-01" }))).toEqual(["input.effectiveFrom:BEFORE_BIRTH"]);
    // With the input's own problems, in the same error: not one round for those and another for the register's.
    expect(violations(await record({ nationalId: "1000000107", effectiveFrom: "0001-01-01", monthlyHalalas: -5, employer: " " }))).toEqual(["input.monthlyHalalas:AMOUNT_RANGE", "input.employer:REQUIRED", "input.effectiveFrom:BEFORE_BIRTH"]);
    expect(violations(await record({ nationalId: "1000001006", employer: "" }))).toEqual(["input.employer:REQUIRED", "input.nationalId:PERSON_NOT_FOUND"]);
    const wages = await platform.subgraphs.labor.db.query(`SELECT count(*)::int AS n FROM wage_record WHERE national_id = '1000001006' OR effective_from < '1900-01-01'`);
    expect(wages).toEqual([{ n: 0 }]);
  });

  it("answers a query at the depth limit whose plan asks civil-affairs deeper, for labor's @requires", async () => {
    // 12 levels at the gateway; householdIncome requires the family's members { relation citizen { … } } of civil-affairs, 13 there.
    const query = `{ me { family { head { family { head { family { head { family { head { family { householdIncome { formatted } } } } } } } } } } } }`;
    const response = await graphql(platform.gatewayUrl, query, {}, { token: await platform.login("1000000016") });
    expect(response.errors).toBeUndefined();
    expect(response.data.me.family.head.family.head.family.head.family.head.family.householdIncome.formatted).toEqual(expect.any(String));
  });

  it("lists the programs to anyone", async () => {
    const response = await graphql(platform.gatewayUrl, `{ benefitPrograms { code rulesVersion } }`);
    expect(response.data.benefitPrograms).toHaveLength(5);
  });
});
