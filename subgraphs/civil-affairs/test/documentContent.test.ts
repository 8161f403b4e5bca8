import { DATA_ACCESS_PER_OWNER } from "../../../test/support/dataAccessRows";
import crypto from "node:crypto";
import { DATABASE_KINDS } from "../../../test/support/database";
import { codes, graphql, statements, violationRules } from "../../../test/support/http";
import { inProcessGateway } from "../../../test/support/inProcessGateway";
import type { TestGateway } from "../../../test/support/gatewayProcess";
import { startSubgraphHarness, type Client, type SubgraphHarness } from "../../../test/support/subgraph";
import { civilAffairs } from "../src/definition";
import { signIn } from "./people";

/**
 * A document's bytes for the civil-affairs officer reviewing its application (issue 16): only
 * through `documentContent(id)`, one per request, for the applicant and for an officer four-eyes
 * lets act once the application is submitted; every download in the data-access report of the
 * people the document is about. And `CardApplication.viewerMayAct`, so that the officer's screen
 * says "you may not act on this application" before he tries.
 */
const SULTAN = "1000000909"; // the demo's civil-affairs officer: single, no register
const FAHAD = "1000000016"; // head of a family of 4, active card
const FAHAD_WIFE = "1000000024";
const FAHAD_SON = "1000000032";
const KHALID = "1000000057"; // married to Noura, son Faisal; no register yet
const NOURA = "1000000065";
const KHALID_SON = "1000000073";
const ABDULLAH = "1000000099"; // another family's head

const ATTACH = `mutation($input: AttachDocumentInput!) { attachDocument(input: $input) { id sha256 } }`;
const CONTENT = `query Download($id: ID!) { documentContent(id: $id) { id type fileName mimeType sizeBytes sha256 contentBase64 } }`;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("a photo of a damaged card")]);
const sha256 = (bytes: Buffer) => crypto.createHash("sha256").update(bytes).digest("hex");

/** A PDF of exactly 5 MiB (the largest accepted), random after its header so that a wrong byte anywhere shows. */
function largestPdf(): Buffer {
  const bytes = crypto.randomBytes(5 * 1024 * 1024);
  Buffer.from("%PDF-1.7\n").copy(bytes);
  return bytes;
}

const officerRole = { roles: ["CIVIL_AFFAIRS_OFFICER" as const] };

