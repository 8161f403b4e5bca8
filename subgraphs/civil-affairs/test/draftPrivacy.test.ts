import { codes, statements, violationRules } from "../../../test/support/http";
import { startSubgraphHarness, type Client, type SubgraphHarness } from "../../../test/support/subgraph";
import { civilAffairs } from "../src/definition";
import { signIn } from "./people";

/**
 * A draft shows the applicant only the people the registry links to him or who are in his
 * family (RULES.md "Identity and roles"). Before, naming anyone's national ID returned that
 * person's names, birth date, mobile and address, and the errors told whether an ID existed and
 * who headed a register.
 */
const KHALID = "1000000057";
const KHALID_WIFE = "1000000065";
const KHALID_SON = "1000000073";
const FAHAD = "1000000016"; // heads a register
const FAHAD_WIFE = "1000000024";
const FAHADS_SON = "1000000032"; // an adult, a member of his father's register
const SARAH = "1000000040"; // Fahad's daughter, 14
const NOBODY = "1000000990"; // a valid ID that names no one

const VIEW = `id spouses { nationalId fullNameAr birthDate mobile nationalAddress { street } } children { nationalId fullNameAr } requestedSpouseIds requestedChildIds missingDocuments`;

describe("what a draft shows its applicant", () => {
  let ca: SubgraphHarness;
  let khalid: Client;
  let officer: Client;
  beforeAll(async () => {
    ca = await startSubgraphHarness(civilAffairs, { kind: "embedded", tokens: signIn });
    khalid = await ca.as({ nationalId: KHALID });
    officer = await ca.as({ nationalId: "1000000909", roles: ["CIVIL_AFFAIRS_OFFICER"] });
  });
  afterAll(() => ca?.stop());

  const create = (spouseIds: string[], childIds: string[]) =>
    khalid(`mutation($s: [ID!], $c: [ID!]) { createCardApplication(input: { kind: NEW_CARD, spouseIds: $s, childIds: $c, deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "RUH-01" }) { ${VIEW} } }`, { s: spouseIds, c: childIds });
  const cancel = (id: string) => khalid(`mutation($id: ID!) { cancelCardApplication(id: $id) { status } }`, { id });

  it("lists only his linked wife and son among the people named; the IDs he entered stay visible", async () => {
    const created = await create([KHALID_WIFE, FAHAD_WIFE, NOBODY], [KHALID_SON, SARAH, FAHAD]);
    expect(created.errors).toBeUndefined();
    const draft = created.data.createCardApplication;
    expect(draft.spouses.map((p: { nationalId: string }) => p.nationalId)).toEqual([KHALID_WIFE]);
    expect(draft.children.map((p: { nationalId: string }) => p.nationalId)).toEqual([KHALID_SON]);
    expect(draft.requestedSpouseIds).toEqual([KHALID_WIFE, FAHAD_WIFE, NOBODY]);
    expect(draft.requestedChildIds).toEqual([KHALID_SON, SARAH, FAHAD]);
    // Each unlinked person needs a supporting document; nothing says who exists or who heads a register.
    expect([...draft.missingDocuments].sort()).toEqual(["BIRTH_CERTIFICATE", "BIRTH_CERTIFICATE", "MARRIAGE_CONTRACT", "MARRIAGE_CONTRACT"]);
    const read = await khalid(`query($id: ID!) { cardApplication(id: $id) { ${VIEW} } }`, { id: draft.id });
    expect(read.data.cardApplication).toEqual(draft);
    await cancel(draft.id);
  });

  it("shows an adult son drafting his own card the sister already in his family, and still no one else", async () => {
    const son = await ca.as({ nationalId: FAHADS_SON });
    const created = await son(`mutation($c: [ID!]) { createCardApplication(input: { kind: NEW_CARD, childIds: $c, deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "RUH-01" }) { ${VIEW} } }`, { c: [SARAH, KHALID_SON] });
    expect(created.errors).toBeUndefined();
    const draft = created.data.createCardApplication;
    expect(draft.children.map((p: { nationalId: string }) => p.nationalId)).toEqual([SARAH]);
    expect(draft.requestedChildIds).toEqual([SARAH, KHALID_SON]);
    await son(`mutation($id: ID!) { cancelCardApplication(id: $id) { status } }`, { id: draft.id });
  });

  it("shows no national address of a linked person outside his register", async () => {
    await ca.db.query(
      `UPDATE citizen SET address_building_number = '2929', address_street = 'King Fahd Road', address_district = 'Al Olaya', address_city = 'Riyadh',
         address_postal_code = '12211', address_additional_number = '7788' WHERE national_id = $1`,
      [KHALID_WIFE],
    );
    const created = await create([KHALID_WIFE], []);
    expect(created.data.createCardApplication.spouses).toEqual([expect.objectContaining({ nationalId: KHALID_WIFE, nationalAddress: null })]);
    await cancel(created.data.createCardApplication.id);
  });

  it("answers an existing stranger and an ID that names nobody alike, on create and update", async () => {
    const shape = (draft: { spouses: unknown[]; children: unknown[]; missingDocuments: string[] }) => ({ spouses: draft.spouses, children: draft.children, missing: draft.missingDocuments });
    const stranger = await create([FAHAD_WIFE], [FAHAD]);
    expect(stranger.errors).toBeUndefined();
    await cancel(stranger.data.createCardApplication.id);
    const nobody = await create([NOBODY], ["1000000982"]);
    expect(nobody.errors).toBeUndefined();
    expect(shape(stranger.data.createCardApplication)).toEqual(shape(nobody.data.createCardApplication));
    const id = nobody.data.createCardApplication.id;
    const update = (s: string[]) => khalid(`mutation($id: ID!, $s: [ID!]) { updateCardApplication(id: $id, input: { spouseIds: $s }) { ${VIEW} } }`, { id, s });
    const toStranger = (await update([FAHAD_WIFE])).data.updateCardApplication;
    const toNobody = (await update([NOBODY])).data.updateCardApplication;
    expect(shape(toStranger)).toEqual(shape(toNobody));
    await cancel(id);
  });

  it("caps the lists: five spouses or 51 children are refused", async () => {
    const children = Array.from({ length: 51 }, (_, i) => String(1_000_000_000 + i));
    const refused = await create(["1000000107", "1000000115", "1000000123", "1000000131", "1000000149"], children);
    expect(codes(refused)).toEqual(["BAD_USER_INPUT"]);
    expect(violationRules(refused)).toEqual(expect.arrayContaining(["TOO_MANY_SPOUSES", "TOO_MANY_CHILDREN"]));
  });

  it("shows the civil-affairs officer every person named who exists, and refuses approval for a head or an unknown ID", async () => {
    const created = await create([KHALID_WIFE, NOBODY], [FAHAD]);
    const id = created.data.createCardApplication.id;
    const REQUIREMENTS = `query($id: ID!) { cardApplication(id: $id) { spouses { nationalId } children { nationalId } documentRequirements { type personId met } } }`;
    const asOfficer = await officer(REQUIREMENTS, { id }, { "x-request-id": "req-requirements" });
    // Person by person: his wife is linked by the registry (nothing asked), the other two are not.
    expect(asOfficer.data.cardApplication).toEqual({
      spouses: [{ nationalId: KHALID_WIFE }],
      children: [{ nationalId: FAHAD }],
      documentRequirements: [
        { type: "MARRIAGE_CONTRACT", personId: NOBODY, met: false },
        { type: "BIRTH_CERTIFICATE", personId: FAHAD, met: false },
      ],
    });
    // What the registry says of a named person's link is his: in his data-access report.
    const recorded = (await ca.db.query(`SELECT owner_ids, fields FROM data_access WHERE request_id = 'req-requirements'`)) as Array<{ owner_ids: string[]; fields: string[] }>;
    expect(recorded.filter((record) => record.owner_ids.includes(FAHAD)).flatMap((record) => record.fields)).toContain("DocumentRequirement.personId");
    // With the supporting documents attached it is submitted; the officer's review then checks the registry.
    for (const type of ["MARRIAGE_CONTRACT", "BIRTH_CERTIFICATE"]) {
      const attached = await khalid(`mutation($input: AttachDocumentInput!) { attachDocument(input: $input) { id } }`, {
        input: { applicationId: id, type, fileName: `${type}.pdf`, mimeType: "application/pdf", contentBase64: Buffer.from(`%PDF-1.7 ${type}`).toString("base64") },
      });
      expect(attached.errors).toBeUndefined();
    }
    expect((await officer(REQUIREMENTS, { id })).data.cardApplication.documentRequirements.map((r: { met: boolean }) => r.met)).toEqual([true, true]);
    expect((await khalid(`mutation($id: ID!) { submitCardApplication(id: $id) { status } }`, { id })).data.submitCardApplication.status).toBe("SUBMITTED");
    await officer(`mutation($id: ID!) { startReview(id: $id) { status } }`, { id });
    const approve = await officer(`mutation($id: ID!) { approveCardApplication(id: $id) { status } }`, { id });
    expect(violationRules(approve)).toEqual(["SPOUSE_NOT_FOUND", "HEADS_ANOTHER_FAMILY"]);
    const [row] = await ca.db.query(`SELECT status FROM card_application WHERE id = $1`, [id]);
    expect(row.status).toBe("UNDER_REVIEW");
  });

  it("refuses approval for another man's registered wife, whatever contract is attached", async () => {
    const abdullah = await ca.as({ nationalId: "1000000099" });
    const created = await abdullah(
      `mutation($s: [ID!], $c: [ID!]) { createCardApplication(input: { kind: MEMBERS_UPDATE, spouseIds: $s, childIds: $c, deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "RUH-01" }) { id } }`,
      { s: ["1000000107", FAHAD_WIFE] },
    );
    const id = created.data.createCardApplication.id;
    const attached = await abdullah(`mutation($input: AttachDocumentInput!) { attachDocument(input: $input) { id } }`, {
      input: { applicationId: id, type: "MARRIAGE_CONTRACT", fileName: "contract.pdf", mimeType: "application/pdf", contentBase64: Buffer.from("%PDF-1.7 forged contract").toString("base64") },
    });
    expect(attached.errors).toBeUndefined();
    expect((await abdullah(`mutation($id: ID!) { submitCardApplication(id: $id) { status } }`, { id })).data.submitCardApplication.status).toBe("SUBMITTED");
    await officer(`mutation($id: ID!) { startReview(id: $id) { status } }`, { id });
    const approve = await officer(`mutation($id: ID!) { approveCardApplication(id: $id) { status } }`, { id });
    expect(violationRules(approve)).toEqual(["MARRIED_TO_ANOTHER"]);
    const [row] = await ca.db.query(`SELECT status FROM card_application WHERE id = $1`, [id]);
    expect(row.status).toBe("UNDER_REVIEW");
  });
});

