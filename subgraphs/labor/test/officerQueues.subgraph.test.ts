import { DATA_ACCESS_PER_OWNER } from "../../../test/support/dataAccessRows";
import type { ExecutionResult } from "graphql";
import { countStatements } from "../../../kernel/database/statementCounter";
import { DATABASE_KINDS } from "../../../test/support/database";
import { codes, violationRules, type GraphQLResponse } from "../../../test/support/http";
import { startSubgraphHarness, type Caller, type SubgraphHarness } from "../../../test/support/subgraph";
import { labor as laborDefinition } from "../src/definition";
import { DEFAULT_PAGE } from "../../../kernel/graphql/listSizes";
import { DEFAULT_SYNTHETIC_FAMILIES } from "../../../seed/demoCast";
import { ABDULLAH, FAHAD, LABOR_OFFICER, representationOf, syntheticRegisters } from "./demoFamilies";
import { resolversOverDemoRegister } from "./demoRegister";

const PENDING = `query Pending($first: Int, $after: String) {
  pendingEnrollments(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id status appliedAt program { code } family { registerNumber } } }
  }
}`;
const FAMILIES = `query ToReview($first: Int, $after: String) {
  familiesToReview(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { registerNumber } }
  }
}`;
const WAGES = `query Wages($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Family { registerNumber householdIncome { halalas } wages { nationalId monthlyAmount { halalas formatted } employer effectiveFrom source } }
  }
}`;

const officer: Caller = { nationalId: LABOR_OFFICER, roles: ["CITIZEN", "LABOR_OFFICER"] };
const OTHERS: Caller[] = [
  { nationalId: FAHAD.id },
  { nationalId: "1000000933", roles: ["CITIZEN", "ANALYST"] },
  { nationalId: "1000000909", roles: ["CITIZEN", "CIVIL_AFFAIRS_OFFICER"] },
  { nationalId: "1000000925", roles: ["CITIZEN", "POST_OPERATOR"] },
];
const errorCodes = (result: ExecutionResult) => (result.errors ?? []).map((error) => error.extensions?.code);
/** Riyadh noon of a day: pins ages, and so who counts as a minor child. */
const onDay = (day: string) => new Date(`${day}T09:00:00Z`);

