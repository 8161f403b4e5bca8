import fc from "fast-check";
import { withCheckDigit } from "../../../kernel/nationalId";
import type { GraphQLResponse } from "../../../test/support/http";
import { graphql } from "../../../test/support/http";
import { startSubgraphHarness, type Client, type SubgraphHarness } from "../../../test/support/subgraph";
import { civilAffairs } from "../src/definition";
import { headsWithCards, signIn } from "./people";

/**
 * Random inputs at civil-affairs' mutations over HTTP (in-process subgraph, embedded database):
 * never a 5xx, never INTERNAL_SERVER_ERROR, every error one of the contract's codes, and a refused
 * mutation writes nothing (row counts and the touched rows unchanged).
 */
const RUNS = 200;
/** Each sign-in checks a slow password hash (a decoy one for unknown IDs). */
const LOGIN_RUNS = 100;
const CONTRACT_CODES = ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "BAD_USER_INPUT", "INVALID_STATE", "CONFLICT", "RATE_LIMITED"];
const KHALID = "1000000057"; // married to Noura 1000000065, son 1000000073; no register, no card, no address
const EASTERN = "٠١٢٣٤٥٦٧٨٩";

function expectContractAnswer(response: GraphQLResponse): void {
  expect(response.status).toBeLessThan(500);
  for (const error of response.errors ?? []) {
    expect(CONTRACT_CODES).toContain(error.extensions?.code);
    if (error.extensions?.code === "BAD_USER_INPUT") expect(Array.isArray(error.extensions.violations)).toBe(true);
  }
}

const digitString = (n: number) => fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: n, maxLength: n });
const validId = fc.tuple(fc.constantFrom("1", "2"), digitString(8)).map(([first, rest]) => withCheckDigit(first + rest));
const nationalIdLike = fc.oneof(
  fc.constantFrom("1000000065", "1000000073", "1000000016", "1000000024", "2000000014", "1000000081", KHALID),
  validId,
  validId.map((id) => id.replace(/\d/g, (d) => EASTERN[Number(d)]!)),
  digitString(10),
  fc.string({ maxLength: 14 }),
);
const junk = fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.constant(null), fc.boolean(), fc.array(fc.string(), { maxLength: 2 }));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const kind = fc.oneof(fc.constantFrom("NEW_CARD", "REPLACEMENT_LOST", "REPLACEMENT_DAMAGED", "MEMBERS_UPDATE"), junk);
const deliveryMethod = fc.oneof(fc.constantFrom("SAUDI_POST", "OFFICE_PICKUP"), junk);
const officeId = fc.oneof(fc.constantFrom("RUH-01", "JED-01", "DMM-01", "XXX-99", ""), fc.string({ maxLength: 12 }));
const applicationInput = fc.record(
  {
    spouseIds: maybe(fc.oneof(fc.array(nationalIdLike, { maxLength: 5 }), fc.constant(null))),
    childIds: maybe(fc.oneof(fc.array(nationalIdLike, { maxLength: 12 }), fc.constant(null))),
    deliveryMethod: maybe(deliveryMethod),
    pickupOfficeId: maybe(fc.oneof(officeId, fc.constant(null))),
    lossDeclaration: maybe(fc.oneof(fc.boolean(), fc.constant(null))),
  },
  { requiredKeys: [] },
);

