import { startSubgraphHarness, type SubgraphHarness } from "../../../test/support/subgraph";
import { civilAffairs } from "../src/definition";
import { signIn } from "./people";

const FAHAD = "1000000016";
const CREATE = `mutation($office: ID!) { createCardApplication(input: { kind: REPLACEMENT_LOST, lossDeclaration: true, deliveryMethod: OFFICE_PICKUP, pickupOfficeId: $office }) { id status pickupOffice { id nameEn } } }`;
const CANCEL = `mutation($id: ID!) { cancelCardApplication(id: $id) { status } }`;

/** Each process keeps the offices for a minute (kernel/referenceData.ts); an office opened meanwhile is still found. */
describe("civil-affairs offices", () => {
  let ca: SubgraphHarness;
  beforeAll(async () => {
    ca = await startSubgraphHarness(civilAffairs, { kind: "embedded", tokens: signIn });
  });
  afterAll(() => ca?.stop());

  it("lets a citizen choose an office opened after the process read the offices", async () => {
    const fahad = await ca.as({ nationalId: FAHAD });
    const first = await fahad(CREATE, { office: "RUH-01" });
    expect(first.errors).toBeUndefined();
    expect((await fahad(CANCEL, { id: first.data.createCardApplication.id })).errors).toBeUndefined();

    await ca.db.query(`INSERT INTO civil_affairs_office (id, name_ar, name_en, city) VALUES ('RUH-09', 'مكتب الأحوال المدنية - النرجس', 'Civil Affairs Office - Al Narjis', 'Riyadh')`);
    const listed = await fahad(`{ civilAffairsOffices(city: "Riyadh") { id } }`);
    expect(listed.data.civilAffairsOffices.map((office: { id: string }) => office.id)).toContain("RUH-09");
    const second = await fahad(CREATE, { office: "RUH-09" });
    expect(second.errors).toBeUndefined();
    expect(second.data.createCardApplication).toMatchObject({ status: "DRAFT", pickupOffice: { id: "RUH-09", nameEn: "Civil Affairs Office - Al Narjis" } });
  });
});