/** Every page of a queue, following the cursors; `read` answers one page. */
async function walk(read: (after: string | null) => Promise<ExecutionResult<any> | GraphQLResponse>, field: string): Promise<{ nodes: any[]; pages: any[] }> {
  const pages = [];
  let after: string | null = null;
  for (;;) {
    const response = await read(after);
    expect(response.errors).toBeUndefined();
    const page = response.data![field];
    pages.push(page);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { nodes: pages.flatMap((page) => page.edges.map((edge: { node: unknown }) => edge.node)), pages };
}

describe.each(DATABASE_KINDS)("the labor officers' review queues (%s database)", (kind) => {
  let labor: SubgraphHarness;
  beforeAll(async () => {
    labor = await startSubgraphHarness(laborDefinition, { kind, resolvers: resolversOverDemoRegister() });
  });
  afterAll(() => labor?.stop());

  const accessesOf = async (requestId: string) =>
    (await labor.db.query(`SELECT owner_id, accessor_id, action, fields, purpose, operation_name FROM ${DATA_ACCESS_PER_OWNER} WHERE request_id = $1 ORDER BY owner_id`, [requestId])) as Array<{
      owner_id: string;
      accessor_id: string;
      action: string;
      fields: string[];
      purpose: string | null;
      operation_name: string | null;
    }>;
  const membersOf = async (registerNumbers: string[]) =>
    ((await labor.db.query(`SELECT national_id FROM register_member WHERE register_number IN (SELECT jsonb_array_elements_text($1::jsonb)) ORDER BY national_id`, [JSON.stringify(registerNumbers)])) as Array<{ national_id: string }>).map(
      (row) => row.national_id,
    );

  describe("pendingEnrollments", () => {
    const pendingInOrder = async () =>
      ((await labor.db.query(`SELECT id FROM benefit_enrollment WHERE status = 'PENDING' ORDER BY applied_at, id`)) as Array<{ id: string }>).map((row) => row.id);

    it("lists every family's PENDING enrollments, the first applied for first, and pages through them by cursor", async () => {
      const expected = await pendingInOrder();
      expect(expected.length).toBeGreaterThan(3); // the demo history's recent requests
      const { nodes, pages } = await walk((after) => labor.http(PENDING, { first: 3, after }, officer), "pendingEnrollments");
      expect(nodes.map((node) => node.id)).toEqual(expected);
      expect(nodes.every((node) => node.status === "PENDING")).toBe(true);
      expect(pages.every((page) => page.totalCount === expected.length)).toBe(true);
      expect(pages.at(-1).pageInfo.hasNextPage).toBe(false);
      const applied = nodes.map((node) => Date.parse(node.appliedAt));
      expect(applied).toEqual([...applied].sort((a, b) => a - b));
      expect(nodes[0]).toMatchObject({ program: { code: expect.any(String) }, family: { registerNumber: expect.stringMatching(/^\d{10}$/) } });
      // The default page is 20.
      expect((await labor.http(PENDING, {}, officer)).data.pendingEnrollments.edges).toHaveLength(Math.min(20, expected.length));
    });

    it("keeps the database's microseconds in its cursors: rows within one millisecond are each listed once", async () => {
      const registers: Array<{ register_number: string }> = await labor.db.query(
        `SELECT register_number FROM register_family WHERE register_number NOT IN
           (SELECT register_number FROM benefit_enrollment WHERE program = 'LUMP_SUM_AID' AND status IN ('PENDING', 'APPROVED'))
         ORDER BY register_number LIMIT 3`,
      );
      const ids: string[] = [];
      for (const [i, { register_number }] of registers.entries()) {
        const [row] = await labor.db.query(
          `INSERT INTO benefit_enrollment (register_number, program, status, applied_by, applied_at, rules_version, evidence)
           VALUES ($1, 'LUMP_SUM_AID', 'PENDING', $2, $3, '2026-1', '{}') RETURNING id`,
          [register_number, LABOR_OFFICER, `2020-01-01T00:00:00.000${3 - i}00Z`],
        );
        ids.push(row.id);
      }
      // Within one millisecond, latest first in the table: the queue puts the earliest first.
      const { nodes } = await walk((after) => labor.run(PENDING, { first: 1, after }, officer), "pendingEnrollments");
      expect(nodes.slice(0, 3).map((node) => node.id)).toEqual([...ids].reverse());
      expect(nodes.map((node) => node.id)).toEqual(await pendingInOrder());
    });

    it("moves an enrollment out of the queue once decided, and counts a new request at its end", async () => {
      const [first] = await pendingInOrder();
      const before = (await labor.run(PENDING, { first: 1 }, officer)).data!.pendingEnrollments.totalCount;
      // Another officer than the one who applied for it (four-eyes).
      const another: Caller = { nationalId: "1000000941", roles: ["CITIZEN", "LABOR_OFFICER"] };
      expect(errorCodes(await labor.run(`mutation($id: ID!) { decideEnrollment(id: $id, approve: false) { status } }`, { id: first }, another))).toEqual([]);
      const enrolled = await labor.run(`mutation { enrollInProgram(registerNumber: "${ABDULLAH.register}", program: CITIZEN_ACCOUNT) { id } }`, {}, { nationalId: ABDULLAH.id });
      expect(enrolled.errors).toBeUndefined();
      const after = (await labor.run(PENDING, { first: 100 }, officer)).data!.pendingEnrollments;
      expect(after.totalCount).toBe(before);
      expect(after.edges.map((edge: any) => edge.node.id)).not.toContain(first);
      expect(after.edges.at(-1).node).toMatchObject({ id: enrolled.data!.enrollInProgram.id, family: { registerNumber: ABDULLAH.register } });
    });

    it("refuses `first` out of 1..100 and a cursor it did not give out, every problem at once, in Arabic too", async () => {
      for (const first of [0, 101]) expect(violationRules(await labor.http(PENDING, { first }, officer))).toEqual(["OUT_OF_RANGE"]);
      const notAnId = Buffer.from("2026-01-01T10:00:00.000000Z|1; SELECT 1").toString("base64url");
      for (const after of ["nonsense", notAnId]) expect(violationRules(await labor.http(PENDING, { after }, officer))).toEqual(["BAD_CURSOR"]);
      const both = await labor.http(PENDING, { first: -5, after: "x" }, { ...officer, lang: "ar" });
      expect(both.errors![0]!.extensions!.violations).toEqual([
        { field: "first", rule: "OUT_OF_RANGE", message: "يجب أن تكون قيمة first بين ١ و١٠٠." },
        { field: "after", rule: "BAD_CURSOR", message: "المؤشر ليس من مؤشرات هذه القائمة." },
      ]);
    });

    it("is for labor officers only: FORBIDDEN to citizens, analysts and other officers, UNAUTHENTICATED without a token", async () => {
      for (const caller of OTHERS) expect(codes(await labor.http(PENDING, {}, caller))).toEqual(["FORBIDDEN"]);
      expect(codes(await labor.http(PENDING, {}))).toEqual(["UNAUTHENTICATED"]);
    });

    it("records the read of each enrollment for the members of its family, as labor's copy of the register lists them", async () => {
      const client = await labor.as({ ...officer, purpose: "Pending requests round" });
      const response = await client(PENDING, { first: 5 }, { "x-request-id": "req-pending-queue" });
      expect(response.errors).toBeUndefined();
      const registers = response.data.pendingEnrollments.edges.map((edge: any) => edge.node.family.registerNumber);
      const rows = await accessesOf("req-pending-queue");
      expect(rows.map((row) => row.owner_id)).toEqual(await membersOf(registers));
      // The same fields of every member: one record lists them all, not one row each.
      expect(await labor.db.query(`SELECT count(*)::int AS records FROM data_access WHERE request_id = 'req-pending-queue'`)).toEqual([{ records: 1 }]);
      for (const row of rows) {
        expect(row).toMatchObject({ accessor_id: LABOR_OFFICER, action: "READ", purpose: "Pending requests round", operation_name: "Pending" });
        expect([...row.fields].sort()).toEqual(["BenefitEnrollment.appliedAt", "BenefitEnrollment.family", "BenefitEnrollment.id", "BenefitEnrollment.program", "BenefitEnrollment.status"]);
      }
    });

    it("answers a page of 2 or of 100 with the same statements", async () => {
      await labor.run(PENDING, { first: 1 }, officer); // reads the programs into the process's copy
      const few = await countStatements(() => labor.run(PENDING, { first: 2 }, officer));
      const many = await countStatements(() => labor.run(PENDING, { first: 100 }, officer));
      expect(many.result.data!.pendingEnrollments.edges.length).toBeGreaterThan(few.result.data!.pendingEnrollments.edges.length);
      // The page with each family's members (for the audit), and the count.
      expect(few.statements).toBe(2);
      expect(many.statements).toBe(few.statements);
      const http = await labor.http(PENDING, { first: 100 }, officer);
      expect(Number(http.headers.get("x-sql-statements"))).toBe(few.statements + 1); // and the audit's write
    });
  });

  describe("familiesToReview", () => {
    const inOrder = async () =>
      ((await labor.db.query(
        `SELECT register_number FROM register_family f WHERE EXISTS (SELECT 1 FROM register_member m WHERE m.register_number = f.register_number AND m.relation = 'HEAD') ORDER BY 1`,
      )) as Array<{ register_number: string }>).map((row) => row.register_number);

    it("lists the families of labor's copy of the register by register number, page by page", async () => {
      const expected = await inOrder();
      expect(expected.length).toBeGreaterThanOrEqual(60);
      expect(expected).toEqual(expect.arrayContaining([FAHAD.register, ABDULLAH.register, ...syntheticRegisters(60)]));
      const { nodes, pages } = await walk((after) => labor.http(FAMILIES, { first: 25, after }, officer), "familiesToReview");
      expect(nodes.map((node) => node.registerNumber)).toEqual(expected);
      expect(pages.map((page) => page.edges.length)).toEqual([25, 25, expected.length - 50]);
      expect(pages.every((page) => page.totalCount === expected.length)).toBe(true);
    });

    it("hands over nodes whose labor fields resolve as any family's (eligibility, income, wages)", async () => {
      const page = (await labor.http(FAMILIES, { first: 3 }, officer)).data.familiesToReview;
      const representations = page.edges.map((edge: any) => representationOf(edge.node.registerNumber));
      const response = await labor.http(
        `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Family { registerNumber householdIncome { halalas } eligibility { eligible } wages { nationalId } } } }`,
        { representations },
        officer,
      );
      expect(response.errors).toBeUndefined();
      expect(response.data._entities.map((family: any) => family.registerNumber)).toEqual(page.edges.map((edge: any) => edge.node.registerNumber));
      expect(response.data._entities.every((family: any) => family.eligibility.length === 5 && family.wages.length > 0)).toBe(true);
    });

    it("refuses `first` out of 1..100 and a cursor that is not a register number", async () => {
      expect(violationRules(await labor.http(FAMILIES, { first: 1000 }, officer))).toEqual(["OUT_OF_RANGE"]);
      expect(violationRules(await labor.http(FAMILIES, { after: Buffer.from("30000'--").toString("base64url") }, officer))).toEqual(["BAD_CURSOR"]);
    });

    it("is for labor officers only: FORBIDDEN to citizens, analysts and other officers, UNAUTHENTICATED without a token", async () => {
      for (const caller of OTHERS) expect(codes(await labor.http(FAMILIES, {}, caller))).toEqual(["FORBIDDEN"]);
      expect(codes(await labor.http(FAMILIES, {}))).toEqual(["UNAUTHENTICATED"]);
    });

    it("records the listing for the members of each family listed", async () => {
      const client = await labor.as(officer);
      const response = await client(FAMILIES, { first: 4 }, { "x-request-id": "req-families-queue" });
      const registers = response.data.familiesToReview.edges.map((edge: any) => edge.node.registerNumber);
      const rows = await accessesOf("req-families-queue");
      expect(rows.map((row) => row.owner_id)).toEqual((await membersOf(registers)).filter((id) => id !== LABOR_OFFICER));
      for (const row of rows) expect(row).toMatchObject({ accessor_id: LABOR_OFFICER, action: "READ", fields: ["Family.registerNumber"], operation_name: "ToReview" });
    });

    it("answers a page of 5 or of 100 with the same statements", async () => {
      const few = await countStatements(() => labor.run(FAMILIES, { first: 5 }, officer));
      const many = await countStatements(() => labor.run(FAMILIES, { first: 100 }, officer));
      expect(many.result.data!.familiesToReview.edges.length).toBeGreaterThan(50);
      // The page with each family's members (for the audit), and the count.
      expect(few.statements).toBe(2);
      expect(many.statements).toBe(few.statements);
    });
  });

  describe("Family.wages", () => {
    const wagesOf = (caller: Caller, registers: string[] = [ABDULLAH.register]) => labor.run(WAGES, { representations: registers.map(representationOf) }, caller);

    it("lists each member's current wage, 0 for a member without one, summing to the household income", async () => {
      const response = await labor.http(WAGES, { representations: [representationOf(ABDULLAH.register)] }, officer);
      expect(response.errors).toBeUndefined();
      const [family] = response.data._entities;
      const members = representationOf(ABDULLAH.register).members.map((member) => member.citizen.nationalId);
      expect(family.wages.map((wage: any) => wage.nationalId)).toEqual(members);
      const head = family.wages.find((wage: any) => wage.nationalId === ABDULLAH.id);
      expect(head).toEqual({ nationalId: ABDULLAH.id, monthlyAmount: { halalas: 400_000, formatted: "SAR 4,000.00" }, employer: "أمانة محافظة جدة", effectiveFrom: "2025-01-01", source: "GOSI" });
      const wife = family.wages.find((wage: any) => wage.nationalId === "1000000107");
      expect(wife).toEqual({ nationalId: "1000000107", monthlyAmount: { halalas: 0, formatted: "SAR 0.00" }, employer: null, effectiveFrom: null, source: null });
      expect(family.wages.reduce((sum: number, wage: any) => sum + wage.monthlyAmount.halalas, 0)).toBe(family.householdIncome.halalas);
    });

    it("follows householdIncome's access: labor officers and the family's adults; not a minor child, another family, an analyst or another officer", async () => {
      const pinned = onDay("2026-11-25");
      expect((await wagesOf({ ...officer, now: pinned })).errors).toBeUndefined();
      expect((await wagesOf({ nationalId: "1000000107", now: pinned })).errors).toBeUndefined(); // Abdullah's wife
      expect(errorCodes(await wagesOf({ nationalId: "1000000149", now: pinned }))).toContain("FORBIDDEN"); // his youngest, a child
      for (const caller of OTHERS) expect(errorCodes(await wagesOf({ ...caller, now: pinned }))).toContain("FORBIDDEN");
      const anonymous = await labor.http(WAGES, { representations: [representationOf(ABDULLAH.register)] });
      expect(codes(anonymous)).toContain("UNAUTHENTICATED");
      expect(anonymous.data?._entities ?? [null]).toEqual([null]);
    });

    it("records the read for every member but the reader", async () => {
      const wife = await labor.as({ nationalId: "1000000107" });
      const response = await wife(`query Wages($r: [_Any!]!) { _entities(representations: $r) { ... on Family { wages { monthlyAmount { halalas } } } } }`, { r: [representationOf(ABDULLAH.register)] }, { "x-request-id": "req-wages" });
      expect(response.errors).toBeUndefined();
      const rows = await accessesOf("req-wages");
      expect(rows.map((row) => row.owner_id)).toEqual((await membersOf([ABDULLAH.register])).filter((id) => id !== "1000000107"));
      for (const row of rows) expect(row).toMatchObject({ accessor_id: "1000000107", action: "READ", fields: ["Family.wages"], operation_name: null });
    });

    it("reads the wages of 5 or 50 families in one statement, shared with householdIncome", async () => {
      const few = await countStatements(() => wagesOf(officer, syntheticRegisters(5)));
      const many = await countStatements(() => wagesOf(officer, syntheticRegisters(50)));
      expect(many.result.errors).toBeUndefined();
      expect(many.result.data!._entities).toHaveLength(50);
      expect(few.statements).toBe(1);
      expect(many.statements).toBe(1);
    });
  });
});

describe("the demo's backlog, at npm start's size", () => {
  it("keeps fewer enrollments waiting than a page holds, so that the ones a demo makes (Abdullah's two programs) are on the queue's first page", async () => {
    const labor = await startSubgraphHarness(laborDefinition, { kind: "embedded", env: { DEMO_FAMILIES: String(DEFAULT_SYNTHETIC_FAMILIES) } });
    try {
      const page = await labor.http(PENDING, { first: DEFAULT_PAGE }, officer);
      expect(page.errors).toBeUndefined();
      expect(page.data.pendingEnrollments.totalCount).toBeGreaterThan(0);
      expect(page.data.pendingEnrollments.totalCount).toBeLessThanOrEqual(DEFAULT_PAGE - 2);
    } finally {
      await labor.stop();
    }
  });
});
