import { codes, graphql, PURPOSE, violationRules, type GraphQLResponse } from "../support/http";
import { startInProcessPlatform, type InProcessPlatform } from "../support/inProcessPlatform";

/**
 * Input a client may send on purpose, through the gateway: each gets BAD_USER_INPUT with every
 * violation, never INTERNAL_SERVER_ERROR (before: a NUL reached PostgreSQL and the error log
 * printed the SQL parameters; an impossible date and an unnamed operation among several were
 * server errors).
 */
describe("hostile input through the gateway", () => {
  let platform: InProcessPlatform;
  let fahad: string;
  let analyst: string;
  beforeAll(async () => {
    // The gateway keeps its copy of the revoked tokens for the whole file: a logout is refused by civil-affairs alone.
    platform = await startInProcessPlatform({ env: { TOKEN_REVOCATION_REFRESH_MS: "600000" } });
    [fahad, analyst] = [await platform.login("1000000016"), await platform.login("1000000933")];
  }, 60_000);
  afterAll(() => platform?.stop());

  it("refuses a NUL, a text of zero-width characters and a 6 MB street together, and stores nothing", async () => {
    const address = { buildingNumber: "1234", street: "a\u0000b", district: "\u200B\u200B", city: "x".repeat(6 * 1024 * 1024), postalCode: "12345", additionalNumber: "1234" };
    const response = await graphql(platform.gatewayUrl, `mutation($a: NationalAddressInput!) { updateNationalAddress(input: $a) { nationalAddress { street } } }`, { a: address }, { token: fahad });
    expect(response.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(response.errors![0]!.extensions!.violations.map((v: { field: string; rule: string }) => `${v.field}:${v.rule}`)).toEqual([
      "input.street:CONTROL_CHARACTER",
      "input.district:INVISIBLE",
      "input.city:TOO_LONG",
    ]);
    const me = await graphql(platform.gatewayUrl, `{ me { nationalAddress { street } } }`, {}, { token: fahad });
    expect(me.data.me.nationalAddress.street).not.toContain("\u0000");
  });

  it("refuses a file name that reverses its direction, or one of a megabyte", async () => {
    const created = await graphql(platform.gatewayUrl, `mutation { createCardApplication(input: { kind: REPLACEMENT_DAMAGED, deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "RUH-01" }) { id } }`, {}, { token: fahad });
    const applicationId = created.data.createCardApplication.id;
    const attach = (fileName: string) =>
      graphql(platform.gatewayUrl, `mutation($input: AttachDocumentInput!) { attachDocument(input: $input) { id } }`, {
        input: { applicationId, type: "DAMAGED_CARD_PHOTO", fileName, mimeType: "application/pdf", contentBase64: Buffer.from("%PDF-1.7\n").toString("base64") },
      }, { token: fahad });
    expect(violationRules(await attach("photo\u202Egpj.exe"))).toEqual(["BIDI_CONTROL"]);
    expect(violationRules(await attach("x".repeat(1024 * 1024)))).toEqual(["TOO_LONG"]);
    await graphql(platform.gatewayUrl, `mutation($id: ID!) { cancelCardApplication(id: $id) { status } }`, { id: applicationId }, { token: fahad });
  });

  it("lists a text's refusal with the field's other violations in one error, and stores nothing", async () => {
    const listed = (response: GraphQLResponse) => {
      expect(codes(response)).toEqual(["BAD_USER_INPUT"]);
      return response.errors![0]!.extensions!.violations.map((v: { field: string; rule: string }) => `${v.field}:${v.rule}`);
    };
    const [postman, laborOfficer] = [await platform.login("1000000925"), await platform.login("1000000917")];
    // A field refused for its text is not refused again by its own rule (the file name's path, the employer's length).

    const address = { buildingNumber: "12", street: "King\u202EFahd", district: "", city: "Riyadh", postalCode: "1234", additionalNumber: "1234" };
    const moved = await graphql(platform.gatewayUrl, `mutation($a: NationalAddressInput!) { updateNationalAddress(input: $a) { nationalAddress { street } } }`, { a: address }, { token: fahad });
    expect(listed(moved)).toEqual(["input.street:BIDI_CONTROL", "input.district:REQUIRED", "input.buildingNumber:FORMAT", "input.postalCode:FORMAT"]);
    const me = await graphql(platform.gatewayUrl, `{ me { nationalAddress { buildingNumber } } }`, {}, { token: fahad });
    expect(me.data.me.nationalAddress.buildingNumber).toBe("2929");

    const signIn = await graphql(platform.gatewayUrl, `mutation($id: ID!, $p: String!) { login(nationalId: $id, password: $p) { accessToken } }`, { id: "123", p: "p".repeat(300) });
    expect(listed(signIn)).toEqual(["password:TOO_LONG", "nationalId:NATIONAL_ID_FORMAT"]);

    const created = await graphql(platform.gatewayUrl, `mutation { createCardApplication(input: { kind: REPLACEMENT_DAMAGED, deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "RUH-01" }) { id } }`, {}, { token: fahad });
    const applicationId = created.data.createCardApplication.id;
    const attached = await graphql(platform.gatewayUrl, `mutation($input: AttachDocumentInput!) { attachDocument(input: $input) { id } }`, {
      input: { applicationId, type: "DAMAGED_CARD_PHOTO", fileName: "../photo\u202Egpj.pdf", mimeType: "application/pdf", contentBase64: Buffer.from("not a document").toString("base64") },
    }, { token: fahad });
    expect(listed(attached)).toEqual(["input.fileName:BIDI_CONTROL", "input.contentBase64:UNSUPPORTED_FILE_TYPE"]);
    const application = await graphql(platform.gatewayUrl, `query($id: ID!) { cardApplication(id: $id) { documents { id } } }`, { id: applicationId }, { token: fahad });
    expect(application.data.cardApplication.documents).toEqual([]);
    await graphql(platform.gatewayUrl, `mutation($id: ID!) { cancelCardApplication(id: $id) { status } }`, { id: applicationId }, { token: fahad });

    const wage = { nationalId: "1000000099", monthlyHalalas: -5, employer: "E".repeat(201), effectiveFrom: "2025-01-01" };
    const recorded = await graphql(platform.gatewayUrl, `mutation($w: RecordWageInput!) { recordWage(input: $w) { employer } }`, { w: wage }, { token: laborOfficer, headers: PURPOSE });
    expect(listed(recorded)).toEqual(["input.employer:TOO_LONG", "input.monthlyHalalas:AMOUNT_RANGE"]);

    const tracked = await graphql(
      platform.gatewayUrl,
      `mutation { recordTrackingEvent(trackingNumber: "RR000000014SA", status: RETURNED_TO_OFFICE, location: "\u202Ehub", at: "2099-01-01T00:00:00Z") { status } }`,
      {},
      { token: postman },
    );
    expect(listed(tracked)).toEqual(["location:BIDI_CONTROL", "at:FUTURE"]);
  });

  it("refuses a subscription as bad input, at the gateway and at a subgraph, without an internal error", async () => {
    for (const url of [platform.gatewayUrl, platform.subgraphs["civil-affairs"].graphqlUrl]) {
      const response = await graphql(url, `subscription { __typename }`);
      expect({ url, status: response.status, codes: codes(response), rule: response.errors?.[0]?.extensions?.reason }).toEqual({ url, status: 400, codes: ["BAD_USER_INPUT"], rule: "GRAPHQL_VALIDATION_FAILED" });
    }
  });

  it("answers a persisted query whose hash does not match its text as bad input", async () => {
    for (const version of [1, 2]) {
      const response = await fetch(platform.gatewayUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ __typename }", extensions: { persistedQuery: { version, sha256Hash: "0".repeat(64) } } }),
      });
      const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
      expect({ version, status: response.status, codes: body.errors.map((e) => e.extensions.code) }).toEqual({ version, status: 400, codes: ["BAD_USER_INPUT"] });
    }
  });

  it("keeps a client's request ID only when it is an ID, and marks every answer as not to be stored", async () => {
    const send = (requestId: string) => graphql(platform.gatewayUrl, `{ me { nationalId } }`, {}, { token: fahad, headers: { "x-request-id": requestId } });
    const [plain, long, odd] = [await send("req-42.a:b_c"), await send("R".repeat(7000)), await send("a b<script>")];
    expect(plain.headers.get("x-request-id")).toBe("req-42.a:b_c");
    for (const replaced of [long, odd]) expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    for (const response of [plain, long]) expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("answers an impossible date with BAD_USER_INPUT, as a variable or written in the query", async () => {
    const asVariable = await graphql(platform.gatewayUrl, `query($f: DateTime) { deliveryStats(from: $f) { delivered } }`, { f: "2024-02-30T00:00:00Z" }, { token: analyst });
    const inline = await graphql(platform.gatewayUrl, `{ deliveryStats(from: "2024-02-30T00:00:00Z") { delivered } }`, {}, { token: analyst });
    for (const response of [asVariable, inline]) expect(response.errors!.map((e) => e.extensions!.code)).toEqual(["BAD_USER_INPUT"]);
    // Each names where the bad value was written: the variable, or the argument (RULES: "naming the argument").
    expect(asVariable.errors![0]!.extensions!.violations).toEqual([expect.objectContaining({ field: "f", rule: "TYPE" })]);
    expect(inline.errors![0]!.extensions!.violations).toEqual([expect.objectContaining({ field: "from", rule: "TYPE" })]);
    const nested = await graphql(platform.gatewayUrl, `{ a: deliveryStats { delivered } b: applicationStats(from: "2024-01-01T00:00:00Z", to: "2024-13-01T00:00:00Z") { total } }`, {}, { token: analyst });
    expect(nested.errors!.map((e) => e.extensions!.violations)).toEqual([[expect.objectContaining({ field: "to", rule: "TYPE" })]]);
    // Every bad value at once, in one BAD_USER_INPUT: written in the query, or as variables.
    const both = await graphql(platform.gatewayUrl, `{ applicationStats(from: "x", to: "2026-02-30T00:00:00Z") { total } }`, {}, { token: analyst });
    const bothVariables = await graphql(platform.gatewayUrl, `query($f: DateTime, $t: DateTime) { applicationStats(from: $f, to: $t) { total } }`, { f: "x", t: "2026-02-30T00:00:00Z" }, { token: analyst });
    expect(both.errors!.map((e) => [e.extensions!.code, e.extensions!.violations.map((v: { field: string }) => v.field)])).toEqual([["BAD_USER_INPUT", ["from", "to"]]]);
    expect(bothVariables.errors!.map((e) => [e.extensions!.code, e.extensions!.violations.map((v: { field: string }) => v.field)])).toEqual([["BAD_USER_INPUT", ["f", "t"]]]);
  });

  it("answers a token revoked since the gateway read the revocation list as civil-affairs does, in the client's language, and shows nothing of the agency's answer", async () => {
    const token = await platform.login("1000000024");
    expect((await graphql(platform.gatewayUrl, `mutation { logout }`, {}, { token })).data).toEqual({ logout: true });
    for (const lang of ["ar", "en"]) {
      // The gateway still passes the token; civil-affairs, which revoked it, refuses it.
      const response = await graphql(platform.gatewayUrl, `{ me { nationalId family { registerNumber } } }`, {}, { token, lang });
      expect(codes(response)).toEqual(["UNAUTHENTICATED"]);
      expect(response.data).toEqual({ me: null });
      expect(response.errors![0]!.extensions).not.toHaveProperty("response");
      expect(response.errors![0]!.message).toMatch(lang === "ar" ? /[\u0600-\u06FF]/ : /^[^\u0600-\u06FF]+$/);
      expect(JSON.stringify(response)).not.toMatch(/127\.0\.0\.1|http:|Unauthorized/);
    }
  });

  it("words GraphQL's own refusals in the client's language, and names the variable that is wrong", async () => {
    const send = async (body: string, lang: string, contentType = "application/json") => {
      const response = await fetch(platform.gatewayUrl, { method: "POST", headers: { "content-type": contentType, "accept-language": lang, authorization: `Bearer ${fahad}` }, body });
      const { errors } = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string; violations: Array<{ field: string; rule: string; message: string }> } }> };
      return { status: response.status, error: errors[0]! };
    };
    const refusals = [
      ["{not json", "application/json", "body", "JSON"],
      [JSON.stringify({ query: "{ me { nationalId " }), "application/json", "query", "GRAPHQL_PARSE_FAILED"],
      [JSON.stringify({ query: "{ nope }" }), "application/json", "query", "GRAPHQL_VALIDATION_FAILED"],
      [JSON.stringify({ query: "query($r: ID!) { family(registerNumber: $r) { registerNumber } }" }), "application/json", "r", "TYPE"],
      [JSON.stringify({ query: "mutation($i: NewCardApplicationInput!) { createCardApplication(input: $i) { id } }", variables: { i: { kind: "NOPE" } } }), "application/json", "i.kind", "TYPE"],
      [JSON.stringify(Array.from({ length: 11 }, () => ({ query: "{ __typename }" }))), "application/json", "body", "MAX_BATCH_SIZE"],
      [JSON.stringify({ query: "{ me { nationalId } }" }), "text/plain", "query", "BAD_REQUEST"],
    ] as const;
    for (const [body, contentType, field, rule] of refusals) {
      const [arabic, english] = [await send(body, "ar", contentType), await send(body, "en", contentType)];
      for (const { status, error } of [arabic, english]) {
        expect({ rule, status, code: error.extensions.code, violations: error.extensions.violations.map((v) => `${v.field}:${v.rule}`) }).toEqual({ rule, status: 400, code: "BAD_USER_INPUT", violations: [`${field}:${rule}`] });
      }
      const arabicOnly = expect.stringMatching(/^[\u0600-\u06FF][^A-Za-z]*$/);
      expect({ rule, message: arabic.error.message, violation: arabic.error.extensions.violations[0]!.message }).toEqual({ rule, message: arabicOnly, violation: arabicOnly });
      expect({ rule, message: english.error.message }).toEqual({ rule, message: expect.not.stringMatching(/[\u0600-\u06FF]/) });
    }
  });

  it("quotes back a few characters of a value it cannot coerce, not the whole value (a 1 MB string sent as a Boolean came back 4 times)", async () => {
    const value = "B".repeat(1024 * 1024);
    const response = await graphql(platform.gatewayUrl, `query($a: Boolean!) { benefitPrograms @include(if: $a) { code } }`, { a: value });
    expect(response.status).toBe(400);
    expect(codes(response)).toEqual(["BAD_USER_INPUT"]);
    const [error] = response.errors!;
    expect(error!.extensions!.violations).toEqual([expect.objectContaining({ field: "a", rule: "TYPE" })]);
    expect(error!.message).toMatch(/^Variable "\$a" got invalid value "BBBB/);
    expect(JSON.stringify(response.errors).length).toBeLessThan(2000);
    // An object's keys are quoted unescaped: 64,000 escaped quotes as one key, and a 1 MB key, cost
    // neither the gateway's time nor a large answer; the field is still named.
    for (const key of ['\\"'.repeat(64_000), "k".repeat(1024 * 1024)]) {
      const keyed = await graphql(platform.gatewayUrl, `query($r: [ID!]!) { familiesForReview(registerNumbers: $r) { registerNumber } }`, { r: ["1", { [key]: 1 }] }, { token: analyst });
      expect(keyed.errors![0]!.extensions!.violations).toEqual([expect.objectContaining({ field: "r[1]", rule: "TYPE" })]);
      expect(JSON.stringify(keyed.errors).length).toBeLessThan(2000);
    }
  });

  it("asks which operation to run when a document holds several and names none", async () => {
    const response = await graphql(platform.gatewayUrl, `query A { __typename } query B { __typename }`);
    expect(response.status).toBe(400);
    expect(violationRules(response)).toEqual(["OPERATION_NAME"]);
  });
});