describe("civil-affairs mutations under random input (fast-check over HTTP)", () => {
  let ca: SubgraphHarness;
  let khalid: Client;
  let head: string;
  let headCaller: Client;
  let draftId: string;

  const counts = async () =>
    (
      await ca.db.query(`SELECT
        (SELECT count(*)::int FROM card_application) AS applications,
        (SELECT count(*)::int FROM application_history) AS history,
        (SELECT count(*)::int FROM application_document) AS documents,
        (SELECT count(*)::int FROM document_blob) AS blobs,
        (SELECT count(*)::int FROM submission_key) AS submission_keys,
        (SELECT count(*)::int FROM outbox_message) AS outbox,
        (SELECT count(*)::int FROM family_card) AS cards,
        (SELECT count(*)::int FROM account) AS accounts`)
    )[0];
  const rowOf = async (table: string, key: string, id: string) => JSON.stringify(await ca.db.query(`SELECT * FROM ${table} WHERE ${key} = $1`, [id]));

  beforeAll(async () => {
    ca = await startSubgraphHarness(civilAffairs, { kind: "embedded", env: { LOGIN_MAX_FAILURES: "1000" }, tokens: signIn });
    khalid = await ca.as({ nationalId: KHALID });
    [head] = await headsWithCards(ca.db, 1);
    headCaller = await ca.as({ nationalId: head! });
    const draft = await headCaller(`mutation { createCardApplication(input: { kind: REPLACEMENT_DAMAGED, deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "RUH-01" }) { id } }`);
    draftId = draft.data.createCardApplication.id;
  });
  afterAll(() => ca?.stop());

  it(`createCardApplication: ${RUNS} random inputs`, async () => {
    await fc.assert(
      fc.asyncProperty(kind, applicationInput, async (kindValue, input) => {
        const before = await counts();
        const response = await khalid(`mutation($input: NewCardApplicationInput!) { createCardApplication(input: $input) { id status } }`, { input: { ...input, kind: kindValue } });
        expectContractAnswer(response);
        if (response.errors) {
          expect(await counts()).toEqual(before);
        } else {
          // Accepted: put it out of the way so that the next input can be judged on its own.
          const cancelled = await khalid(`mutation($id: ID!) { cancelCardApplication(id: $id) { status } }`, { id: response.data.createCardApplication.id });
          expect(cancelled.data?.cancelCardApplication.status).toBe("CANCELLED");
        }
      }),
      { numRuns: RUNS },
    );
  });

  it(`updateCardApplication: ${RUNS} random inputs, ids and versions`, async () => {
    await fc.assert(
      fc.asyncProperty(
        applicationInput,
        fc.oneof(fc.constant(null), fc.integer({ min: -3, max: 40 }), junk),
        fc.oneof(fc.constant("draft"), fc.uuid(), fc.string({ maxLength: 40 })),
        async (input, expectedVersion, which) => {
          const id = which === "draft" ? draftId : which;
          const [before, row] = [await counts(), await rowOf("card_application", "id", draftId)];
          const response = await headCaller(`mutation($id: ID!, $v: Int, $input: UpdateCardApplicationInput!) { updateCardApplication(id: $id, expectedVersion: $v, input: $input) { version } }`, {
            id,
            v: expectedVersion,
            input,
          });
          expectContractAnswer(response);
          if (response.errors) {
            expect(await counts()).toEqual(before);
            expect(await rowOf("card_application", "id", draftId)).toBe(row);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it(`attachDocument: ${RUNS} random files, types and names`, async () => {
    const MAGIC = [[0x25, 0x50, 0x44, 0x46, 0x2d], [0xff, 0xd8, 0xff], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], []];
    const content = fc.oneof(
      fc.tuple(fc.constantFrom(...MAGIC), fc.uint8Array({ maxLength: 200 })).map(([magic, bytes]) => Buffer.from([...magic, ...bytes]).toString("base64")),
      fc.string({ maxLength: 60 }),
      fc.constant(""),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          applicationId: fc.oneof(fc.constant(draftId), fc.uuid(), fc.string({ maxLength: 40 })),
          type: fc.oneof(fc.constantFrom("MARRIAGE_CONTRACT", "BIRTH_CERTIFICATE", "NATIONAL_ID_COPY", "FAMILY_REGISTER_COPY", "LOSS_REPORT", "DAMAGED_CARD_PHOTO", "OTHER"), junk),
          fileName: fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom("card.png", "../../etc/passwd", "", "صورة.jpg")),
          mimeType: fc.oneof(fc.constantFrom("application/pdf", "image/jpeg", "image/jpg", "image/png", "IMAGE/PNG; q=1", "text/html"), fc.string({ maxLength: 30 })),
          contentBase64: content,
        }),
        async (input) => {
          const before = await counts();
          const response = await headCaller(`mutation($input: AttachDocumentInput!) { attachDocument(input: $input) { id sha256 } }`, { input });
          expectContractAnswer(response);
          if (response.errors) expect(await counts()).toEqual(before);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it(`updateNationalAddress: ${RUNS} random addresses`, async () => {
    const part = fc.oneof(digitString(4), digitString(5), fc.string({ maxLength: 30 }), fc.constant(""), digitString(4).map((d) => d.replace(/\d/g, (x) => EASTERN[Number(x)]!)));
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          buildingNumber: part,
          street: part,
          district: part,
          city: part,
          postalCode: part,
          additionalNumber: part,
          shortAddress: fc.option(fc.oneof(part, fc.stringMatching(/^[A-Za-z]{4}\d{4}$/)), { nil: null }),
        }),
        async (input) => {
          const [before, row] = [await counts(), await rowOf("citizen", "national_id", KHALID)];
          const response = await khalid(`mutation($input: NationalAddressInput!) { updateNationalAddress(input: $input) { nationalAddress { buildingNumber postalCode } } }`, { input });
          expectContractAnswer(response);
          if (response.errors) {
            expect(await counts()).toEqual(before);
            expect(await rowOf("citizen", "national_id", KHALID)).toBe(row);
          } else {
            expect(response.data.updateNationalAddress.nationalAddress.buildingNumber).toMatch(/^\d{4}$/);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it(`login: ${LOGIN_RUNS} random IDs and passwords, never a token`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(nationalIdLike, junk), fc.oneof(fc.string({ maxLength: 80 }), junk), async (nationalId, password) => {
        const before = await counts();
        const response = await graphql(ca.graphqlUrl, `mutation($id: ID!, $pw: String!) { login(nationalId: $id, password: $pw) { accessToken } }`, { id: nationalId, pw: password });
        expectContractAnswer(response);
        expect(response.data?.login ?? null).toBeNull();
        expect(response.errors?.length).toBeGreaterThan(0);
        expect(await counts()).toEqual(before);
      }),
      { numRuns: LOGIN_RUNS },
    );
  });
});
