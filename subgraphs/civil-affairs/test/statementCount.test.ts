import { statements } from "../../../test/support/http";
import { startSubgraphHarness, type Client, type SubgraphHarness } from "../../../test/support/subgraph";
import { civilAffairs } from "../src/definition";
import { signIn } from "./people";

const FAMILY_FIELDS = `registerNumber memberCount head { fullNameAr } members { relation citizen { nationalId fullNameAr birthDateHijri mobile family { registerNumber } } } card { cardNumber status application { status } } cards { version }`;

/**
 * Every relation goes through a DataLoader: the statements a query runs do not grow with the
 * number of families or members it returns. Counted by the subgraph itself (x-sql-statements).
 */
describe("SQL statements per request", () => {
  let ca: SubgraphHarness;
  let officer: Client;
  let registers: string[];
  beforeAll(async () => {
    // 50 aliased families of 21 fields each: past the default document limit of 500 fields, raised here.
    ca = await startSubgraphHarness(civilAffairs, { kind: "embedded", env: { MAX_QUERY_FIELDS: "2000" }, tokens: signIn });
    officer = await ca.as({ nationalId: "1000000909", roles: ["CIVIL_AFFAIRS_OFFICER"] });
    registers = (await ca.db.query(`SELECT register_number FROM family WHERE register_number LIKE '31%' ORDER BY register_number LIMIT 50`)).map(
      (r: { register_number: string }) => r.register_number,
    );
  });
  afterAll(() => ca?.stop());

  const familiesQuery = (numbers: string[]) => `{ ${numbers.map((n, i) => `f${i}: family(registerNumber: "${n}") { ${FAMILY_FIELDS} }`).join(" ")} }`;

  async function statementsFor(numbers: string[]): Promise<number> {
    const response = await officer(familiesQuery(numbers));
    expect(response.errors).toBeUndefined();
    return statements(response);
  }

  it("is the same for one family, ten families and fifty families", async () => {
    const one = await statementsFor(registers.slice(0, 1));
    const ten = await statementsFor(registers.slice(0, 10));
    const fifty = await statementsFor(registers);
    expect(registers).toHaveLength(50);
    expect(ten).toBe(one);
    expect(fifty).toBe(one);
    // one statement each: families, members, citizens, memberships, cards, applications, and the
    // one INSERT of the data-access audit (all the officer's reads of the request in one statement)
    expect(one).toBeGreaterThan(0);
    expect(one).toBeLessThanOrEqual(8);
  });

  it("is the same for a family of 4 and a family of 6 members, through `me`", async () => {
    const fahad = await ca.as({ nationalId: "1000000016" });
    const abdullah = await ca.as({ nationalId: "1000000099" });
    const query = `{ me { family { ${FAMILY_FIELDS} } } }`;
    const small = await fahad(query);
    const large = await abdullah(query);
    expect(small.data.me.family.memberCount).toBe(4);
    expect(large.data.me.family.memberCount).toBe(6);
    expect(statements(large)).toBe(statements(small));
    expect(statements(small)).toBeGreaterThan(0);
  });

  it("reads an application once in each step of create → submit → cancel, and writes each step with its history in one statement", async () => {
    const fahad = await ca.as({ nationalId: "1000000016" });
    const created = await fahad(`mutation { createCardApplication(input: { kind: REPLACEMENT_LOST, lossDeclaration: true, deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "RUH-01" }) { id status version } }`);
    const id = created.data.createCardApplication.id as string;
    const submitted = await fahad(`mutation($id: ID!) { submitCardApplication(id: $id) { status version } }`, { id });
    const cancelled = await fahad(`mutation($id: ID!) { cancelCardApplication(id: $id) { status version } }`, { id });
    expect([created.data.createCardApplication.status, submitted.data.submitCardApplication, cancelled.data.cancelCardApplication]).toEqual([
      "DRAFT",
      { status: "SUBMITTED", version: 2 },
      { status: "CANCELLED", version: 3 },
    ]);
    // create: the open-application check, the rules' 3 reads (the applicant with the register he heads and its active card,
    // his marriages, the offices: the first request of the process reads them, later ones keep the copy), and one statement
    // that inserts the row with its history and returns it;
    // submit: the application, the rules' 3 reads (the documents among them, the office from the copy), and one guarded
    // UPDATE with its history, returning the row;
    // cancel: one statement that moves the application if it is the applicant's and may be cancelled, with its history.
    expect([statements(created), statements(submitted), statements(cancelled)]).toEqual([5, 5, 1]);
  });
});
