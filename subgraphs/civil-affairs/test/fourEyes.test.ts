import { DATA_ACCESS_PER_OWNER } from "../../../test/support/dataAccessRows";
import { codes } from "../../../test/support/http";
import { startSubgraphHarness, type Client, type SubgraphHarness } from "../../../test/support/subgraph";
import { civilAffairs } from "../src/definition";
import { signIn } from "./people";

/**
 * Four-eyes (RULES.md "Identity and roles"). Before, a civil-affairs officer applied for himself
 * naming another man's wife and another family's 14-year-old daughter, reviewed, approved and
 * issued it himself: both left their registers silently and no audit row was written.
 */
const SULTAN = "1000000909"; // the demo's civil-affairs officer, single, no register
const FAHAD = "1000000016";
const FAHAD_WIFE = "1000000024";
const SARAH = "1000000040"; // Fahad's daughter, 14
const MAJED = "1000000180"; // made a second officer here

describe("no officer acts on his own or his family's application", () => {
  let ca: SubgraphHarness;
  let sultan: Client;
  let fahadOfficer: Client;
  let majed: Client;
  let applicationId: string;
  beforeAll(async () => {
    ca = await startSubgraphHarness(civilAffairs, { kind: "embedded", tokens: signIn });
    sultan = await ca.as({ nationalId: SULTAN, roles: ["CIVIL_AFFAIRS_OFFICER"] });
    fahadOfficer = await ca.as({ nationalId: FAHAD, roles: ["CIVIL_AFFAIRS_OFFICER"] });
    majed = await ca.as({ nationalId: MAJED, roles: ["CIVIL_AFFAIRS_OFFICER"] });
    const created = await sultan(`mutation { createCardApplication(input: { kind: NEW_CARD, spouseIds: ["${FAHAD_WIFE}"], childIds: ["${SARAH}"], deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "RUH-01" }) { id } }`);
    applicationId = created.data.createCardApplication.id;
    for (const type of ["MARRIAGE_CONTRACT", "BIRTH_CERTIFICATE"]) {
      await sultan(`mutation($input: AttachDocumentInput!) { attachDocument(input: $input) { id } }`, {
        input: { applicationId, type, fileName: `${type}.pdf`, mimeType: "application/pdf", contentBase64: Buffer.from(`%PDF-1.7 ${type}`).toString("base64") },
      });
    }
    await sultan(`mutation($id: ID!) { submitCardApplication(id: $id) { status } }`, { id: applicationId });
  });
  afterAll(() => ca?.stop());

  const startReview = (officer: Client) => officer(`mutation($id: ID!) { startReview(id: $id) { status } }`, { id: applicationId });

  it("refuses the applicant himself, in his language, saying why", async () => {
    const refused = await sultan(`mutation($id: ID!) { startReview(id: $id) { status } }`, { id: applicationId }, { "accept-language": "ar" });
    expect(codes(refused)).toEqual(["FORBIDDEN"]);
    expect(refused.errors![0]!.extensions!.reason).toBe("FOUR_EYES");
    expect(refused.errors![0]!.message).toMatch(/موظف آخر/);
  });

  it("refuses an officer whose child is named in the application", async () => {
    const refused = await startReview(fahadOfficer);
    expect(refused.errors![0]!.extensions!.reason).toBe("FOUR_EYES");
  });

  it("refuses a mother who is an officer on her adult son's application, though no birth record names her", async () => {
    await ca.db.query(`DELETE FROM birth_record WHERE child_id = '1000000032'`); // added to the register on a certificate
    const son = await ca.as({ nationalId: "1000000032" });
    const created = await son(`mutation { createCardApplication(input: { kind: NEW_CARD, deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "RUH-01" }) { id } }`);
    const id = created.data.createCardApplication.id;
    await son(`mutation($id: ID!) { submitCardApplication(id: $id) { status } }`, { id });
    const mother = await ca.as({ nationalId: FAHAD_WIFE, roles: ["CIVIL_AFFAIRS_OFFICER"] });
    const refused = await mother(`mutation($id: ID!) { startReview(id: $id) { status } }`, { id });
    expect(refused.errors![0]!.extensions!.reason).toBe("FOUR_EYES");
  });

  it("lets another officer act, and records each person moved and the head of the register they leave", async () => {
    // Her marriage to Fahad ended (the registry records the divorce): a contract may then name her.
    await ca.db.query(`UPDATE marriage SET ended_on = '2025-01-01' WHERE wife_id = $1`, [FAHAD_WIFE]);
    expect((await startReview(majed)).data.startReview.status).toBe("UNDER_REVIEW");
    // Neither Sultan nor Fahad may approve or issue it either.
    for (const officer of [sultan, fahadOfficer]) {
      expect(codes(await officer(`mutation($id: ID!) { approveCardApplication(id: $id) { status } }`, { id: applicationId }))).toEqual(["FORBIDDEN"]);
    }
    expect((await majed(`mutation($id: ID!) { approveCardApplication(id: $id) { status } }`, { id: applicationId })).data.approveCardApplication.status).toBe("APPROVED");
    expect(codes(await sultan(`mutation($id: ID!) { issueFamilyCard(applicationId: $id) { cardNumber } }`, { id: applicationId }))).toEqual(["FORBIDDEN"]);
    const issued = await majed(`mutation($id: ID!) { issueFamilyCard(applicationId: $id) { family { registerNumber } } }`, { id: applicationId });
    expect(issued.errors).toBeUndefined();
    const moves = await ca.db.query(
      `SELECT owner_id, action, fields FROM ${DATA_ACCESS_PER_OWNER} WHERE accessor_id = $1 AND 'FamilyMember.registerNumber' = ANY(fields) OR (accessor_id = $1 AND 'Family.members' = ANY(fields)) ORDER BY owner_id`,
      [MAJED],
    );
    expect(moves).toEqual([
      { owner_id: FAHAD, action: "CHANGE", fields: ["Family.members"] },
      { owner_id: FAHAD_WIFE, action: "CHANGE", fields: ["FamilyMember.registerNumber"] },
      { owner_id: SARAH, action: "CHANGE", fields: ["FamilyMember.registerNumber"] },
    ]);
  });
});
