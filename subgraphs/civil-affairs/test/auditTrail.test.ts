import { DATA_ACCESS_PER_OWNER } from "../../../test/support/dataAccessRows";
import { DATABASE_KINDS } from "../../../test/support/database";
import { codes, graphql } from "../../../test/support/http";
import { startSubgraphHarness, startTestSubgraph, type SubgraphHarness, type TestSubgraph } from "../../../test/support/subgraph";
import { delivery as deliveryDefinition } from "../../delivery/src/definition";
import { labor as laborDefinition } from "../../labor/src/definition";
import { civilAffairs } from "../src/definition";
import { headsWithCards, PASSWORD, signIn } from "./people";

const OFFICER = "1000000909";
const ABDULLAH = "1000000099";
const FAHAD = "1000000016";

const count = async (ca: SubgraphHarness, owner: string): Promise<number> =>
  (await ca.db.query(`SELECT count(*)::int AS n FROM ${DATA_ACCESS_PER_OWNER} WHERE owner_id = $1`, [owner]))[0].n;

describe.each(DATABASE_KINDS)("civil-affairs data-access audit (%s database)", (kind) => {
  let ca: SubgraphHarness;
  beforeAll(async () => {
    ca = await startSubgraphHarness(civilAffairs, { kind, env: { ACCESS_PURPOSE_REQUIRED: "true" }, tokens: signIn });
  });
  afterAll(() => ca?.stop());

  it("records an officer's read with its purpose, and refuses one without a purpose (recording nothing)", async () => {
    const officer = await ca.as({ nationalId: OFFICER, roles: ["CIVIL_AFFAIRS_OFFICER"] });
    const before = await count(ca, ABDULLAH);
    const refused = await officer(`{ citizen(nationalId: "${ABDULLAH}") { fullNameAr } }`, {}, { "x-access-purpose": "   " });
    expect(codes(refused)).toEqual(["FORBIDDEN"]);
    expect(refused.errors![0]!.extensions!.reason).toBe("PURPOSE_REQUIRED");
    expect(await count(ca, ABDULLAH)).toBe(before);

    const read = await officer(`query LookUp { citizen(nationalId: "${ABDULLAH}") { fullNameAr mobile } }`, {}, { "x-access-purpose": "Complaint 17", "x-request-id": "req-audit-1" });
    expect(read.errors).toBeUndefined();
    const rows = await ca.db.query(`SELECT * FROM ${DATA_ACCESS_PER_OWNER} WHERE owner_id = $1 AND request_id = 'req-audit-1'`, [ABDULLAH]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ accessor_id: OFFICER, action: "READ", purpose: "Complaint 17", operation_name: "LookUp" });
    expect([...rows[0].fields].sort()).toEqual(["Citizen.fullNameAr", "Citizen.mobile"]);
    expect(rows[0].accessor_roles).toEqual(expect.arrayContaining(["CIVIL_AFFAIRS_OFFICER"]));
  });

  it("records each member's citizen an officer reads through a family's members, and refuses them without a purpose", async () => {
    const officer = await ca.as({ nationalId: OFFICER, roles: ["CIVIL_AFFAIRS_OFFICER"] });
    const [{ register_number: register }] = await ca.db.query(`SELECT register_number FROM family_member WHERE national_id = $1`, [ABDULLAH]);
    const members: string[] = (await ca.db.query(`SELECT national_id FROM family_member WHERE register_number = $1 ORDER BY national_id`, [register])).map(
      (row: { national_id: string }) => row.national_id,
    );
    const query = `query Members($register: ID!) { family(registerNumber: $register) { members { relation citizen { nationalId fullNameAr } } } }`;
    const refused = await officer(query, { register }, { "x-access-purpose": "", "x-request-id": "req-members-refused" });
    expect(codes(refused)).toEqual(["FORBIDDEN"]);
    expect(refused.errors![0]!.extensions!.reason).toBe("PURPOSE_REQUIRED");
    expect(await ca.db.query(`SELECT 1 FROM ${DATA_ACCESS_PER_OWNER} WHERE request_id = 'req-members-refused'`)).toEqual([]);

    const read = await officer(query, { register }, { "x-access-purpose": "Complaint 19", "x-request-id": "req-members" });
    expect(read.errors).toBeUndefined();
    const shown = (read.data as { family: { members: Array<{ citizen: { nationalId: string } }> } }).family.members.map((member) => member.citizen.nationalId);
    expect([...shown].sort()).toEqual(members);
    const rows = await ca.db.query(`SELECT owner_id, fields FROM ${DATA_ACCESS_PER_OWNER} WHERE request_id = 'req-members' ORDER BY owner_id`);
    expect(rows.map((row: { owner_id: string }) => row.owner_id)).toEqual(members);
    for (const row of rows) expect(row.fields).toEqual(expect.arrayContaining(["Citizen.fullNameAr", "Citizen.nationalId", "FamilyMember.relation"]));
  });

  it("keeps an Arabic purpose as the officer wrote it: browsers send it percent-encoded, ASCII as typed", async () => {
    const officer = await ca.as({ nationalId: OFFICER, roles: ["CIVIL_AFFAIRS_OFFICER"] });
    const stated = [
      ["مراجعة طلب بطاقة العائلة", encodeURIComponent("مراجعة طلب بطاقة العائلة")],
      ["Complaint 18", "Complaint 18"],
      ["100% of the register checked", "100% of the register checked"],
    ];
    for (const [index, [purpose, sent]] of stated.entries()) {
      const read = await officer(`{ citizen(nationalId: "${ABDULLAH}") { fullNameAr } }`, {}, { "x-access-purpose": sent!, "x-request-id": `req-purpose-${index}` });
      expect(read.errors).toBeUndefined();
      const [row] = await ca.db.query(`SELECT purpose FROM ${DATA_ACCESS_PER_OWNER} WHERE owner_id = $1 AND request_id = $2`, [ABDULLAH, `req-purpose-${index}`]);
      expect(row.purpose).toBe(purpose);
    }
  });

  it("lists a refused field as refused, never as read, in the owner's report", async () => {
    const noura = await ca.as({ nationalId: "1000000024" }); // Fahad's wife: reads the family's applications, not their documents
    const response = await noura(`{ me { family { applications { status documents { id } } } } }`, {}, { "x-request-id": "req-audit-refused" });
    expect(response.errors).toBeUndefined();
    expect(response.data.me.family.applications.flatMap((application: { documents: unknown[] }) => application.documents)).toEqual([]);
    const fahad = await ca.as({ nationalId: FAHAD });
    const report = await fahad(`{ myDataAccesses { civilAffairs(first: 20) { requestId fields refusedFields outcome } } }`);
    const row = report.data.myDataAccesses.civilAffairs.find((r: { requestId: string }) => r.requestId === "req-audit-refused");
    expect(row.fields).toEqual(expect.arrayContaining(["CardApplication.status"]));
    expect(row.fields).not.toContain("CardApplication.documents");
    expect(row.refusedFields).toEqual(["CardApplication.documents"]);
    expect(row.outcome).toBe("COMPLETED");
  });

  it("lists another's refused read of a person or a register, named by its number, as refused in that person's report, with the fields asked for", async () => {
    const abdullah = await ca.as({ nationalId: "1000000099" });
    // A citizen states no purpose and names no operation for the record: what he sends is not shown to the person as if an agency had written it.
    const refused = await abdullah(`query URGENT_your_card_is_suspended_call_0551234567 { citizen(nationalId: "١٠٠٠٠٠٠٠١٦") { fullNameAr mobile } family(registerNumber: "3000000001") { registerNumber ... on Family { members { relation } } } }`, {}, { "x-request-id": "req-audit-named", "x-access-purpose": "Court order 2026/77: account frozen, call 0501234567" });
    expect(codes(refused)).toEqual(["FORBIDDEN", "FORBIDDEN"]);
    const nobody = await abdullah(`{ citizen(nationalId: "1000000990") { fullNameAr } }`, {}, { "x-request-id": "req-audit-nobody" });
    expect(codes(nobody)).toEqual(codes(await abdullah(`{ citizen(nationalId: "1000000016") { fullNameAr } }`)));
    const fahad = await ca.as({ nationalId: FAHAD });
    const report = await fahad(`{ myDataAccesses { civilAffairs(first: 50) { requestId fields refusedFields outcome purpose operationName } } }`);
    const rows = report.data.myDataAccesses.civilAffairs.filter((r: { requestId: string }) => r.requestId === "req-audit-named");
    expect(rows).toEqual([{ requestId: "req-audit-named", fields: [], refusedFields: ["Citizen.fullNameAr", "Citizen.mobile", "Family.members", "Family.registerNumber"], outcome: "REFUSED", purpose: null, operationName: null }]);
    const [written] = await ca.db.query(`SELECT count(*)::int AS n FROM data_access WHERE request_id = 'req-audit-nobody'`);
    expect(written.n).toBe(0);
  });

  it("pages a report as the other lists do: first from 1 to 500, else OUT_OF_RANGE", async () => {
    const fahad = await ca.as({ nationalId: FAHAD });
    for (const first of [0, -1, 501]) {
      const response = await fahad(`query($first: Int) { myDataAccesses { civilAffairs(first: $first) { requestId } } }`, { first });
      expect({ first, violations: response.errors?.[0]?.extensions?.violations?.map((v: { field: string; rule: string }) => `${v.field}:${v.rule}`) }).toEqual({ first, violations: ["first:OUT_OF_RANGE"] });
    }
    expect((await fahad(`{ myDataAccesses { civilAffairs(first: 500) { requestId } } }`)).errors).toBeUndefined();
  });

  it("lists a contact field withheld from a labor officer (null in his answer) as refused, not read, in the owner's report", async () => {
    const officer = await ca.as({ nationalId: "1000000917", roles: ["LABOR_OFFICER"] });
    const response = await officer(`{ family(registerNumber: "3000000002") { members { citizen { nationalId fullNameAr mobile nationalAddress { city } } } } }`, {}, {
      "x-access-purpose": "Support review 8",
      "x-request-id": "req-audit-withheld",
    });
    expect(response.errors).toBeUndefined();
    const hind = response.data.family.members.find((m: { citizen: { nationalId: string } }) => m.citizen.nationalId === "1000000107").citizen;
    expect(hind).toMatchObject({ mobile: null, nationalAddress: null });
    const [row] = await ca.db.query(`SELECT fields, refused_fields FROM ${DATA_ACCESS_PER_OWNER} WHERE owner_id = '1000000107' AND request_id = 'req-audit-withheld'`);
    expect(row.fields).toEqual(expect.arrayContaining(["Citizen.fullNameAr", "Citizen.nationalId"]));
    expect(row.fields).not.toContain("Citizen.mobile");
    expect(row.fields).not.toContain("Citizen.nationalAddress");
    expect([...row.refused_fields].sort()).toEqual(["Citizen.mobile", "Citizen.nationalAddress"]);
  });

  it("records a family member's read of the others, not of oneself, and nothing for one's own record", async () => {
    const fahad = await ca.as({ nationalId: FAHAD });
    const [wifeBefore, fahadBefore] = [await count(ca, "1000000024"), await count(ca, FAHAD)];
    expect((await fahad(`{ me { fullNameAr family { members { citizen { fullNameAr } } } } }`)).errors).toBeUndefined();
    expect(await count(ca, "1000000024")).toBe(wifeBefore + 1);
    expect(await count(ca, FAHAD)).toBe(fahadBefore);
  });

  it("records a read of families' cards for every member, in one record per field set, whether or not the members were read", async () => {
    const officer = await ca.as({ nationalId: OFFICER, roles: ["CIVIL_AFFAIRS_OFFICER"], purpose: "Card check" });
    const [register] = (await ca.db.query(`SELECT register_number FROM family_member WHERE national_id = $1`, [FAHAD])) as Array<{ register_number: string }>;
    const members = ((await ca.db.query(`SELECT national_id FROM family_member WHERE register_number = $1 ORDER BY 1`, [register!.register_number])) as Array<{ national_id: string }>).map((m) => m.national_id);
    const recorded = async (requestId: string) =>
      (await ca.db.query(`SELECT owner_ids, fields FROM data_access WHERE request_id = $1`, [requestId])) as Array<{ owner_ids: string[]; fields: string[] }>;
    const query = (fields: string) => `query($r: ID!) { family(registerNumber: $r) { ${fields} } }`;
    expect((await officer(query("card { cardNumber }"), { r: register!.register_number }, { "x-request-id": "req-cards-only" })).errors).toBeUndefined();
    expect((await officer(query("card { cardNumber } members { relation }"), { r: register!.register_number }, { "x-request-id": "req-cards-members" })).errors).toBeUndefined();
    const cardsOnly = await recorded("req-cards-only");
    expect(cardsOnly.map((record) => [...record.owner_ids].sort())).toEqual([members]);
    expect([...cardsOnly[0]!.fields].sort()).toEqual(["Family.card", "FamilyCard.cardNumber"]);
    const withMembers = await recorded("req-cards-members");
    expect(withMembers.flatMap((record) => record.owner_ids).sort()).toEqual(members);
  });

  it("records an officer's change as CHANGE, and shows a citizen only their own report", async () => {
    const [head] = await headsWithCards(ca.db, 1);
    const applicant = await ca.as({ nationalId: head! });
    const created = await applicant(`mutation { r: createCardApplication(input: { kind: REPLACEMENT_LOST, lossDeclaration: true, deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "RUH-01" }) { id } }`);
    const id = created.data.r.id as string;
    expect((await applicant(`mutation($id: ID!) { submitCardApplication(id: $id) { status } }`, { id })).errors).toBeUndefined();
    const officer = await ca.as({ nationalId: OFFICER, roles: ["CIVIL_AFFAIRS_OFFICER"] });
    const noPurpose = await officer(`mutation($id: ID!) { startReview(id: $id) { status } }`, { id }, { "x-access-purpose": "" });
    expect(codes(noPurpose)).toEqual(["FORBIDDEN"]);
    expect((await ca.db.query(`SELECT status FROM card_application WHERE id = $1`, [id]))[0].status).toBe("SUBMITTED");
    expect((await officer(`mutation Review($id: ID!) { startReview(id: $id) { status } }`, { id }, { "x-access-purpose": "Queue work" })).errors).toBeUndefined();

    const report = await applicant(`{ myDataAccesses { nationalId civilAffairs { accessorNationalId action fields purpose operationName } } }`);
    expect(report.data.myDataAccesses.nationalId).toBe(head);
    expect(report.data.myDataAccesses.civilAffairs[0]).toMatchObject({
      accessorNationalId: OFFICER,
      action: "CHANGE",
      purpose: "Queue work",
      operationName: "Review",
      fields: expect.arrayContaining(["Mutation.startReview", "CardApplication.status"]),
    });
    // Someone else's report, asked for by key, is refused.
    const other = await applicant(`query($r: [_Any!]!) { _entities(representations: $r) { ... on DataAccessReport { civilAffairs { at } } } }`, {
      r: [{ __typename: "DataAccessReport", nationalId: FAHAD }],
    });
    expect(codes(other)).toEqual(["FORBIDDEN"]);
  });

  it("keeps the trail append-only: UPDATE, DELETE and TRUNCATE are refused by the database", async () => {
    expect(await count(ca, ABDULLAH)).toBeGreaterThan(0);
    await expect(ca.db.query(`UPDATE data_access SET purpose = 'rewritten'`)).rejects.toThrow(/append-only/);
    await expect(ca.db.query(`DELETE FROM data_access`)).rejects.toThrow(/append-only/);
    await expect(ca.db.query(`TRUNCATE data_access`)).rejects.toThrow(/append-only/);
    expect(await count(ca, ABDULLAH)).toBeGreaterThan(0);
  });
});