/**
 * A list longer than any family is refused before any ID in it is read. Before, 300,000 IDs had
 * civil-affairs checking each for about 80 s, everyone's sign-in failing meanwhile, and 400,000
 * copies of one malformed ID came back as 400,001 violations (39 MB).
 */
describe("lists longer than any family", () => {
  let ca: SubgraphHarness;
  let khalid: Client;
  beforeAll(async () => {
    ca = await startSubgraphHarness(civilAffairs, { kind: "embedded", tokens: signIn });
    khalid = await ca.as({ nationalId: KHALID });
  });
  afterAll(() => ca?.stop());

  it("refuses 100,000 children or 1,000 spouses with one violation each, reading nothing", async () => {
    const created = await khalid(
      `mutation($s: [ID!], $c: [ID!]) { createCardApplication(input: { kind: MEMBERS_UPDATE, spouseIds: $s, childIds: $c, deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "RUH-01" }) { id } }`,
      { s: Array.from({ length: 1000 }, () => "123"), c: Array.from({ length: 100_000 }, () => "123") },
    );
    expect(violationRules(created)).toEqual(["TOO_MANY_SPOUSES", "TOO_MANY_CHILDREN"]);
    expect(statements(created)).toBe(0);
  });

  it("refuses the same in an update of a draft, before the draft is read", async () => {
    const draft = await khalid(`mutation { createCardApplication(input: { kind: NEW_CARD, deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "RUH-01" }) { id } }`);
    const id = draft.data.createCardApplication.id;
    const updated = await khalid(`mutation($id: ID!, $c: [ID!]) { updateCardApplication(id: $id, input: { childIds: $c }) { id } }`, { id, c: Array.from({ length: 51 }, () => KHALID_SON) });
    expect(violationRules(updated)).toEqual(["TOO_MANY_CHILDREN"]);
    expect(statements(updated)).toBe(0);
    await khalid(`mutation($id: ID!) { cancelCardApplication(id: $id) { status } }`, { id });
  });

});

