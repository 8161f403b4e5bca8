import fc from "fast-check";
import { withCheckDigit } from "../../../kernel/nationalId";
import type { GraphQLResponse } from "../../../test/support/http";
import { startSubgraphHarness, type SubgraphHarness } from "../../../test/support/subgraph";
import { labor as laborDefinition } from "../src/definition";
import { LABOR_OFFICER } from "./demoFamilies";

/**
 * recordWage under random input over HTTP: never a 5xx or INTERNAL_SERVER_ERROR, every error one of
 * the contract's codes, and a refused call writes nothing (wage_record and data_access unchanged).
 */
const RUNS = 300;
const CONTRACT_CODES = ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "BAD_USER_INPUT", "INVALID_STATE", "CONFLICT", "RATE_LIMITED"];

function expectContractAnswer(response: GraphQLResponse): void {
  expect(response.status).toBeLessThan(500);
  for (const error of response.errors ?? []) expect(CONTRACT_CODES).toContain(error.extensions?.code);
}

const digits = (n: number) => fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: n, maxLength: n });
const junk = fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.double(), fc.constant(null), fc.boolean());

describe("recordWage under random input (fast-check over HTTP)", () => {
  let labor: SubgraphHarness;
  beforeAll(async () => {
    labor = await startSubgraphHarness(laborDefinition, { kind: "embedded" });
  });
  afterAll(() => labor?.stop());

  it(`answers ${RUNS} random wage records with the contract's codes, writing nothing when refused`, async () => {
    const counts = async () => (await labor.db.query(`SELECT (SELECT count(*)::int FROM wage_record) AS wages, (SELECT count(*)::int FROM data_access) AS audit`))[0];
    const input = fc.record({
      nationalId: fc.oneof(fc.constantFrom("1000000115", "١٠٠٠٠٠٠١١٥", "1000000117", "3000000001"), digits(9).map((d) => withCheckDigit(`1${d.slice(1)}`)), digits(10), junk),
      monthlyHalalas: fc.oneof(fc.integer({ min: -1_000_000, max: 100_000_000 }), fc.constantFrom(0, 1, 2 ** 31 - 1, -(2 ** 31)), junk),
      employer: fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom("", "   ", "Jeddah Port", "ميناء جدة"), junk),
      effectiveFrom: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), fc.constantFrom("2026-02-30", "2099-01-01", "1900-01-01", "2026-1-1"), junk),
    });
    const caller = fc.constantFrom(
      { nationalId: LABOR_OFFICER, roles: ["CITIZEN", "LABOR_OFFICER"] as const },
      { nationalId: LABOR_OFFICER, roles: ["CITIZEN", "LABOR_OFFICER"] as const, purpose: null },
      { nationalId: "1000000016", roles: ["CITIZEN"] as const },
      {},
    );
    await fc.assert(
      fc.asyncProperty(input, caller, async (values, who) => {
        const before = await counts();
        const response = await labor.http(`mutation($input: RecordWageInput!) { recordWage(input: $input) { nationalId monthlyAmount { halalas } } }`, { input: values }, who as never);
        expectContractAnswer(response);
        if (response.errors) expect(await counts()).toEqual(before);
        else expect(response.data.recordWage.nationalId).toMatch(/^[12]\d{9}$/);
      }),
      { numRuns: RUNS },
    );
  });
});
