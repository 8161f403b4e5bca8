import type { ExecutionResult } from "graphql";
import { countStatements } from "../../../kernel/database/statementCounter";
import { DATABASE_KINDS } from "../../../test/support/database";
import { codes, violationRules } from "../../../test/support/http";
import { startSubgraphHarness, type SubgraphHarness } from "../../../test/support/subgraph";
import { labor as laborDefinition } from "../src/definition";
import { ABDULLAH, FAHAD, LABOR_OFFICER, representationOf, syntheticRegisters } from "./demoFamilies";
import { resolversOverDemoRegister } from "./demoRegister";

const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Family {
      registerNumber
      householdIncome { halalas }
      eligibility { program { code rulesVersion } eligible monthlyAmount { halalas } reasons }
    }
  }
}`;

const eligibleCodes = (family: any) => family.eligibility.filter((d: any) => d.eligible).map((d: any) => d.program.code);
const errorCodes = (result: ExecutionResult) => (result.errors ?? []).map((error) => error.extensions?.code);

/** Ages, and so who counts as a child and who may read the family, depend on the request's day: pinned (Riyadh noon). */
const onDay = (day: string) => new Date(`${day}T09:00:00Z`);
const PINNED = onDay("2026-11-25");
const SARAH = { id: "1000000040", eighteenOn: "2030-07-15" }; // Fahad's daughter, born 2012-07-15

describe.each(DATABASE_KINDS)("labor eligibility on Family (%s database)", (kind) => {
  let labor: SubgraphHarness;
  beforeAll(async () => {
    labor = await startSubgraphHarness(laborDefinition, { kind, resolvers: resolversOverDemoRegister() });
  });
  afterAll(() => labor?.stop());

  it("decides Fahad's household (25,000 SAR) eligible for nothing, with reasons and the rules version", async () => {
    const response = await labor.run(ENTITIES, { representations: [representationOf(FAHAD.register)] }, { nationalId: FAHAD.id, now: PINNED });
    expect(response.errors).toBeUndefined();
    const [family] = response.data._entities;
    expect(family.householdIncome).toEqual({ halalas: 2_500_000 });
    expect(eligibleCodes(family)).toEqual([]);
    expect(family.eligibility).toHaveLength(5);
    for (const decision of family.eligibility) {
      expect(decision.program.rulesVersion).toBe("2026-1");
      expect(decision.monthlyAmount).toBeNull();
      expect(decision.reasons.length).toBeGreaterThan(0);
    }
    const citizenAccount = family.eligibility.find((d: any) => d.program.code === "CITIZEN_ACCOUNT");
    expect(citizenAccount.reasons).toEqual([
      "household income 25,000 SAR is above the 11,500 SAR threshold for 4 members (3 adults, 1 child)",
    ]);
  });

  it("decides Abdullah's household (4,000 SAR, 6 members) eligible for the Citizen Account and food support, in Arabic too", async () => {
    const response = await labor.http(ENTITIES, { representations: [representationOf(ABDULLAH.register)] }, { nationalId: ABDULLAH.id, lang: "ar" });
    expect(response.errors).toBeUndefined();
    const [family] = response.data._entities;
    expect(family.householdIncome).toEqual({ halalas: 400_000 });
    expect(eligibleCodes(family)).toEqual(expect.arrayContaining(["CITIZEN_ACCOUNT", "FOOD_SUPPORT"]));
    const citizenAccount = family.eligibility.find((d: any) => d.program.code === "CITIZEN_ACCOUNT");
    expect(citizenAccount.monthlyAmount.halalas).toBeGreaterThan(0);
    expect(Number.isInteger(citizenAccount.monthlyAmount.halalas)).toBe(true);
    expect(citizenAccount.reasons.join(" ")).toMatch(/دخل الأسرة .* ريال لا يتجاوز الحد/);
  });

  it("lets a spouse and an adult child read their family, not a child under 18 nor another family", async () => {
    const representations = [representationOf(FAHAD.register)];
    expect((await labor.run(ENTITIES, { representations }, { nationalId: "1000000024", now: PINNED })).errors).toBeUndefined();
    expect((await labor.run(ENTITIES, { representations }, { nationalId: "1000000032", now: PINNED })).errors).toBeUndefined();
    expect(errorCodes(await labor.run(ENTITIES, { representations }, { nationalId: SARAH.id, now: PINNED }))).toContain("FORBIDDEN");
    expect(errorCodes(await labor.run(ENTITIES, { representations }, { nationalId: ABDULLAH.id, now: PINNED }))).toContain("FORBIDDEN");
    // Over HTTP (real token, the clock's day), a stranger is refused whatever the date.
    expect(codes(await labor.http(ENTITIES, { representations }, { nationalId: ABDULLAH.id }))).toContain("FORBIDDEN");
  });

  it("lets a daughter read her family's labor facts from her 18th birthday on, and counts her as an adult from then", async () => {
    const representations = [representationOf(FAHAD.register)];
    const onTheEve = await labor.run(ENTITIES, { representations }, { nationalId: SARAH.id, now: onDay("2030-07-14") });
    expect(errorCodes(onTheEve)).toContain("FORBIDDEN");
    const onTheDay = await labor.run(ENTITIES, { representations }, { nationalId: SARAH.id, now: onDay(SARAH.eighteenOn) });
    expect(onTheDay.errors).toBeUndefined();
    const reasons = (result: ExecutionResult<any>) => result.data!._entities[0].eligibility.find((d: any) => d.program.code === "CITIZEN_ACCOUNT").reasons;
    expect(reasons(onTheDay)[0]).toMatch(/for 4 members \(4 adults, 0 children\)$/);
    const headOnTheEve = await labor.run(ENTITIES, { representations }, { nationalId: FAHAD.id, now: onDay("2030-07-14") });
    expect(reasons(headOnTheEve)[0]).toMatch(/for 4 members \(3 adults, 1 child\)$/);
  });

  it("gives nothing personal to a call without a token, nor to an analyst or a civil-affairs officer", async () => {
    const representations = [representationOf(FAHAD.register)];
    const anonymous = await labor.http(ENTITIES, { representations });
    expect(codes(anonymous)).toContain("UNAUTHENTICATED");
    expect(anonymous.data?._entities ?? [null]).toEqual([null]);
    expect(codes(await labor.http(ENTITIES, { representations }, { nationalId: "1000000933", roles: ["CITIZEN", "ANALYST"] }))).toContain("FORBIDDEN");
    expect(codes(await labor.http(ENTITIES, { representations }, { nationalId: "1000000909", roles: ["CITIZEN", "CIVIL_AFFAIRS_OFFICER"] }))).toContain("FORBIDDEN");
  });

  it("answers 5 or 50 families with the same few statements, and writes nothing", async () => {
    const officer = { nationalId: LABOR_OFFICER, roles: ["CITIZEN", "LABOR_OFFICER"] as const };
    const measure = (count: number) =>
      countStatements(() => labor.run(ENTITIES, { representations: syntheticRegisters(count).map(representationOf) }, { ...officer, roles: [...officer.roles] }));
    await measure(1); // reads the programs into the process's copy
    const five = await measure(5);
    const fifty = await measure(50);
    expect(five.result.errors).toBeUndefined();
    expect(fifty.result.errors).toBeUndefined();
    expect(fifty.result.data!._entities).toHaveLength(50);
    // One wage query (the programs are reference data, read once a minute): a read stores no decision.
    expect(fifty.statements).toBe(1);
    expect(five.statements).toBe(1);

    const stored = async () => (await labor.db.query(`SELECT register_number, program, computed_at FROM family_eligibility ORDER BY 1, 2`)) as unknown[];
    const before = await stored();
    await measure(50);
    expect(await stored()).toEqual(before);
  });

  it("lets a labor officer record a wage change, checking every field at once", async () => {
    // In this process, over the stand-in register: the person's civil-affairs facts (four-eyes, birth date) come from it.
    const officer = { nationalId: LABOR_OFFICER, roles: ["CITIZEN", "LABOR_OFFICER"] as ("CITIZEN" | "LABOR_OFFICER")[] };
    const RECORD = `mutation($input: RecordWageInput!) { recordWage(input: $input) { nationalId employer source effectiveFrom monthlyAmount { halalas } } }`;
    const input = { nationalId: "١٠٠٠٠٠٠١١٥", monthlyHalalas: 300_000, employer: "Jeddah Port", effectiveFrom: "2026-01-01" };
    const bad = await labor.run(RECORD, { input: { nationalId: "1000000117", monthlyHalalas: -1, employer: " ", effectiveFrom: "2099-01-01" } }, officer);
    expect(violationRules(bad)).toEqual(["NATIONAL_ID_CHECK_DIGIT", "AMOUNT_RANGE", "REQUIRED", "TOO_FAR_AHEAD"]);
    // In Arabic, every number in the Arabic digits the rest of the sentence uses.
    const inArabic = await labor.run(RECORD, { input: { nationalId: "1000000117", monthlyHalalas: -1, employer: " ", effectiveFrom: "2099-01-01" } }, { ...officer, lang: "ar" });
    const messages = (inArabic.errors![0]!.extensions!.violations as Array<{ message: string }>).map((v) => v.message);
    expect(messages.filter((message) => /[0-9]/.test(message))).toEqual([]);
    expect(codes(await labor.run(RECORD, { input }, { nationalId: ABDULLAH.id }))).toEqual(["FORBIDDEN"]);
    // Four-eyes: not his own wage, nor (Hind, Abdullah's wife, as an officer) her husband's.
    const own = await labor.run(RECORD, { input: { ...input, nationalId: LABOR_OFFICER } }, officer);
    const husbands = await labor.run(RECORD, { input: { ...input, nationalId: ABDULLAH.id } }, { nationalId: "1000000107", roles: ["CITIZEN", "LABOR_OFFICER"] });
    for (const refused of [own, husbands]) expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", reason: "FOUR_EYES" });
    const recorded = await labor.run(RECORD, { input }, officer);
    expect(recorded.data.recordWage).toEqual({ nationalId: "1000000115", employer: "Jeddah Port", source: "OFFICER", effectiveFrom: "2026-01-01", monthlyAmount: { halalas: 300_000 } });
    const after = await labor.http(ENTITIES, { representations: [representationOf(ABDULLAH.register)] }, officer);
    expect(after.data._entities[0].householdIncome).toEqual({ halalas: 700_000 });
  });

  it("hands a labor officer family stubs to review, checking the register numbers", async () => {
    const REVIEW = `query($registerNumbers: [ID!]!) { familiesForReview(registerNumbers: $registerNumbers) { registerNumber } }`;
    const officer = { nationalId: LABOR_OFFICER, roles: ["CITIZEN", "LABOR_OFFICER"] as ("CITIZEN" | "LABOR_OFFICER")[] };
    const ok = await labor.http(REVIEW, { registerNumbers: ["3000000001", "٣٠٠٠٠٠٠٠٠٢"] }, officer);
    expect(ok.data.familiesForReview).toEqual([{ registerNumber: "3000000001" }, { registerNumber: "3000000002" }]);
    expect(violationRules(await labor.http(REVIEW, { registerNumbers: ["30001", ...syntheticRegisters(100)] }, officer))).toEqual(["TOO_MANY", "FORMAT"]);
    expect(codes(await labor.http(REVIEW, { registerNumbers: ["3000000001"] }, { nationalId: FAHAD.id }))).toEqual(["FORBIDDEN"]);
  });

  it("lists the programs to anyone, with the rules version, each described in the request's language", async () => {
    const response = await labor.http(`{ benefitPrograms { code nameEn rulesVersion description } }`);
    expect(response.data.benefitPrograms).toHaveLength(5);
    expect(response.data.benefitPrograms.every((p: any) => p.rulesVersion === "2026-1")).toBe(true);
    const described = async (lang: "ar" | "en") =>
      ((await labor.http(`{ benefitPrograms { code description } }`, {}, { lang })).data.benefitPrograms as Array<{ code: string; description: string }>).find((p) => p.code === "CITIZEN_ACCOUNT")!.description;
    expect(await described("en")).toBe("Monthly cash support for low- and middle-income Saudi households.");
    expect(await described("ar")).toBe("دعم نقدي شهري للأسر السعودية منخفضة ومتوسطة الدخل.");
  });
});