describe("a members update", () => {
  let ca: SubgraphHarness;
  beforeAll(async () => {
    ca = await startSubgraphHarness(civilAffairs, { kind: "embedded", tokens: signIn });
  });
  afterAll(() => ca?.stop());

  it("asks no marriage contract or birth certificate again for the wife and son already in his register", async () => {
    // Fahad's register as if an officer had accepted a contract and a certificate for them: the registry records neither link.
    await ca.db.query(`DELETE FROM marriage WHERE husband_id = $1 AND wife_id = $2`, [FAHAD, FAHAD_WIFE]);
    await ca.db.query(`DELETE FROM birth_record WHERE child_id = $1`, [FAHADS_SON]);
    const fahad = await ca.as({ nationalId: FAHAD });
    const created = await fahad(`mutation($s: [ID!], $c: [ID!]) { createCardApplication(input: { kind: MEMBERS_UPDATE, spouseIds: $s, childIds: $c, deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "RUH-01" }) { id missingDocuments } }`, { s: [FAHAD_WIFE], c: [FAHADS_SON, KHALID_SON] });
    expect(created.errors).toBeUndefined();
    // Khalid's son, in no register of Fahad's, still needs his certificate.
    expect(created.data.createCardApplication.missingDocuments).toEqual(["BIRTH_CERTIFICATE"]);
  });
});