describe("token revocation, directly against each subgraph", () => {
  let ca: SubgraphHarness;
  let labor: TestSubgraph;
  let delivery: TestSubgraph;
  const REFRESH = { TOKEN_REVOCATION_REFRESH_MS: "200" };
  beforeAll(async () => {
    ca = await startSubgraphHarness(civilAffairs, { kind: "embedded", env: REFRESH, tokens: signIn });
    [labor, delivery] = await Promise.all([
      startTestSubgraph(laborDefinition, { kind: "embedded", civilAffairsUrl: ca.url, demoData: false, env: REFRESH }),
      startTestSubgraph(deliveryDefinition, { kind: "embedded", civilAffairsUrl: ca.url, demoData: false, env: REFRESH }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([labor?.stop(), delivery?.stop()]);
    await ca?.stop();
  });

  it("refuses a logged-out token at civil-affairs at once, and at labor and delivery after the refresh", async () => {
    await ca.as({ nationalId: FAHAD }); // creates the account with PASSWORD
    const login = await graphql(ca.graphqlUrl, `mutation($pw: String!) { login(nationalId: "${FAHAD}", password: $pw) { accessToken } }`, { pw: PASSWORD });
    const token = login.data.login.accessToken as string;
    const probe = `{ _service { sdl } }`;
    for (const url of [ca.graphqlUrl, labor.graphqlUrl, delivery.graphqlUrl]) {
      expect((await graphql(url, probe, {}, { token })).status).toBe(200);
    }
    expect((await graphql(ca.graphqlUrl, `mutation { logout }`, {}, { token })).data).toEqual({ logout: true });
    const atOnce = await graphql(ca.graphqlUrl, `{ me { nationalId } }`, {}, { token });
    expect([atOnce.status, codes(atOnce)]).toEqual([401, ["UNAUTHENTICATED"]]);

    await new Promise((resolve) => setTimeout(resolve, 450));
    for (const url of [labor.graphqlUrl, delivery.graphqlUrl]) {
      const refused = await graphql(url, probe, {}, { token });
      expect([url, refused.status, codes(refused)]).toEqual([url, 401, ["UNAUTHENTICATED"]]);
    }
    const published = await (await fetch(`${ca.url}/.well-known/revoked-tokens`)).json();
    expect(published.revoked).toHaveLength(1);
    expect(published.revoked[0]).toEqual({ jti: expect.any(String), expiresAt: expect.any(String) });
    // Without a token, logout is UNAUTHENTICATED.
    expect(codes(await graphql(ca.graphqlUrl, `mutation { logout }`))).toEqual(["UNAUTHENTICATED"]);
  });
});
