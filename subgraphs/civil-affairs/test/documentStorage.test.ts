import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DATABASE_KINDS } from "../../../test/support/database";
import { withCheckDigit } from "../../../kernel/nationalId";
import { violationRules } from "../../../test/support/http";
import { startSubgraphHarness, type SubgraphHarness } from "../../../test/support/subgraph";
import { civilAffairs } from "../src/definition";
import { headsWithCards, signIn } from "./people";

/**
 * Where a document's bytes go. With the embedded database a 5 MiB insert ran on the event loop
 * and held every other request for 1.3 s; its bytes now go to a content-addressed file written by
 * the thread pool (docs/benchmarks.md reports the loop's longest pause during uploads).
 */
const ATTACH = `mutation($input: AttachDocumentInput!) { attachDocument(input: $input) { id sha256 } }`;
const pdf = (label: string) => Buffer.from(`%PDF-1.7\n${label}\n`);

/** The file of these bytes in a temporary store of an in-memory civil-affairs, if any. */
function storedFile(sha256: string): string | undefined {
  return fs
    .readdirSync(os.tmpdir())
    .filter((name) => name.startsWith("civil-affairs-documents-"))
    .map((name) => path.join(os.tmpdir(), name, sha256.slice(0, 2), sha256))
    .find((file) => fs.existsSync(file));
}

describe.each(DATABASE_KINDS)("document storage (%s database)", (kind) => {
  let ca: SubgraphHarness;
  let attach: (content: Buffer) => Promise<{ id: string; sha256: string } | string[]>;
  beforeAll(async () => {
    ca = await startSubgraphHarness(civilAffairs, { kind, tokens: signIn });
    const [head] = await headsWithCards(ca.db, 1);
    const applicant = await ca.as({ nationalId: head! });
    const created = await applicant(`mutation { createCardApplication(input: { kind: REPLACEMENT_DAMAGED, deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "RUH-01" }) { id } }`);
    const applicationId = created.data.createCardApplication.id;
    attach = async (content) => {
      const result = await applicant(ATTACH, { input: { applicationId, type: "DAMAGED_CARD_PHOTO", fileName: "scan.pdf", mimeType: "application/pdf", contentBase64: content.toString("base64") } });
      return result.errors ? violationRules(result) : result.data.attachDocument;
    };
  });
  afterAll(() => ca?.stop());

  it(kind === "embedded" ? "keeps the bytes in a file named by their hash, once" : "keeps the bytes in the database, once", async () => {
    const first = (await attach(pdf("one"))) as { id: string; sha256: string };
    const again = (await attach(pdf("one"))) as { id: string; sha256: string };
    // The same file sent again (a client retrying after a timeout) is the same document.
    expect(again).toEqual(first);
    const rows = await ca.db.query(`SELECT content FROM document_blob WHERE sha256 = $1`, [first.sha256]);
    expect(rows).toHaveLength(1);
    if (kind === "embedded") {
      expect(rows[0].content).toBeNull();
      expect(fs.readFileSync(storedFile(first.sha256)!)).toEqual(pdf("one"));
    } else {
      expect(Buffer.from(rows[0].content)).toEqual(pdf("one"));
    }
  });

  it("holds ten documents for a replacement that names nobody", async () => {
    for (let i = 2; i <= 10; i++) expect(await attach(pdf(`page ${i}`))).toHaveProperty("id");
    expect(await attach(pdf("one too many"))).toEqual(["TOO_MANY_DOCUMENTS"]);
  });

  it("holds every birth certificate 50 children need, so the longest application can still be completed", async () => {
    const [head] = await headsWithCards(ca.db, 1);
    const applicant = await ca.as({ nationalId: head! });
    const childIds = Array.from({ length: 50 }, (_, i) => withCheckDigit(`19${String(i).padStart(7, "0")}`));
    const created = await applicant(`mutation($c: [ID!]) { createCardApplication(input: { kind: MEMBERS_UPDATE, childIds: $c, deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "RUH-01" }) { id missingDocuments } }`, { c: childIds });
    const { id, missingDocuments } = created.data.createCardApplication;
    expect(missingDocuments).toHaveLength(50);
    for (const [i, child] of childIds.entries()) {
      const result = await applicant(ATTACH, { input: { applicationId: id, type: "BIRTH_CERTIFICATE", fileName: `${child}.pdf`, mimeType: "application/pdf", contentBase64: pdf(`birth ${i}`).toString("base64") } });
      expect(result.errors).toBeUndefined();
    }
    const after = await applicant(`query($id: ID!) { cardApplication(id: $id) { missingDocuments } }`, { id });
    expect(after.data.cardApplication.missingDocuments).toEqual([]);
  });
});
