import { createRequestContext } from "../../../kernel/context";
import type { Role } from "../../../kernel/auth/viewer";
import { createLogger } from "../../../kernel/logger";
import { codes, graphql } from "../../../test/support/http";
import { countStatements } from "../../../kernel/database/statementCounter";
import { assertCanReadFamily } from "../src/registry/access";
import { activeCardByRegister, citizenById, familyByRegister, membersByRegister } from "../src/registry/loaders";
import { startSubgraphHarness, type SubgraphHarness } from "../../../test/support/subgraph";
import { civilAffairs } from "../src/definition";
import { PASSWORD, signIn } from "./people";

/**
 * What each role sees of a person (RULES.md "Identity and roles"). Before, a labor officer read
 * citizens' whole mobiles and national addresses.
 */
const ABDULLAH = "1000000099"; // head, with mobile and national address
const HIND = "1000000107"; // his wife
const PERSON = `citizen(nationalId: "${ABDULLAH}") { fullNameAr birthDate nationality mobile nationalAddress { city } }`;
const NAMES = { fullNameAr: "عبدالله ناصر الدوسري", birthDate: "1975-08-30", nationality: "SA" };

describe("what each role sees of a person", () => {
  let ca: SubgraphHarness;
  beforeAll(async () => {
    ca = await startSubgraphHarness(civilAffairs, { kind: "embedded", tokens: signIn });
  });
  afterAll(() => ca?.stop());

  it.each([
    ["the person himself", ABDULLAH, [], { mobile: "0569876543", nationalAddress: { city: "جدة" } }],
    ["a civil-affairs officer", "1000000909", ["CIVIL_AFFAIRS_OFFICER"], { mobile: "0569876543", nationalAddress: { city: "جدة" } }],
    ["his wife", HIND, [], { mobile: "05******43", nationalAddress: { city: "جدة" } }],
    ["a labor officer", "1000000917", ["LABOR_OFFICER"], { mobile: null, nationalAddress: null }],
    // An officer is a citizen too: in her own family she sees what the family sees.
    ["his wife, a labor officer herself", HIND, ["LABOR_OFFICER"], { mobile: "05******43", nationalAddress: { city: "جدة" } }],
    ["his wife, a postal operator herself", HIND, ["POST_OPERATOR"], { mobile: "05******43", nationalAddress: { city: "جدة" } }],
  ] as const)("%s", async (_who, viewer, roles, contact) => {
    const as = await ca.as({ nationalId: viewer, roles: [...roles] });
    const response = await as(`{ ${PERSON} }`);
    expect(response.errors).toBeUndefined();
    expect(response.data.citizen).toEqual({ ...NAMES, ...contact });
  });

  it("shows the one who signs in his own record in the sign-in's answer, as `me` does", async () => {
    await signIn(ca).tokenFor(ABDULLAH);
    const signedIn = await graphql(ca.graphqlUrl, `mutation($pw: String!) { login(nationalId: "${ABDULLAH}", password: $pw) { citizen { mobile nationalAddress { city } family { registerNumber } } } }`, { pw: PASSWORD });
    expect(signedIn.errors).toBeUndefined();
    expect(signedIn.data.login.citizen).toEqual({ mobile: "0569876543", nationalAddress: { city: "جدة" }, family: { registerNumber: "3000000002" } });
    // Beside another mutation the sign-in lends it nothing: that one runs as the request's own token (none here).
    const beside = await graphql(
      ca.graphqlUrl,
      `mutation($pw: String!) { login(nationalId: "${ABDULLAH}", password: $pw) { accessToken } createCardApplication(input: { kind: REPLACEMENT_DAMAGED, deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "JED-01" }) { id } }`,
      { pw: PASSWORD },
    );
    expect(codes(beside)).toEqual(["UNAUTHENTICATED"]);
    // Nor when the two come through a fragment.
    const spread = await graphql(
      ca.graphqlUrl,
      `mutation($pw: String!) { ...Both } fragment Both on Mutation { login(nationalId: "${ABDULLAH}", password: $pw) { accessToken } createCardApplication(input: { kind: REPLACEMENT_DAMAGED, deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "JED-01" }) { id } }`,
      { pw: PASSWORD },
    );
    expect(codes(spread)).toEqual(["UNAUTHENTICATED"]);
  });

  it.each([
    ["a postal operator", "1000000925", ["POST_OPERATOR"]],
    ["an analyst", "1000000933", ["ANALYST"]],
    ["another citizen", "1000000016", []],
  ] as const)("refuses %s", async (_who, viewer, roles) => {
    const as = await ca.as({ nationalId: viewer, roles: [...roles] });
    expect(codes(await as(`{ ${PERSON} }`))).toEqual(["FORBIDDEN"]);
  });

  it("answers a missing person and someone else's alike, and a missing application and someone else's alike", async () => {
    const fahad = await ca.as({ nationalId: "1000000016" });
    const stranger = await fahad(`{ citizen(nationalId: "${ABDULLAH}") { fullNameAr } }`);
    const missing = await fahad(`{ citizen(nationalId: "1000000990") { fullNameAr } }`);
    expect([codes(missing), missing.data]).toEqual([codes(stranger), stranger.data]);
    const abdullah = await ca.as({ nationalId: ABDULLAH });
    const own = await abdullah(`mutation { createCardApplication(input: { kind: REPLACEMENT_DAMAGED, deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "JED-01" }) { id } }`);
    const id = own.data.createCardApplication.id;
    const others = await fahad(`query($id: ID!) { cardApplication(id: $id) { status } }`, { id });
    const none = await fahad(`query($id: ID!) { cardApplication(id: $id) { status } }`, { id: "00000000-0000-4000-8000-000000000000" });
    expect(codes(others)).toEqual(["FORBIDDEN"]);
    expect([codes(none), none.data]).toEqual([codes(others), others.data]);
    // So does every applicant's mutation: none tells him which IDs name an application.
    const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex").toString("base64");
    for (const mutation of [
      `mutation($id: ID!) { updateCardApplication(id: $id, input: { lossDeclaration: true }) { id } }`,
      `mutation($id: ID!) { attachDocument(input: { applicationId: $id, type: DAMAGED_CARD_PHOTO, fileName: "card.png", mimeType: "image/png", contentBase64: "${PNG}" }) { type } }`,
      `mutation($id: ID!) { submitCardApplication(id: $id, idempotencyKey: "k-1") { id } }`,
      `mutation($id: ID!) { cancelCardApplication(id: $id) { id } }`,
    ]) {
      const [onOthers, onNone] = [await fahad(mutation, { id }), await fahad(mutation, { id: "00000000-0000-4000-8000-000000000000" })];
      expect([mutation, codes(onNone)]).toEqual([mutation, codes(onOthers)]);
      expect(codes(onOthers)).toEqual(["FORBIDDEN"]);
    }
  });

  it("shows a family's applications, and the application a card was issued for, to its members and civil-affairs officers only", async () => {
    const [card] = await ca.db.query(
      `SELECT k.card_number, k.register_number FROM family_card k JOIN family_member m ON m.register_number = k.register_number WHERE m.national_id = $1 AND k.status = 'ACTIVE'`,
      [ABDULLAH],
    );
    const query = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Family { applications { status } } ... on FamilyCard { application { status } } } }`;
    const representations = [{ __typename: "Family", registerNumber: card.register_number }, { __typename: "FamilyCard", cardNumber: card.card_number }];
    const read = async (nationalId: string, roles: Role[] = []) => (await ca.as({ nationalId, roles }))(query, { representations });
    for (const reader of [await read(HIND), await read("1000000909", ["CIVIL_AFFAIRS_OFFICER"])]) {
      expect(reader.errors).toBeUndefined();
      expect(reader.data._entities).toEqual([{ applications: expect.any(Array) }, { application: expect.anything() }]);
    }
    // A labor officer reads the register, not civil-affairs' own records of it; another citizen neither.
    expect(codes(await read("1000000917", ["LABOR_OFFICER"]))).toEqual(["FORBIDDEN", "FORBIDDEN"]);
    expect(codes(await read("1000000016"))).toEqual(["FORBIDDEN", "FORBIDDEN"]);
  });

  it("keeps a draft its applicant's own: the rest of the family sees the applications once submitted", async () => {
    const abdullah = await ca.as({ nationalId: ABDULLAH });
    const APPLICATIONS = `{ me { family { applications { id status } } } }`;
    const before = (await abdullah(APPLICATIONS)).data.me.family.applications as { id: string; status: string }[];
    const draft =
      before.find((application) => application.status === "DRAFT")?.id ??
      (await abdullah(`mutation { createCardApplication(input: { kind: REPLACEMENT_LOST, deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "JED-01" }) { id } }`)).data.createCardApplication.id;
    // He names a stranger (Fahad's wife) while drafting: his family must not learn of her.
    await abdullah(`mutation($id: ID!) { updateCardApplication(id: $id, input: { spouseIds: ["${HIND}", "1000000024"] }) { id } }`, { id: draft });
    const own = (await abdullah(APPLICATIONS)).data.me.family.applications as { id: string; status: string }[];
    const hind = await (await ca.as({ nationalId: HIND }))(APPLICATIONS);
    expect(hind.errors).toBeUndefined();
    expect(own.map((application) => application.id)).toContain(draft);
    expect(hind.data.me.family.applications).toEqual(own.filter((application) => application.id !== draft));
    expect(hind.data.me.family.applications.length).toBeGreaterThan(0);
    // By ID she reads what her family's list shows her, and the draft no more than through the list.
    const byId = async (id: string) => (await ca.as({ nationalId: HIND }))(`query($id: ID!) { cardApplication(id: $id) { id status documents { type } } }`, { id });
    for (const listed of hind.data.me.family.applications as { id: string; status: string }[]) {
      expect((await byId(listed.id)).data.cardApplication).toEqual({ ...listed, documents: [] });
    }
    const draftById = await byId(draft);
    expect([codes(draftById), draftById.data.cardApplication]).toEqual([["FORBIDDEN"], null]);
    // Once submitted she reads it, but not the ID of the stranger he named: only the people she may see.
    await ca.db.query(`UPDATE card_application SET status = 'SUBMITTED', submitted_at = now() WHERE id = $1`, [draft]);
    const named = `query($id: ID!) { cardApplication(id: $id) { requestedSpouseIds spouses { nationalId } documentRequirements { type personId } } }`;
    const hers = await (await ca.as({ nationalId: HIND }))(named, { id: draft });
    expect(hers.data.cardApplication).toEqual({ requestedSpouseIds: [HIND], spouses: [{ nationalId: HIND }], documentRequirements: [{ type: "DAMAGED_CARD_PHOTO", personId: null }] });
    const his = (await abdullah(named, { id: draft })).data.cardApplication;
    expect(his.requestedSpouseIds).toEqual([HIND, "1000000024"]);
    expect(his.documentRequirements).toEqual([{ type: "MARRIAGE_CONTRACT", personId: "1000000024" }, { type: "DAMAGED_CARD_PHOTO", personId: null }]);
    await abdullah(`mutation($id: ID!) { cancelCardApplication(id: $id) { id } }`, { id: draft });
  });

  it("shows the family's other members its applications without their documents, which are the applicant's, and keeps the family", async () => {
    const QUERY = `{ me { family { registerNumber applications { id documents { type } } } } }`;
    // The application his card was issued for, with a marriage contract as if attached before submission.
    const [withDocuments] = await ca.db.query(`SELECT id FROM card_application WHERE applicant_id = $1 AND status = 'ISSUED' LIMIT 1`, [ABDULLAH]);
    const sha256 = "a".repeat(64);
    await ca.db.query(`INSERT INTO document_blob (sha256, content) VALUES ($1, '%PDF-1.7') ON CONFLICT DO NOTHING`, [sha256]);
    await ca.db.query(
      `INSERT INTO application_document (application_id, type, file_name, mime_type, size_bytes, sha256, uploaded_at) VALUES ($1, 'MARRIAGE_CONTRACT', 'contract.pdf', 'application/pdf', 8, $2, now())`,
      [withDocuments.id, sha256],
    );
    const documentsOf = (response: { data: { me: { family: { applications: Array<{ id: string; documents: unknown[] }> } } } }) =>
      response.data.me.family.applications.find((application) => application.id === withDocuments.id)!.documents;
    const own = await (await ca.as({ nationalId: ABDULLAH }))(QUERY);
    expect(own.errors).toBeUndefined();
    expect(documentsOf(own).length).toBeGreaterThan(0);
    const hind = await (await ca.as({ nationalId: HIND }))(QUERY);
    expect(hind.errors).toBeUndefined();
    expect(hind.data.me.family.registerNumber).toBe(own.data.me.family.registerNumber);
    expect(documentsOf(hind)).toEqual([]);
  });

  it("lists a family's head first, then the spouses, then the children from the eldest", async () => {
    // A register whose head's ID sorts after a child's (as a head registered after his son was born
    // abroad): listed by ID, as before, the son came first. Made from a synthetic family by swapping
    // its head with the child of the largest ID.
    const [family]: Array<{ register_number: string; head: string; child: string }> = await ca.db.query(
      `SELECT h.register_number, h.national_id AS head, max(c.national_id) AS child FROM family_member h
       JOIN family_member c ON c.register_number = h.register_number AND c.relation IN ('SON', 'DAUGHTER') AND c.national_id > h.national_id
       WHERE h.relation = 'HEAD' AND h.register_number NOT IN ('3000000001', '3000000002') GROUP BY 1, 2 ORDER BY 1 DESC LIMIT 1`,
    );
    await ca.db.query(`UPDATE family_member SET relation = CASE national_id WHEN $2 THEN 'SON' ELSE 'HEAD' END WHERE register_number = $1 AND national_id IN ($2, $3)`, [family!.register_number, family!.head, family!.child]);
    const registers = [{ register_number: family!.register_number }, { register_number: "3000000001" }, { register_number: "3000000002" }];
    const officer = await ca.as({ nationalId: "1000000909", roles: ["CIVIL_AFFAIRS_OFFICER"] });
    const rank = { HEAD: 0, SPOUSE: 1, SON: 2, DAUGHTER: 2 } as const;
    for (const { register_number: registerNumber } of registers) {
      const members = (await officer(`query($r: ID!) { family(registerNumber: $r) { members { relation citizen { birthDate } } } }`, { r: registerNumber })).data.family.members as Array<{ relation: keyof typeof rank; citizen: { birthDate: string } }>;
      const ordered = [...members].sort((a, b) => rank[a.relation] - rank[b.relation] || (rank[a.relation] === 2 ? a.citizen.birthDate.localeCompare(b.citizen.birthDate) : 0));
      expect(members).toEqual(ordered);
    }
  });

  it("keeps nothing of a register it refused a citizen in the request's loaders", async () => {
    const ctx = createRequestContext({ viewer: { nationalId: "1000000016", roles: ["CITIZEN"] }, authorization: null, lang: "en", requestId: "t", purpose: null, purposeRequired: false, db: ca.db, log: createLogger("test") });
    const [{ register_number: register }] = await ca.db.query(`SELECT register_number FROM family_member WHERE national_id = $1`, [ABDULLAH]);
    await expect(assertCanReadFamily(ctx, register)).rejects.toMatchObject({ extensions: { code: "FORBIDDEN" } });
    // The check read the register's row, card, members and their citizens; each is read again, none answered from that.
    const { statements } = await countStatements(() =>
      Promise.all([
        ctx.loaders.get(citizenById).load(ABDULLAH),
        ctx.loaders.get(familyByRegister).load(register),
        ctx.loaders.get(activeCardByRegister).load(register),
        ctx.loaders.get(membersByRegister).load(register),
      ]),
    );
    expect(statements).toBe(4);
  });

  it("lets a daughter read her family from her 18th birthday on, by the Riyadh day of the request (pinned)", async () => {
    const SARAH = "1000000040"; // Fahad's daughter, born 2012-07-15
    const readsAt = (now: string) =>
      assertCanReadFamily(
        createRequestContext({ viewer: { nationalId: SARAH, roles: ["CITIZEN"] }, authorization: null, lang: "en", requestId: "t", purpose: null, purposeRequired: false, db: ca.db, log: createLogger("test"), now: new Date(now) }),
        "3000000001",
      );
    await expect(readsAt("2026-11-25T09:00:00Z")).rejects.toMatchObject({ extensions: { code: "FORBIDDEN" } });
    await expect(readsAt("2030-07-14T20:59:59Z")).rejects.toMatchObject({ extensions: { code: "FORBIDDEN" } }); // 23:59:59 in Riyadh, the eve
    await expect(readsAt("2030-07-14T21:00:00Z")).resolves.toBeUndefined(); // midnight in Riyadh: her 18th birthday
    await expect(readsAt("2031-01-01T09:00:00Z")).resolves.toBeUndefined();
  });
});
