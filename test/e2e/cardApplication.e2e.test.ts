import { codes, graphql, violationRules, type GraphQLResponse, PURPOSE } from "../support/http";
import { startInProcessPlatform, type InProcessPlatform } from "../support/inProcessPlatform";

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]).toString("base64");
const APPLICATION = `id status version missingDocuments fee { halalas formatted } history { from to by note }`;

describe("a family card application, end to end through the gateway", () => {
  let platform: InProcessPlatform;
  let call: (token: string, query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse>;
  beforeAll(async () => {
    platform = await startInProcessPlatform();
    call = (token, query, variables = {}) => graphql(platform.gatewayUrl, query, variables, { token, headers: PURPOSE });
  });
  afterAll(() => platform?.stop());

  it("takes Khalid from a draft to an issued card in his new family register", async () => {
    const khalid = await platform.login("1000000057");
    const officer = await platform.login("1000000909");

    const created = await call(khalid, `mutation { createCardApplication(input: { kind: NEW_CARD, spouseIds: ["1000000065"], childIds: ["1000000073", "1000000081"], deliveryMethod: SAUDI_POST }) { ${APPLICATION} } }`);
    expect(created.errors).toBeUndefined();
    const application = created.data.createCardApplication;
    expect(application).toMatchObject({ status: "DRAFT", version: 1, missingDocuments: ["BIRTH_CERTIFICATE"], fee: { halalas: 0 } });

    // Submitting now reports every problem at once: no address, Saad's birth certificate.
    const refused = await call(khalid, `mutation($id: ID!) { submitCardApplication(id: $id) { id } }`, { id: application.id });
    expect(codes(refused)).toEqual(["BAD_USER_INPUT"]);
    expect(violationRules(refused).sort()).toEqual(["ADDRESS_REQUIRED", "DOCUMENT_MISSING"]);

    // He drops Saad (whose birth record names another father) and adds his address.
    const updated = await call(khalid, `mutation($id: ID!) { updateCardApplication(id: $id, input: { childIds: ["1000000073"] }, expectedVersion: 1) { ${APPLICATION} } }`, { id: application.id });
    expect(updated.data.updateCardApplication).toMatchObject({ version: 2, missingDocuments: [] });
    // The same again, or nothing at all: no new version to make another client's stale.
    for (const input of [`{ childIds: ["1000000073"] }`, `{}`]) {
      const same = await call(khalid, `mutation($id: ID!) { updateCardApplication(id: $id, input: ${input}, expectedVersion: 2) { version } }`, { id: application.id });
      expect(same.data.updateCardApplication).toEqual({ version: 2 });
    }
    const address = await call(khalid, `mutation { updateNationalAddress(input: { buildingNumber: "٣٣١٢", street: "Prince Turki Street", district: "Al Yarmouk", city: "Riyadh", postalCode: "13243", additionalNumber: "6621", shortAddress: "rryk3312" }) { nationalAddress { buildingNumber shortAddress } } }`);
    expect(address.data.updateNationalAddress.nationalAddress).toEqual({ buildingNumber: "3312", shortAddress: "RRYK3312" });

    const submitted = await call(khalid, `mutation($id: ID!) { submitCardApplication(id: $id, idempotencyKey: "khalid-1") { status version deliveryAddress { city } } }`, { id: application.id });
    expect(submitted.data.submitCardApplication).toEqual({ status: "SUBMITTED", version: 3, deliveryAddress: { city: "Riyadh" } });
    const again = await call(khalid, `mutation($id: ID!) { submitCardApplication(id: $id, idempotencyKey: "khalid-1") { status version } }`, { id: application.id });
    expect(again.data.submitCardApplication).toEqual({ status: "SUBMITTED", version: 3 });

    const reviewing = await call(officer, `mutation($id: ID!) { startReview(id: $id, expectedVersion: 3) { status version } }`, { id: application.id });
    expect(reviewing.data.startReview).toEqual({ status: "UNDER_REVIEW", version: 4 });
    const stale = await call(officer, `mutation($id: ID!) { approveCardApplication(id: $id, expectedVersion: 3) { status } }`, { id: application.id });
    expect(codes(stale)).toEqual(["CONFLICT"]);
    const correction = await call(officer, `mutation($id: ID!) { requestCorrection(id: $id, notes: "Please confirm the delivery address.", expectedVersion: 4) { status correctionNotes } }`, { id: application.id });
    expect(correction.data.requestCorrection).toEqual({ status: "NEEDS_CORRECTION", correctionNotes: "Please confirm the delivery address." });

    const resubmitted = await call(khalid, `mutation($id: ID!) { submitCardApplication(id: $id) { status version } }`, { id: application.id });
    expect(resubmitted.data.submitCardApplication).toEqual({ status: "SUBMITTED", version: 6 });
    await call(officer, `mutation($id: ID!) { startReview(id: $id) { status } }`, { id: application.id });
    const approved = await call(officer, `mutation($id: ID!) { approveCardApplication(id: $id, expectedVersion: 7) { status decidedAt } }`, { id: application.id });
    expect(approved.data.approveCardApplication.status).toBe("APPROVED");
    const issued = await call(officer, `mutation($id: ID!) { issueFamilyCard(applicationId: $id) { cardNumber version status family { registerNumber memberCount } } }`, { id: application.id });
    expect(issued.errors).toBeUndefined();
    expect(issued.data.issueFamilyCard).toMatchObject({ version: 1, status: "ACTIVE", family: { memberCount: 3 } });

    const family = await call(khalid, `{ me { family { registerNumber members { relation citizen { nationalId } } card { cardNumber status application { status history { to } } } } } }`);
    expect(family.errors).toBeUndefined();
    expect(family.data.me.family.card).toMatchObject({ cardNumber: issued.data.issueFamilyCard.cardNumber, status: "ACTIVE" });
    expect(family.data.me.family.card.application.history.map((h: { to: string }) => h.to)).toEqual([
      "DRAFT", "SUBMITTED", "UNDER_REVIEW", "NEEDS_CORRECTION", "SUBMITTED", "UNDER_REVIEW", "APPROVED", "ISSUED",
    ]);
    expect(family.data.me.family.members).toEqual(
      expect.arrayContaining([
        { relation: "HEAD", citizen: { nationalId: "1000000057" } },
        { relation: "SPOUSE", citizen: { nationalId: "1000000065" } },
        { relation: "SON", citizen: { nationalId: "1000000073" } },
      ]),
    );
  });

  it("charges Fahad 100 SAR for a lost card delivered to an office, and replaces his card", async () => {
    const fahad = await platform.login("1000000016");
    const officer = await platform.login("1000000909");
    const missing = await call(fahad, `mutation { createCardApplication(input: { kind: REPLACEMENT_LOST, deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "RUH-01" }) { id } }`);
    const id = missing.data.createCardApplication.id;
    const refused = await call(fahad, `mutation($id: ID!) { submitCardApplication(id: $id) { id } }`, { id });
    expect(violationRules(refused)).toEqual(["LOSS_DECLARATION_REQUIRED"]);
    await call(fahad, `mutation($id: ID!) { updateCardApplication(id: $id, input: { lossDeclaration: true }) { id } }`, { id });
    const submitted = await call(fahad, `mutation($id: ID!) { submitCardApplication(id: $id) { status fee { halalas currency formatted } pickupOffice { city } } }`, { id });
    expect(submitted.data.submitCardApplication).toEqual({ status: "SUBMITTED", fee: { halalas: 10000, currency: "SAR", formatted: "SAR 100.00" }, pickupOffice: { city: "Riyadh" } });
    await call(officer, `mutation($id: ID!) { startReview(id: $id) { id } }`, { id });
    await call(officer, `mutation($id: ID!) { approveCardApplication(id: $id) { id } }`, { id });
    const issued = await call(officer, `mutation($id: ID!) { issueFamilyCard(applicationId: $id) { cardNumber version } }`, { id });
    expect(issued.data.issueFamilyCard).toEqual({ cardNumber: "FC300000000102", version: 2 });
    const cards = await call(fahad, `{ me { family { card { cardNumber } cards { cardNumber status version } } } }`);
    expect(cards.data.me.family.card.cardNumber).toBe("FC300000000102");
    expect(cards.data.me.family.cards).toEqual([
      { cardNumber: "FC300000000102", status: "ACTIVE", version: 2 },
      { cardNumber: "FC300000000101", status: "REPLACED", version: 1 },
    ]);
  });

  it("refuses a resident with rule NOT_SAUDI and keeps nothing", async () => {
    const resident = await platform.login("2000000014");
    const refused = await call(resident, `mutation { createCardApplication(input: { kind: NEW_CARD }) { id } }`);
    expect(violationRules(refused)).toContain("NOT_SAUDI");
    const mine = await call(resident, `{ myCardApplications { id } }`);
    expect(mine.data.myCardApplications).toEqual([]);
  });

  it("gives officers a paged queue and analysts aggregates only", async () => {
    const officer = await platform.login("1000000909");
    const page = await call(officer, `{ cardApplications(status: ISSUED, first: 2) { totalCount edges { cursor node { status } } pageInfo { hasNextPage endCursor } } }`);
    expect(page.data.cardApplications.edges).toHaveLength(2);
    expect(page.data.cardApplications.pageInfo.hasNextPage).toBe(true);
    const next = await call(officer, `query($after: String) { cardApplications(status: ISSUED, first: 2, after: $after) { edges { cursor } } }`, { after: page.data.cardApplications.pageInfo.endCursor });
    expect(next.data.cardApplications.edges[0].cursor).not.toBe(page.data.cardApplications.edges[0].cursor);
    // A page far too large is refused by the rule it breaks, on `first`, whatever the selection would cost at that size.
    for (const first of [101, 1_000_000, 2_147_483_647]) {
      const tooMany = await call(officer, `query($first: Int) { cardApplications(first: $first) { totalCount edges { node { id status kind applicant { fullNameAr } spouses { nationalId } children { nationalId } history { from to at } documents { id } } } } }`, { first });
      expect({ first, codes: codes(tooMany), violations: tooMany.errors?.[0]?.extensions?.violations?.map((v: { field: string; rule: string }) => `${v.field}:${v.rule}`) }).toEqual({ first, codes: ["BAD_USER_INPUT"], violations: ["first:OUT_OF_RANGE"] });
    }
    const bothWrong = await call(officer, `{ cardApplications(first: 0, after: "not-a-cursor") { totalCount } }`);
    expect(violationRules(bothWrong)).toEqual(["OUT_OF_RANGE", "BAD_CURSOR"]);
    const analyst = await platform.login("1000000933");
    const queue = await call(analyst, `{ cardApplications { totalCount } }`);
    expect(codes(queue)).toEqual(["FORBIDDEN"]);
    // The demo history spreads applications over the last 90 days.
    const from = new Date(Date.now() - 90 * 86_400_000).toISOString();
    const stats = await call(analyst, `query($from: DateTime) { applicationStats(from: $from) { total byStatus { status count } byKind { kind count } submittedPerDay { day count } issuedPerDay { day count } medianHoursToIssue } }`, { from });
    const { total, byStatus, byKind, submittedPerDay, issuedPerDay, medianHoursToIssue } = stats.data.applicationStats;
    const sum = (rows: Array<{ count: number }>) => rows.reduce((all, row) => all + row.count, 0);
    expect(total).toBe(sum(byStatus));
    expect(total).toBe(sum(byKind));
    expect(byStatus.every((row: { count: number }) => row.count > 0)).toBe(true);
    expect(submittedPerDay).toHaveLength(91);
    expect(sum(issuedPerDay)).toBeGreaterThan(10);
    expect(medianHoursToIssue).toBeGreaterThan(0);
    expect(JSON.stringify(stats.data)).not.toMatch(/\d{10}/); // no national IDs or register numbers
  });

  it("accepts a PNG document for a draft and lists it to the applicant only", async () => {
    const abdullah = await platform.login("1000000099");
    const created = await call(abdullah, `mutation { createCardApplication(input: { kind: REPLACEMENT_DAMAGED, deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "JED-01" }) { id missingDocuments } }`);
    const { id, missingDocuments } = created.data.createCardApplication;
    expect(missingDocuments).toEqual(["DAMAGED_CARD_PHOTO"]);
    const attached = await call(abdullah, `mutation($input: AttachDocumentInput!) { attachDocument(input: $input) { type mimeType sizeBytes sha256 } }`, {
      input: { applicationId: id, type: "DAMAGED_CARD_PHOTO", fileName: "card.png", mimeType: "image/png", contentBase64: PNG },
    });
    expect(attached.data.attachDocument).toMatchObject({ type: "DAMAGED_CARD_PHOTO", mimeType: "image/png", sizeBytes: 12 });
    const after = await call(abdullah, `query($id: ID!) { cardApplication(id: $id) { missingDocuments documents { fileName } } }`, { id });
    expect(after.data.cardApplication).toEqual({ missingDocuments: [], documents: [{ fileName: "card.png" }] });
    const wife = await platform.login("1000000107");
    const other = await call(wife, `query($id: ID!) { cardApplication(id: $id) { id } }`, { id });
    expect(codes(other)).toEqual(["FORBIDDEN"]);
  });
});
