import { codes, violationRules } from "../../../test/support/http";
import { startSubgraphHarness, type Client, type SubgraphHarness } from "../../../test/support/subgraph";
import { civilAffairs } from "../src/definition";
import { headsWithCards, signIn } from "./people";

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("png body")]);
const PDF = Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n");
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]);
const ATTACH = `mutation($input: AttachDocumentInput!) { attachDocument(input: $input) { id type fileName mimeType sizeBytes sha256 } }`;

describe("documents attached to an application", () => {
  let ca: SubgraphHarness;
  let applicant: Client;
  let applicationId: string;
  beforeAll(async () => {
    ca = await startSubgraphHarness(civilAffairs, { kind: "embedded", tokens: signIn });
    const [head] = await headsWithCards(ca.db, 1);
    applicant = await ca.as({ nationalId: head! });
    const created = await applicant(`mutation { createCardApplication(input: { kind: REPLACEMENT_DAMAGED, deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "RUH-01" }) { id } }`);
    applicationId = created.data.createCardApplication.id;
  });
  afterAll(() => ca?.stop());

  const attach = (content: Buffer | string, mimeType: string, fileName = "file", type = "DAMAGED_CARD_PHOTO") =>
    applicant(ATTACH, { input: { applicationId, type, fileName, mimeType, contentBase64: typeof content === "string" ? content : content.toString("base64") } });
  const blobs = async () => (await ca.db.query(`SELECT count(*)::int AS n FROM document_blob`))[0].n as number;
  const documents = async () => (await ca.db.query(`SELECT count(*)::int AS n FROM application_document`))[0].n as number;

  it.each([
    ["PDF", PDF, "application/pdf"],
    ["PNG", PNG, "image/png"],
    ["JPEG", JPEG, "image/jpeg"],
  ])("accepts a %s recognised by its content", async (_name, content, mimeType) => {
    const result = await attach(content, mimeType, `scan.${mimeType.split("/")[1]}`);
    expect(result.errors).toBeUndefined();
    expect(result.data.attachDocument).toMatchObject({ mimeType, sizeBytes: content.length });
    expect(result.data.attachDocument.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("stores the same bytes once however often they are attached", async () => {
    const before = await blobs();
    await attach(PNG, "image/png", "again.png");
    await attach(PNG, "image/png", "and-again.png");
    expect(await blobs()).toBe(before);
  });

  it("refuses a text file named .pdf", async () => {
    const before = await documents();
    const result = await attach(Buffer.from("just some text"), "application/pdf", "letter.pdf");
    expect(violationRules(result)).toEqual(["UNSUPPORTED_FILE_TYPE"]);
    expect(await documents()).toBe(before);
  });

  it("refuses a PNG declared as a PDF, naming both types, and stores nothing", async () => {
    const before = await documents();
    const result = await attach(PNG, "application/pdf", "photo.pdf");
    expect(violationRules(result)).toEqual(["MIME_TYPE_MISMATCH"]);
    expect((result.errors ?? [])[0]?.extensions?.violations?.[0]).toMatchObject({ field: "input.mimeType", message: expect.stringContaining("image/png") });
    expect(await documents()).toBe(before);
  });

  it("takes a file whose type the client did not know for what its content is, whatever its name", async () => {
    // An application of its own: the shared one holds ten documents, what a replacement may.
    const [head] = await headsWithCards(ca.db, 1);
    const other = await ca.as({ nationalId: head! });
    const created = await other(`mutation { createCardApplication(input: { kind: REPLACEMENT_DAMAGED, deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "RUH-01" }) { id } }`);
    const attach = (content: Buffer, mimeType: string, fileName: string) =>
      other(ATTACH, { input: { applicationId: created.data.createCardApplication.id, type: "OTHER", fileName, mimeType, contentBase64: content.toString("base64") } });
    const pdf = await attach(PDF, "application/octet-stream", "scan.bin");
    expect(pdf.errors).toBeUndefined();
    expect(pdf.data.attachDocument).toMatchObject({ fileName: "scan.bin", mimeType: "application/pdf" });
    const jpeg = await attach(JPEG, "", "photo");
    expect(jpeg.data.attachDocument).toMatchObject({ mimeType: "image/jpeg" });
    const named = await attach(PNG, "IMAGE/PNG; charset=binary", "scan.pdf");
    expect(named.data.attachDocument).toMatchObject({ fileName: "scan.pdf", mimeType: "image/png" });
    const alias = await attach(JPEG, "image/jpg", "photo.jpg");
    expect(alias.data.attachDocument).toMatchObject({ mimeType: "image/jpeg" });
  });

  it("refuses 5 MiB + 1 byte and accepts exactly 5 MiB", async () => {
    const tooBig = Buffer.alloc(5 * 1024 * 1024 + 1);
    PDF.copy(tooBig);
    expect(violationRules(await attach(tooBig, "application/pdf", "big.pdf"))).toEqual(["FILE_TOO_LARGE"]);
    const limit = tooBig.subarray(0, 5 * 1024 * 1024);
    expect((await attach(limit, "application/pdf", "limit.pdf")).errors).toBeUndefined();
    // Too large says what else is wrong with the file too.
    expect(violationRules(await attach(Buffer.alloc(5 * 1024 * 1024 + 1, "A"), "application/pdf", "a/b.pdf")).sort()).toEqual(["FILE_NAME", "FILE_TOO_LARGE", "UNSUPPORTED_FILE_TYPE"]);
  });

  it("bounds what one applicant attaches in 24 hours, whatever his applications, and says when to try again", async () => {
    const [head] = await headsWithCards(ca.db, 1);
    const filler = await ca.as({ nationalId: head! });
    const create = async () => (await filler(`mutation { createCardApplication(input: { kind: REPLACEMENT_DAMAGED, deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "RUH-01" }) { id } }`)).data.createCardApplication.id as string;
    const put = (id: string, content: Buffer, name: string) => filler(ATTACH, { input: { applicationId: id, type: "OTHER", fileName: name, mimeType: "", contentBase64: content.toString("base64") } });
    // 199 MiB attached an hour ago to an application he then cancelled.
    const cancelled = await create();
    expect((await put(cancelled, PNG, "first.png")).errors).toBeUndefined();
    await ca.db.query(`UPDATE application_document SET size_bytes = $2, uploaded_at = now() - interval '1 hour' WHERE application_id = $1`, [cancelled, 199 * 1024 * 1024]);
    await filler(`mutation($id: ID!) { cancelCardApplication(id: $id) { status } }`, { id: cancelled });
    const next = await create();
    const big = Buffer.concat([PDF, Buffer.alloc(1024 * 1024)]);
    const refused = await put(next, big, "big.pdf");
    expect(codes(refused)).toEqual(["RATE_LIMITED"]);
    const retryAfter = refused.errors![0]!.extensions!.retryAfterSeconds as number;
    expect(retryAfter).toBeGreaterThan(22 * 3600);
    expect(retryAfter).toBeLessThanOrEqual(23 * 3600);
    expect((await ca.db.query(`SELECT count(*)::int AS n FROM application_document WHERE application_id = $1`, [next]))[0].n).toBe(0);
    // What fits still goes in; and a day later the room is back.
    expect((await put(next, PNG, "small.png")).errors).toBeUndefined();
    await ca.db.query(`UPDATE application_document SET uploaded_at = now() - interval '25 hours' WHERE application_id = $1`, [cancelled]);
    expect((await put(next, big, "big.pdf")).errors).toBeUndefined();
  });

  it("attaches one document at a time per applicant: the others sent at once are told to wait, having stored nothing", async () => {
    const [head] = await headsWithCards(ca.db, 1);
    const hurried = await ca.as({ nationalId: head! });
    const id = (await hurried(`mutation { createCardApplication(input: { kind: REPLACEMENT_DAMAGED, deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "RUH-01" }) { id } }`)).data.createCardApplication.id as string;
    const put = (n: number) => hurried(ATTACH, { input: { applicationId: id, type: "OTHER", fileName: `f${n}.pdf`, mimeType: "", contentBase64: Buffer.concat([PDF, Buffer.alloc(2 * 1024 * 1024, n)]).toString("base64") } });
    const answers = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map(put));
    const outcomes = answers.map((answer) => (answer.errors ? `${answer.errors[0]!.extensions!.code} ${answer.errors[0]!.extensions!.retryAfterSeconds}` : "attached"));
    // Those that overlapped a running one are told to wait (never CONFLICT, which they would lose on after all the work).
    const waiting = outcomes.filter((outcome) => outcome !== "attached");
    expect(waiting.length).toBeGreaterThan(0);
    expect(new Set(waiting)).toEqual(new Set(["RATE_LIMITED 1"]));
    const attached = outcomes.length - waiting.length;
    expect((await ca.db.query(`SELECT count(*)::int AS n FROM application_document WHERE application_id = $1`, [id]))[0].n).toBe(attached);
    // Sent again one after the other, they go in.
    for (const n of [9, 10]) expect((await put(n)).errors).toBeUndefined();
  });

  it("refuses a file name that names a folder or holds a character file systems refuse", async () => {
    for (const fileName of ["../../etc/passwd", "C:\\scan.png", "a/b.png", "scan?.png", ".."]) {
      expect({ fileName, rules: violationRules(await attach(PNG, "image/png", fileName)) }).toEqual({ fileName, rules: ["FILE_NAME"] });
    }
    expect((await attach(PNG, "image/png", "صورة البطاقة (1).png")).errors).toBeUndefined();
  });

  it("refuses content that is not base64, and an empty file name, together", async () => {
    const result = await attach("%%%%", "image/png", " ");
    expect(violationRules(result).sort()).toEqual(["NOT_BASE64", "REQUIRED"]);
  });

  it("refuses documents from anyone but the applicant, and once the application is submitted", async () => {
    const [other] = await headsWithCards(ca.db, 1);
    const stranger = await ca.as({ nationalId: other! });
    const foreign = await stranger(ATTACH, { input: { applicationId, type: "OTHER", fileName: "x.png", mimeType: "image/png", contentBase64: PNG.toString("base64") } });
    expect(codes(foreign)).toEqual(["FORBIDDEN"]);
    const submitted = await applicant(`mutation($id: ID!) { submitCardApplication(id: $id) { status } }`, { id: applicationId });
    expect(submitted.data.submitCardApplication.status).toBe("SUBMITTED");
    expect(codes(await attach(PNG, "image/png", "late.png"))).toEqual(["INVALID_STATE"]);
  });

  it("lets civil-affairs officers read the documents, and no other officer", async () => {
    const officer = await ca.as({ nationalId: "1000000909", roles: ["CIVIL_AFFAIRS_OFFICER"] });
    const read = await officer(`query($id: ID!) { cardApplication(id: $id) { documents { type } } }`, { id: applicationId });
    expect(read.data.cardApplication.documents.length).toBeGreaterThan(0);
    const labor = await ca.as({ nationalId: "1000000917", roles: ["LABOR_OFFICER"] });
    expect(codes(await labor(`query($id: ID!) { cardApplication(id: $id) { id } }`, { id: applicationId }))).toEqual(["FORBIDDEN"]);
  });
});
