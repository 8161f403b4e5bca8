import type { ExecutionResult } from "graphql";
import { DATABASE_KINDS } from "../../../test/support/database";
import { codes } from "../../../test/support/http";
import { startSubgraphHarness, type Caller, type SubgraphHarness } from "../../../test/support/subgraph";
import { labor as laborDefinition } from "../src/definition";
import { ABDULLAH, FAHAD, LABOR_OFFICER, representationOf } from "./demoFamilies";
import { resolversOverDemoRegister } from "./demoRegister";

const ENROLL = `mutation($registerNumber: ID!, $program: BenefitProgramCode!) {
  enrollInProgram(registerNumber: $registerNumber, program: $program) { id status appliedAt decidedAt program { code } family { registerNumber } }
}`;
const DECIDE = `mutation($id: ID!, $approve: Boolean!) { decideEnrollment(id: $id, approve: $approve) { id status decidedAt } }`;
const ENROLLMENTS = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Family { enrollments { id status program { code } } } } }`;
const STATS = `{ programStats { program { code } eligibleFamilies enrolledFamilies pendingEnrollments monthlyTotal { halalas } } }`;

const officer: Caller = { nationalId: LABOR_OFFICER, roles: ["CITIZEN", "LABOR_OFFICER"] };
const abdullah: Caller = { nationalId: ABDULLAH.id };
const errorCodes = (result: ExecutionResult) => (result.errors ?? []).map((e) => e.extensions?.code);
const violationsOf = (result: ExecutionResult) => result.errors![0]!.extensions!.violations as Array<{ field: string; rule: string; message: string }>;

describe.each(DATABASE_KINDS)("labor enrollments (%s database)", (kind) => {
  let labor: SubgraphHarness;
  const enroll = (caller: Caller, program: string, registerNumber = ABDULLAH.register) => labor.run(ENROLL, { registerNumber, program }, caller);
  const decide = (caller: Caller, id: string, approve: boolean) => labor.run(DECIDE, { id, approve }, caller);
  const count = async (sql: string) => Number((await labor.db.query(sql))[0].n);
  const enrollmentRows = (program: string) => count(`SELECT count(*) AS n FROM benefit_enrollment WHERE program = '${program}' AND register_number = '${ABDULLAH.register}'`);

  beforeAll(async () => {
    labor = await startSubgraphHarness(laborDefinition, { kind, resolvers: resolversOverDemoRegister() });
  });
  afterAll(() => labor?.stop());

  it("lets the head apply when the family is eligible, keeping the decision as evidence", async () => {
    const result = await enroll(abdullah, "CITIZEN_ACCOUNT");
    expect(result.errors).toBeUndefined();
    expect(result.data!.enrollInProgram).toMatchObject({ status: "PENDING", decidedAt: null, program: { code: "CITIZEN_ACCOUNT" }, family: { registerNumber: ABDULLAH.register } });
    const [row]: any[] = await labor.db.query(`SELECT rules_version, evidence FROM benefit_enrollment WHERE id = $1`, [result.data!.enrollInProgram.id]);
    expect(row.rules_version).toBe("2026-1");
    expect(row.evidence).toMatchObject({ facts: { adults: 3, incomeHalalas: 400_000 }, monthlyHalalas: 208_800 });
    expect(row.evidence.inputsDigest).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses an ineligible family with NOT_ELIGIBLE and the reasons, writing no enrollment", async () => {
    const result = await enroll(abdullah, "LUMP_SUM_AID", ABDULLAH.register);
    expect(errorCodes(result)).toEqual(["BAD_USER_INPUT"]);
    expect(violationsOf(result)).toEqual([
      { field: "program", rule: "NOT_ELIGIBLE", message: "household income 4,000 SAR is above the 3,500 SAR threshold for 6 members (3 adults, 3 children)" },
    ]);
    const fahad = await enroll({ nationalId: FAHAD.id, lang: "ar" }, "CITIZEN_ACCOUNT", FAHAD.register);
    expect(violationsOf(fahad)[0]!.message).toMatch(/^دخل الأسرة .* يتجاوز الحد/);
    expect(await enrollmentRows("LUMP_SUM_AID")).toBe(0);
  });

  it("accepts one open enrollment per program per family (CONFLICT otherwise)", async () => {
    expect(errorCodes(await enroll(abdullah, "CITIZEN_ACCOUNT"))).toEqual(["CONFLICT"]);
    expect(errorCodes(await enroll(officer, "CITIZEN_ACCOUNT"))).toEqual(["CONFLICT"]);
    expect(await enrollmentRows("CITIZEN_ACCOUNT")).toBe(1);
    await expect(
      labor.db.query(
        `INSERT INTO benefit_enrollment (register_number, program, status, applied_by, rules_version, evidence) VALUES ($1, 'CITIZEN_ACCOUNT', 'PENDING', $2, '2026-1', '{}')`,
        [ABDULLAH.register, ABDULLAH.id],
      ),
    ).rejects.toThrow(/benefit_enrollment_one_open_idx/);
  });

  it("lets only the head or a labor officer apply", async () => {
    expect(errorCodes(await enroll({ nationalId: "1000000107" }, "FOOD_SUPPORT"))).toEqual(["FORBIDDEN"]); // the spouse
    expect(errorCodes(await enroll({ nationalId: FAHAD.id }, "FOOD_SUPPORT"))).toEqual(["FORBIDDEN"]); // another family
    expect(errorCodes(await enroll({}, "FOOD_SUPPORT"))).toEqual(["UNAUTHENTICATED"]);
    expect(errorCodes(await enroll(officer, "FOOD_SUPPORT", "3999999999"))).toEqual(["NOT_FOUND"]);
    const byOfficer = await enroll(officer, "FOOD_SUPPORT");
    expect(byOfficer.data!.enrollInProgram.status).toBe("PENDING");
  });

  it("lets a labor officer decide a PENDING enrollment once, and nobody else", async () => {
    const { data } = await enroll(abdullah, "HOUSING_SUPPORT");
    const id = data!.enrollInProgram.id;
    expect(errorCodes(await decide(abdullah, id, true))).toEqual(["FORBIDDEN"]);
    expect(errorCodes(await decide({ nationalId: "1000000933", roles: ["CITIZEN", "ANALYST"] }, id, true))).toEqual(["FORBIDDEN"]);
    const approved = await decide(officer, id, true);
    expect(approved.data!.decideEnrollment).toMatchObject({ id, status: "APPROVED" });
    expect(approved.data!.decideEnrollment.decidedAt).toBeTruthy();
    expect(errorCodes(await decide(officer, id, false))).toEqual(["INVALID_STATE"]);
    expect(errorCodes(await decide(officer, "00000000-0000-0000-0000-000000000000", true))).toEqual(["NOT_FOUND"]);
    expect(errorCodes(await decide(officer, "not-an-id", true))).toEqual(["NOT_FOUND"]);
    const history = await labor.db.query(`SELECT from_status, to_status, by FROM enrollment_event WHERE enrollment_id = $1 ORDER BY id`, [id]);
    expect(history).toEqual([
      { from_status: null, to_status: "PENDING", by: ABDULLAH.id },
      { from_status: "PENDING", to_status: "APPROVED", by: LABOR_OFFICER },
    ]);
  });

  it("lets a family apply again after a rejection", async () => {
    const { data } = await enroll(abdullah, "SOCIAL_SECURITY");
    expect((await decide(officer, data!.enrollInProgram.id, false)).data!.decideEnrollment.status).toBe("REJECTED");
    expect((await enroll(abdullah, "SOCIAL_SECURITY")).data!.enrollInProgram.status).toBe("PENDING");
  });

  it("writes nothing half-way when a step of the transaction fails", async () => {
    const db = labor.db;
    const openOf = async (program: string) => {
      const { data } = await labor.run(ENROLLMENTS, { representations: [representationOf(ABDULLAH.register)] }, officer);
      return data!._entities[0].enrollments.find((e: any) => e.status === "PENDING" && e.program.code === program);
    };
    expect((await decide(officer, (await openOf("FOOD_SUPPORT")).id, false)).errors).toBeUndefined();
    const pending = await openOf("SOCIAL_SECURITY");
    const foodRows = await enrollmentRows("FOOD_SUPPORT");
    // The history entry of each move now fails: neither the move nor a new enrollment may remain.
    await db.query(`ALTER TABLE enrollment_event ADD CONSTRAINT test_refuse_moves CHECK (to_status NOT IN ('PENDING', 'APPROVED')) NOT VALID`);
    try {
      expect((await decide(officer, pending.id, true)).errors).toHaveLength(1);
      expect((await enroll(abdullah, "FOOD_SUPPORT")).errors).toHaveLength(1);
    } finally {
      await db.query(`ALTER TABLE enrollment_event DROP CONSTRAINT test_refuse_moves`);
    }
    expect(await count(`SELECT count(*) AS n FROM benefit_enrollment WHERE id = '${pending.id}' AND status = 'PENDING' AND decided_at IS NULL`)).toBe(1);
    expect(await enrollmentRows("FOOD_SUPPORT")).toBe(foodRows);
  });

  it("shows a family its own enrollments, and officers any family's", async () => {
    const representations = [representationOf(ABDULLAH.register)];
    const own = await labor.http(ENROLLMENTS, { representations }, { nationalId: ABDULLAH.id });
    expect(own.errors).toBeUndefined();
    expect(own.data._entities[0].enrollments.map((e: any) => e.program.code)).toEqual(expect.arrayContaining(["CITIZEN_ACCOUNT", "HOUSING_SUPPORT"]));
    expect(codes(await labor.http(ENROLLMENTS, { representations }, { nationalId: FAHAD.id }))).toEqual(["FORBIDDEN"]);
    expect(codes(await labor.http(ENROLLMENTS, { representations }))).toEqual(["UNAUTHENTICATED"]);
  });

  it("gives analysts and officers per-program counts only", async () => {
    const analyst = await labor.http(STATS, {}, { nationalId: "1000000933", roles: ["CITIZEN", "ANALYST"] });
    expect(analyst.errors).toBeUndefined();
    const byCode = Object.fromEntries(analyst.data.programStats.map((s: any) => [s.program.code, s]));
    // The demo history's enrollments plus this test's: Abdullah's approved housing support counts.
    const [housing]: any[] = await labor.db.query(
      `SELECT count(DISTINCT register_number) FILTER (WHERE status = 'APPROVED') AS enrolled, count(*) FILTER (WHERE status = 'PENDING') AS pending,
         coalesce(sum(monthly_halalas) FILTER (WHERE status = 'APPROVED'), 0) AS total
       FROM benefit_enrollment WHERE program = 'HOUSING_SUPPORT'`,
    );
    expect(byCode.HOUSING_SUPPORT).toMatchObject({ enrolledFamilies: Number(housing.enrolled), pendingEnrollments: Number(housing.pending), monthlyTotal: { halalas: Number(housing.total) } });
    expect(await count(`SELECT count(*) AS n FROM benefit_enrollment WHERE program = 'HOUSING_SUPPORT' AND status = 'APPROVED' AND register_number = '${ABDULLAH.register}'`)).toBe(1);
    expect(byCode.CITIZEN_ACCOUNT.eligibleFamilies).toBeGreaterThanOrEqual(1);
    expect(codes(await labor.http(STATS, {}, { nationalId: ABDULLAH.id }))).toEqual(["FORBIDDEN"]);
  });

  // Last: it raises Abdullah's household income.
  it("refuses an officer his own family's enrollment (FOUR_EYES), and any officer an approval for a family no longer eligible (NOT_ELIGIBLE)", async () => {
    const applied = await enroll(officer, "FOOD_SUPPORT");
    expect(applied.errors).toBeUndefined();
    const pending: { id: string } = applied.data!.enrollInProgram;
    // Hind, Abdullah's wife, as a labor officer: her own family's.
    const ownFamily = await decide({ nationalId: "1000000107", roles: ["CITIZEN", "LABOR_OFFICER"] }, pending!.id, false);
    expect(ownFamily.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", reason: "FOUR_EYES" });

    // Hind's new wage takes the household to 9,000 SAR, above food support's 6,400 for six.
    const wage = await labor.run(`mutation($input: RecordWageInput!) { recordWage(input: $input) { nationalId } }`, { input: { nationalId: "1000000107", monthlyHalalas: 500_000, employer: "Y", effectiveFrom: "2026-01-01" } }, officer);
    expect(wage.errors).toBeUndefined();
    const another: Caller = { nationalId: "1000000941", roles: ["CITIZEN", "LABOR_OFFICER"] };
    const approval = await decide(another, pending!.id, true);
    expect(errorCodes(approval)).toEqual(["BAD_USER_INPUT"]);
    expect(violationsOf(approval).map((v) => `${v.field}:${v.rule}`)).toEqual(["approve:NOT_ELIGIBLE"]);
    expect(violationsOf(approval)[0]!.message).toMatch(/9,000 SAR is above the 6,400 SAR threshold/);
    // The officer who applied for the family decides it too (issue 4 lets him apply; four-eyes is about his own family).
    const rejected = await decide(officer, pending!.id, false);
    expect(rejected.errors).toBeUndefined();
    expect(rejected.data!.decideEnrollment.status).toBe("REJECTED");
    const history = await labor.db.query(`SELECT to_status, by FROM enrollment_event WHERE enrollment_id = $1 ORDER BY id`, [pending!.id]);
    expect(history).toEqual([
      { to_status: "PENDING", by: LABOR_OFFICER },
      { to_status: "REJECTED", by: LABOR_OFFICER },
    ]);
  });

  it("approves at the amount the family is eligible for when approved, under the rules in force then", async () => {
    // Social security pays the gap to its threshold (5,400 SAR for six): applied for at 4,000 SAR of
    // income (a gap of 1,400); Hind now earns 1,000 (she earned 5,000 above), so the gap is 400.
    const [pending]: Array<{ id: string; monthly_halalas: number }> = await labor.db.query(
      `SELECT id, monthly_halalas FROM benefit_enrollment WHERE program = 'SOCIAL_SECURITY' AND register_number = $1 AND status = 'PENDING'`,
      [ABDULLAH.register],
    );
    expect(pending!.monthly_halalas).toBe(140_000);
    const wage = await labor.run(`mutation($input: RecordWageInput!) { recordWage(input: $input) { nationalId } }`, { input: { nationalId: "1000000107", monthlyHalalas: 100_000, employer: "Y", effectiveFrom: "2026-02-01" } }, officer);
    expect(wage.errors).toBeUndefined();
    const another: Caller = { nationalId: "1000000941", roles: ["CITIZEN", "LABOR_OFFICER"] };
    expect((await decide(another, pending!.id, true)).data!.decideEnrollment.status).toBe("APPROVED");
    const [row]: any[] = await labor.db.query(`SELECT monthly_halalas, rules_version, evidence FROM benefit_enrollment WHERE id = $1`, [pending!.id]);
    expect(row).toMatchObject({ monthly_halalas: 40_000, rules_version: "2026-1", evidence: { facts: { incomeHalalas: 500_000 }, monthlyHalalas: 40_000 } });
  });
});