describe.each(DATABASE_KINDS)("a document's content (%s database)", (kind) => {
  let ca: SubgraphHarness;
  let fahad: Client;
  let khalid: Client;
  let sultan: Client;
  let fahadApplication: string;
  let khalidApplication: string;
  let photo: string; // Fahad's DAMAGED_CARD_PHOTO: about his register's members
  let large: { id: string; bytes: Buffer }; // Fahad's 5 MiB FAMILY_REGISTER_COPY
  let contract: string; // Khalid's MARRIAGE_CONTRACT: about him and Noura, not their son
  let letter: { id: string; bytes: Buffer }; // Khalid's OTHER, whose stored bytes the tests change

  const attach = async (client: Client, applicationId: string, type: string, fileName: string, mimeType: string, bytes: Buffer): Promise<string> => {
    const result = await client(ATTACH, { input: { applicationId, type, fileName, mimeType, contentBase64: bytes.toString("base64") } });
    expect(result.errors).toBeUndefined();
    expect(result.data.attachDocument.sha256).toBe(sha256(bytes));
    return result.data.attachDocument.id;
  };

  beforeAll(async () => {
    ca = await startSubgraphHarness(civilAffairs, { kind, env: { ACCESS_PURPOSE_REQUIRED: "true" }, tokens: signIn });
    [fahad, khalid, sultan] = await Promise.all([ca.as({ nationalId: FAHAD }), ca.as({ nationalId: KHALID }), ca.as({ nationalId: SULTAN, ...officerRole })]);
    const created = await fahad(`mutation { createCardApplication(input: { kind: REPLACEMENT_DAMAGED, deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "RUH-01" }) { id } }`);
    fahadApplication = created.data.createCardApplication.id;
    photo = await attach(fahad, fahadApplication, "DAMAGED_CARD_PHOTO", "card.png", "image/png", PNG);
    const bytes = largestPdf();
    large = { id: await attach(fahad, fahadApplication, "FAMILY_REGISTER_COPY", "register.pdf", "application/pdf", bytes), bytes };
    expect((await fahad(`mutation($id: ID!) { submitCardApplication(id: $id) { status } }`, { id: fahadApplication })).data.submitCardApplication.status).toBe("SUBMITTED");

    const draft = await khalid(`mutation { createCardApplication(input: { kind: NEW_CARD, spouseIds: ["${NOURA}"], childIds: ["${KHALID_SON}"], deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "RUH-01" }) { id } }`);
    khalidApplication = draft.data.createCardApplication.id;
    contract = await attach(khalid, khalidApplication, "MARRIAGE_CONTRACT", "contract.pdf", "application/pdf", Buffer.from("%PDF-1.7\nmarriage contract\n"));
    const letterBytes = Buffer.concat([Buffer.from("%PDF-1.7\n"), crypto.randomBytes(64)]);
    letter = { id: await attach(khalid, khalidApplication, "OTHER", "letter.pdf", "application/pdf", letterBytes), bytes: letterBytes };
  });
  afterAll(() => ca?.stop());

  const download = (client: Client, id: string, headers: Record<string, string> = {}) => client(CONTENT, { id }, headers);
  const accessRows = (owner: string, requestId: string) =>
    ca.db.query(`SELECT owner_id, accessor_id, action, fields, refused_fields, purpose FROM ${DATA_ACCESS_PER_OWNER} WHERE owner_id = $1 AND request_id = $2`, [owner, requestId]);

  it("gives the reviewing officer the bytes exactly as uploaded, 5 MiB included", async () => {
    const response = await download(sultan, large.id);
    expect(response.errors).toBeUndefined();
    const content = response.data.documentContent;
    expect(content).toMatchObject({ id: large.id, type: "FAMILY_REGISTER_COPY", fileName: "register.pdf", mimeType: "application/pdf", sizeBytes: 5 * 1024 * 1024, sha256: sha256(large.bytes) });
    const bytes = Buffer.from(content.contentBase64, "base64");
    expect(sha256(bytes)).toBe(content.sha256);
    expect(bytes.equals(large.bytes)).toBe(true);
  });

  it("records the officer's download, with his purpose, in the applicant's report and in those of the people the document is about", async () => {
    const response = await download(sultan, photo, { "x-access-purpose": "Review of a damaged-card replacement", "x-request-id": "req-download-photo" });
    expect(Buffer.from(response.data.documentContent.contentBase64, "base64").equals(PNG)).toBe(true);

    const report = await fahad(`{ myDataAccesses { civilAffairs(first: 20) { accessorNationalId action outcome fields purpose operationName requestId } } }`);
    expect(report.data.myDataAccesses.civilAffairs).toContainEqual({
      accessorNationalId: SULTAN,
      action: "READ",
      outcome: "COMPLETED",
      fields: ["DocumentContent.contentBase64", "DocumentContent.fileName", "DocumentContent.id", "DocumentContent.mimeType", "DocumentContent.sha256", "DocumentContent.sizeBytes", "DocumentContent.type"],
      purpose: "Review of a damaged-card replacement",
      operationName: "Download",
      requestId: "req-download-photo",
    });
    // A photo of the family card is about everyone on it: the wife and the son see the download too.
    for (const member of [FAHAD_WIFE, FAHAD_SON]) {
      expect(await accessRows(member, "req-download-photo")).toEqual([
        expect.objectContaining({ accessor_id: SULTAN, action: "READ", purpose: "Review of a damaged-card replacement", fields: expect.arrayContaining(["DocumentContent.contentBase64"]) }),
      ]);
    }
  });

  it("lets the applicant read his own documents, a draft's included, recording a marriage contract for the spouse only", async () => {
    const own = await download(khalid, contract, { "x-request-id": "req-own-contract" });
    expect(own.errors).toBeUndefined();
    expect(Buffer.from(own.data.documentContent.contentBase64, "base64").toString()).toBe("%PDF-1.7\nmarriage contract\n");
    expect(await accessRows(KHALID, "req-own-contract")).toEqual([]); // his own record
    expect(await accessRows(NOURA, "req-own-contract")).toHaveLength(1); // her marriage contract
    expect(await accessRows(KHALID_SON, "req-own-contract")).toEqual([]); // not about him
  });

  it("reads bytes kept in their row (as before DocumentFiles), and never returns bytes that no longer match their hash", async () => {
    const setStored = (bytes: Buffer) => ca.db.query(`UPDATE document_blob SET content = $1 WHERE sha256 = $2`, [bytes, sha256(letter.bytes)]);
    await setStored(letter.bytes);
    expect(Buffer.from((await download(khalid, letter.id)).data.documentContent.contentBase64, "base64").equals(letter.bytes)).toBe(true);
    const tampered = Buffer.from(letter.bytes);
    tampered[tampered.length - 1] ^= 0xff;
    await setStored(tampered);
    const refused = await download(khalid, letter.id);
    expect(codes(refused)).toEqual(["INTERNAL_SERVER_ERROR"]);
    expect(refused.data?.documentContent ?? null).toBeNull();
  });

  it("refuses an officer a draft's documents, saying why, until the applicant submits it", async () => {
    const refused = await download(sultan, contract);
    expect(codes(refused)).toEqual(["FORBIDDEN"]);
    expect(refused.errors![0]!.extensions!.reason).toBe("NOT_SUBMITTED");
    expect(refused.errors![0]!.message).toMatch(/not been submitted/);
    expect(refused.data?.documentContent ?? null).toBeNull();

    expect((await khalid(`mutation($id: ID!) { submitCardApplication(id: $id) { status } }`, { id: khalidApplication })).data.submitCardApplication.status).toBe("SUBMITTED");
    expect((await download(sultan, contract)).data.documentContent.fileName).toBe("contract.pdf");
  });

  it("refuses an officer whose wife or husband the application is about (four-eyes), in his language, and tells the applicant", async () => {
    // Fahad's wife is a member of the applicant's register; Noura is the spouse Khalid's application names.
    const fahadWife = await ca.as({ nationalId: FAHAD_WIFE, ...officerRole });
    const refused = await download(fahadWife, photo, { "accept-language": "ar", "x-request-id": "req-four-eyes" });
    expect(codes(refused)).toEqual(["FORBIDDEN"]);
    expect(refused.errors![0]!.extensions!.reason).toBe("FOUR_EYES");
    expect(refused.errors![0]!.message).toMatch(/موظف آخر/);
    const noura = await ca.as({ nationalId: NOURA, ...officerRole });
    expect((await download(noura, contract)).errors![0]!.extensions!.reason).toBe("FOUR_EYES");
    // The attempt is in the applicant's report, as refused: nothing was read.
    expect(await accessRows(FAHAD, "req-four-eyes")).toEqual([
      { owner_id: FAHAD, accessor_id: FAHAD_WIFE, action: "READ", fields: [], refused_fields: ["Query.documentContent"], purpose: "test: case handling" },
    ]);
  });

  it("refuses everyone else, and answers a stranger the same for a document that does not exist", async () => {
    const others = await Promise.all([
      ca.as({ nationalId: ABDULLAH }),
      ca.as({ nationalId: FAHAD_WIFE }), // family: sees the application, not its documents
      ca.as({ nationalId: "1000000917", roles: ["LABOR_OFFICER"] }),
      ca.as({ nationalId: "1000000925", roles: ["POST_OPERATOR"] }),
      ca.as({ nationalId: "1000000933", roles: ["ANALYST"] }),
    ]);
    for (const other of others) {
      const refused = await download(other, photo);
      expect(codes(refused)).toEqual(["FORBIDDEN"]);
      expect(refused.errors![0]!.message).toBe((await download(other, crypto.randomUUID())).errors![0]!.message);
      expect(codes(await download(other, crypto.randomUUID()))).toEqual(["FORBIDDEN"]);
      expect(codes(await download(other, "not-an-id"))).toEqual(["FORBIDDEN"]);
    }
    expect(codes(await ca.http(CONTENT, { id: photo }))).toEqual(["UNAUTHENTICATED"]);
    // A civil-affairs officer sees every application: an unknown document is simply not found.
    expect(codes(await download(sultan, crypto.randomUUID()))).toEqual(["NOT_FOUND"]);
  });

  it("refuses an officer who states no purpose before reading anything, recording nothing", async () => {
    const before = (await ca.db.query(`SELECT count(*)::int AS n FROM ${DATA_ACCESS_PER_OWNER} WHERE owner_id = $1`, [FAHAD]))[0].n;
    const refused = await download(sultan, photo, { "x-access-purpose": " " });
    expect(codes(refused)).toEqual(["FORBIDDEN"]);
    expect(refused.errors![0]!.extensions!.reason).toBe("PURPOSE_REQUIRED");
    expect((await ca.db.query(`SELECT count(*)::int AS n FROM ${DATA_ACCESS_PER_OWNER} WHERE owner_id = $1`, [FAHAD]))[0].n).toBe(before);
  });

  it("downloads one document per request: never a field of the documents listed, and not two aliases", async () => {
    const listed = await sultan(`query($id: ID!) { cardApplication(id: $id) { documents { id contentBase64 } } }`, { id: fahadApplication });
    expect(codes(listed)).toEqual(["BAD_USER_INPUT"]);
    expect(listed.errors![0]!.message).toMatch(/Cannot query field "contentBase64" on type "Document"/);

    const two = await sultan(`query($a: ID!, $b: ID!) { a: documentContent(id: $a) { sha256 } b: documentContent(id: $b) { sha256 } }`, { a: photo, b: large.id });
    expect(two.data).toEqual({ a: { sha256: sha256(PNG) }, b: null });
    expect(codes(two)).toEqual(["BAD_USER_INPUT"]);
    expect(violationRules(two)).toEqual(["ONE_DOCUMENT_PER_REQUEST"]);
  });

  it("tells each civil-affairs officer in the queue whether four-eyes lets him act, and no one else", async () => {
    const MAY_ACT = `query($f: ID!, $k: ID!) { f: cardApplication(id: $f) { viewerMayAct } k: cardApplication(id: $k) { viewerMayAct } }`;
    const mayAct = async (client: Client) => {
      const response = await client(MAY_ACT, { f: fahadApplication, k: khalidApplication });
      expect(response.errors).toBeUndefined();
      return [response.data.f.viewerMayAct, response.data.k.viewerMayAct];
    };
    const fahadOfficer = await ca.as({ nationalId: FAHAD, ...officerRole });
    expect(await mayAct(sultan)).toEqual([true, true]);
    expect(await mayAct(await ca.as({ nationalId: NOURA, ...officerRole }))).toEqual([true, false]); // the spouse Khalid's application names
    expect(await mayAct(fahadOfficer)).toEqual([false, true]); // his own

    // In the queue, Fahad is told of his own application, and of no other.
    const QUEUE = `query($status: ApplicationStatus, $first: Int) { cardApplications(status: $status, first: $first) { totalCount edges { node { id viewerMayAct } } } }`;
    const submitted = await fahadOfficer(QUEUE, { status: "SUBMITTED", first: 100 });
    expect(submitted.data.cardApplications.totalCount).toBeLessThanOrEqual(100);
    const refusedToFahad = submitted.data.cardApplications.edges.filter((edge: { node: { viewerMayAct: boolean } }) => !edge.node.viewerMayAct);
    expect(refusedToFahad.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([fahadApplication]);

    // The screen's whole page: the same statements for ten applications and for forty.
    const ten = await sultan(QUEUE, { first: 10 });
    const forty = await sultan(QUEUE, { first: 40 });
    expect(forty.data.cardApplications.edges).toHaveLength(40);
    expect(statements(forty)).toBe(statements(ten));

    // The applicant asking it of his own application is refused that field only.
    const asked = await fahad(`query($id: ID!) { cardApplication(id: $id) { status viewerMayAct } }`, { id: fahadApplication });
    expect(codes(asked)).toEqual(["FORBIDDEN"]);
    expect(asked.data.cardApplication).toEqual({ status: "SUBMITTED", viewerMayAct: null });
  });

  it("gives the officer's screen the whole application from the queue", async () => {
    const page = await sultan(`{ cardApplications(status: SUBMITTED, first: 100) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node {
      id kind status version viewerMayAct createdAt submittedAt fee { formatted }
      applicant { nationalId fullNameAr mobile nationalAddress { city } }
      spouses { nationalId fullNameAr } children { nationalId fullNameAr } requestedSpouseIds requestedChildIds
      family { registerNumber members { relation citizen { nationalId fullNameAr } } }
      documents { id type fileName mimeType sizeBytes sha256 uploadedAt }
      history { from to at by note } missingDocuments deliveryMethod pickupOffice { id nameEn }
    } } } }`);
    expect(page.errors).toBeUndefined();
    const node = page.data.cardApplications.edges.map((edge: { node: any }) => edge.node).find((n: { id: string }) => n.id === fahadApplication);
    expect(node).toMatchObject({ status: "SUBMITTED", viewerMayAct: true, applicant: { nationalId: FAHAD }, family: { members: expect.any(Array) }, missingDocuments: [] });
    expect(node.documents.map((d: { id: string }) => d.id)).toEqual([photo, large.id]);
    expect(node.history.map((h: { to: string }) => h.to)).toContain("SUBMITTED");
  });
});

describe("a document's content through the gateway", () => {
  let ca: SubgraphHarness;
  let gateway: TestGateway;
  let documentId: string;
  let bytes: Buffer;
  let tokens: { applicant: string; officer: string };
  beforeAll(async () => {
    ca = await startSubgraphHarness(civilAffairs, { kind: "embedded", tokens: signIn });
    gateway = await inProcessGateway({ CIVIL_AFFAIRS_URL: ca.url });
    const issuer = signIn(ca);
    tokens = { applicant: await issuer.tokenFor(FAHAD), officer: await issuer.tokenFor(SULTAN, ["CIVIL_AFFAIRS_OFFICER"]) };
    const applicant = await ca.as({ nationalId: FAHAD });
    const created = await applicant(`mutation { createCardApplication(input: { kind: REPLACEMENT_DAMAGED, deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "RUH-01" }) { id } }`);
    const applicationId = created.data.createCardApplication.id;
    bytes = largestPdf();
    // Uploaded through the gateway too: 7 MiB of base64 is within its body limit.
    const attached = await graphql(gateway.url, ATTACH, { input: { applicationId, type: "DAMAGED_CARD_PHOTO", fileName: "card.pdf", mimeType: "application/pdf", contentBase64: bytes.toString("base64") } }, { token: tokens.applicant });
    expect(attached.errors).toBeUndefined();
    documentId = attached.data.attachDocument.id;
    await applicant(`mutation($id: ID!) { submitCardApplication(id: $id) { status } }`, { id: applicationId });
  });
  afterAll(async () => {
    await gateway?.stop();
    await ca?.stop();
  });

  it("carries the largest document, byte for byte, to the officer", async () => {
    const response = await graphql(gateway.url, CONTENT, { id: documentId }, { token: tokens.officer, headers: { "x-access-purpose": "Review" } });
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
    const received = Buffer.from(response.data.documentContent.contentBase64, "base64");
    expect(received.length).toBe(5 * 1024 * 1024);
    expect(sha256(received)).toBe(sha256(bytes));
    expect(response.data.documentContent.sha256).toBe(sha256(bytes));
  });

  it("refuses a second document in the same request, and the field to anyone without a token", async () => {
    const two = await graphql(gateway.url, `query($id: ID!) { a: documentContent(id: $id) { sha256 } b: documentContent(id: $id) { contentBase64 } }`, { id: documentId }, { token: tokens.officer });
    expect(two.data).toEqual({ a: { sha256: sha256(bytes) }, b: null });
    expect(violationRules(two)).toEqual(["ONE_DOCUMENT_PER_REQUEST"]);
    expect(codes(await graphql(gateway.url, CONTENT, { id: documentId }))).toEqual(["UNAUTHENTICATED"]);
  });
});
