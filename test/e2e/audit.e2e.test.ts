import crypto from "node:crypto";
import http from "node:http";
import { EVENTS_PATH } from "../../kernel/events/cardIssued";
import { sign, SIGNATURE_HEADER } from "../../kernel/events/signature";
import { codes, graphql } from "../support/http";
import { startTestStack, type TestStack } from "../support/stack";

/**
 * The data-access audit ("who read my data"), token revocation and secret hygiene, through the
 * gateway on one stack that logs at debug level with its own secrets.
 */
const FAHAD = "1000000016";
const CA_OFFICER = "1000000909";
const LABOR_OFFICER = "1000000917";
const POSTAL_OPERATOR = "1000000925";
const ANALYST = "1000000933";
const PASSWORD = "demo-password";

const SECRETS = {
  EVENTS_HMAC_SECRET: `events-${crypto.randomBytes(16).toString("hex")}`,
  CARRIER_WEBHOOK_SECRET: `carrier-${crypto.randomBytes(16).toString("hex")}`,
  JWT_PRIVATE_KEY: crypto.generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
};

const REPORT = `query MyAccesses {
  myDataAccesses {
    nationalId
    civilAffairs { accessorNationalId accessorRoles action fields operationName purpose requestId at }
    labor { accessorNationalId accessorRoles action fields operationName purpose requestId at }
    delivery { accessorNationalId accessorRoles action fields operationName purpose requestId at }
  }
}`;

const purpose = (text: string) => ({ "x-access-purpose": text });

describe("data-access audit, revocation and secret hygiene through the gateway", () => {
  let stack: TestStack;
  const tokens: string[] = [];
  const login = async (id: string) => {
    const token = await stack.login(id, PASSWORD);
    tokens.push(token);
    return token;
  };

  beforeAll(async () => {
    stack = await startTestStack({ LOG_LEVEL: "debug", TOKEN_REVOCATION_REFRESH_MS: "300", ACCESS_PURPOSE_REQUIRED: "true", ...SECRETS });
  });
  afterAll(() => stack?.stop());

  it("refuses an officer who states no purpose, with one clear error", async () => {
    const token = await login(CA_OFFICER);
    const response = await graphql(stack.gatewayUrl, `{ family(registerNumber: "3000000001") { members { citizen { fullNameAr birthDate } } } }`, {}, { token });
    expect(codes(response)).toEqual(["FORBIDDEN"]);
    expect(response.errors![0]!.extensions).toMatchObject({ reason: "PURPOSE_REQUIRED", header: "x-access-purpose" });
    expect(response.errors![0]!.message).toMatch(/x-access-purpose/);
    expect(response.data).toEqual({ family: null });
    // Nor may an officer change someone's data without one (refused before anything is written).
    const move = await graphql(stack.gatewayUrl, `mutation { startReview(id: "00000000-0000-4000-8000-000000000000") { id } }`, {}, { token });
    expect(codes(move)).toEqual(["FORBIDDEN"]);
    // Their own record needs no purpose.
    const me = await graphql(stack.gatewayUrl, `{ me { nationalId } }`, {}, { token });
    expect(me.data).toEqual({ me: { nationalId: CA_OFFICER } });
  });

  it("records every agency's officer reading Fahad's family, and Fahad sees all three in one query", async () => {
    const own = await graphql(stack.gatewayUrl, `{ me { family { card { delivery { ... on Shipment { trackingNumber } } } } } }`, {}, { token: await login(FAHAD) });
    const trackingNumber = own.data.me.family.card.delivery.trackingNumber as string;

    const ca = await graphql(
      stack.gatewayUrl,
      `query ReviewFamily { family(registerNumber: "3000000001") { registerNumber members { relation citizen { nationalId fullNameAr birthDate } } card { cardNumber } } }`,
      {},
      { token: await login(CA_OFFICER), headers: purpose("Card renewal case 42") },
    );
    expect(ca.errors).toBeUndefined();
    expect(ca.data.family.members).toHaveLength(4);

    const labor = await graphql(
      stack.gatewayUrl,
      `query ReviewSupport { familiesForReview(registerNumbers: ["3000000001"]) { registerNumber householdIncome { halalas } eligibility { eligible } } }`,
      {},
      { token: await login(LABOR_OFFICER), headers: purpose("Support review 7") },
    );
    expect(labor.errors).toBeUndefined();
    expect(labor.data.familiesForReview[0].householdIncome.halalas).toBe(2_500_000);

    const post = await graphql(
      stack.gatewayUrl,
      `query TraceShipment($t: ID!) { shipment(trackingNumber: $t) { status recipientName address { city } } }`,
      { t: trackingNumber },
      { token: await login(POSTAL_OPERATOR), headers: purpose("Customer complaint 9") },
    );
    expect(post.errors).toBeUndefined();

    // An analyst's aggregate queries record nothing personal.
    const analyst = await login(ANALYST);
    const stats = await graphql(stack.gatewayUrl, `{ applicationStats { total } programStats { enrolledFamilies } deliveryStats { delivered } }`, {}, { token: analyst });
    expect(stats.errors).toBeUndefined();

    const fahad = await login(FAHAD);
    const report = await graphql(stack.gatewayUrl, REPORT, {}, { token: fahad });
    expect(report.errors).toBeUndefined();
    const { civilAffairs, labor: laborAccesses, delivery } = report.data.myDataAccesses;
    expect(report.data.myDataAccesses.nationalId).toBe(FAHAD);

    const byCaOfficer = civilAffairs.find((a: any) => a.accessorNationalId === CA_OFFICER);
    expect(byCaOfficer).toMatchObject({ action: "READ", purpose: "Card renewal case 42", operationName: "ReviewFamily", accessorRoles: expect.arrayContaining(["CIVIL_AFFAIRS_OFFICER"]) });
    expect(byCaOfficer.fields).toEqual(expect.arrayContaining(["Citizen.birthDate", "Citizen.fullNameAr", "Family.members", "FamilyCard.cardNumber"]));
    expect(byCaOfficer.requestId).toEqual(expect.any(String));
    // Labor read Fahad's facts from civil-affairs for the officer (the gateway's @requires fetch) and its own.
    expect(civilAffairs.some((a: any) => a.accessorNationalId === LABOR_OFFICER && a.purpose === "Support review 7")).toBe(true);
    const byLaborOfficer = laborAccesses.find((a: any) => a.accessorNationalId === LABOR_OFFICER);
    expect(byLaborOfficer).toMatchObject({ action: "READ", purpose: "Support review 7", operationName: "ReviewSupport" });
    expect(byLaborOfficer.fields).toEqual(expect.arrayContaining(["Family.eligibility", "Family.householdIncome"]));
    const byOperator = delivery.find((a: any) => a.accessorNationalId === POSTAL_OPERATOR);
    expect(byOperator).toMatchObject({ action: "READ", purpose: "Customer complaint 9", operationName: "TraceShipment" });
    expect(byOperator.fields).toEqual(expect.arrayContaining(["Shipment.address", "Shipment.recipientName"]));

    const everyone = [...civilAffairs, ...laborAccesses, ...delivery].map((a: any) => a.accessorNationalId);
    expect(everyone).not.toContain(ANALYST);
    expect(everyone).not.toContain(FAHAD); // his own reads are not "someone else"
  });

  it("refuses a purpose holding a NUL, a line break or a direction override, and reads one sent as raw UTF-8 as its writer meant", async () => {
    const token = await login(CA_OFFICER);
    const READ = `query PurposeCheck { family(registerNumber: "3000000001") { head { fullNameAr } } }`;
    for (const sent of ["a%00b", "%E2%80%AEesoprup", "line1%0Aline2"]) {
      const response = await graphql(stack.gatewayUrl, READ, {}, { token, headers: purpose(sent) });
      expect({ sent, status: response.status, codes: codes(response), field: response.errors?.[0]?.extensions?.violations?.[0]?.field }).toEqual({ sent, status: 400, codes: ["BAD_USER_INPUT"], field: "x-access-purpose" });
    }
    // A client that does not percent-encode sends UTF-8 bytes: Node hands them over as Latin-1.
    const raw = Buffer.from("مراجعة خام", "utf8").toString("latin1");
    expect((await graphql(stack.gatewayUrl, READ, {}, { token, headers: purpose(raw) })).errors).toBeUndefined();
    const report = await graphql(stack.gatewayUrl, REPORT, {}, { token: await login(FAHAD) });
    const checks = report.data.myDataAccesses.civilAffairs.filter((a: any) => a.operationName === "PurposeCheck");
    expect(checks.map((a: any) => a.purpose)).toEqual(["مراجعة خام"]);
  });

  it("refuses a revoked token at civil-affairs at once and everywhere after the refresh window", async () => {
    const token = await login(FAHAD);
    const query = `{ me { nationalId family { card { delivery { __typename } } eligibility { eligible } } } }`;
    const before = await graphql(stack.gatewayUrl, query, {}, { token });
    expect(before.errors).toBeUndefined();

    const logout = await graphql(stack.gatewayUrl, `mutation { logout }`, {}, { token });
    expect(logout.data).toEqual({ logout: true });

    // Civil-affairs checks its own list: refused at once, even if the gateway's copy is not refreshed yet.
    const direct = await graphql(`${stack.urls["civil-affairs"]}/graphql`, `{ me { nationalId } }`, {}, { token });
    expect(direct.status).toBe(401);
    expect(codes(direct)).toEqual(["UNAUTHENTICATED"]);

    await new Promise((resolve) => setTimeout(resolve, 700)); // TOKEN_REVOCATION_REFRESH_MS is 300 here
    const after = await graphql(stack.gatewayUrl, query, {}, { token });
    expect(after.status).toBe(401);
    expect(codes(after)).toEqual(["UNAUTHENTICATED"]);
    for (const name of ["labor", "delivery"]) {
      const response = await graphql(`${stack.urls[name]}/graphql`, `{ _service { sdl } }`, {}, { token });
      expect({ name, status: response.status, codes: codes(response) }).toEqual({ name, status: 401, codes: ["UNAUTHENTICATED"] });
    }
    const published = (await (await fetch(`${stack.urls["civil-affairs"]}/.well-known/revoked-tokens`)).json()) as { revoked: Array<{ jti: string }> };
    expect(published.revoked.length).toBeGreaterThan(0);

    // A fresh sign-in still works.
    const again = await graphql(stack.gatewayUrl, `{ me { nationalId } }`, {}, { token: await login(FAHAD) });
    expect(again.data).toEqual({ me: { nationalId: FAHAD } });
  });

  it("never writes a password, token, private key or HMAC secret to a log line (LOG_LEVEL=debug)", async () => {
    // A wrong password, too, must not be logged.
    await graphql(stack.gatewayUrl, `mutation($pw: String!) { login(nationalId: "${FAHAD}", password: $pw) { accessToken } }`, { pw: "wrong-password-xyz" });
    // Signed calls to delivery's event and carrier endpoints.
    const event = JSON.stringify({ id: crypto.randomUUID(), type: "CardIssued", payload: {} });
    await fetch(`${stack.urls.delivery}${EVENTS_PATH}`, { method: "POST", headers: { "content-type": "application/json", [SIGNATURE_HEADER]: sign(event, SECRETS.EVENTS_HMAC_SECRET) }, body: event });
    const webhook = JSON.stringify({ events: [{ trackingNumber: "RR000000000SA", status: "IN_TRANSIT", at: new Date().toISOString() }] });
    await fetch(`${stack.urls.delivery}/carrier/webhook`, { method: "POST", headers: { "content-type": "application/json", [SIGNATURE_HEADER]: sign(webhook, SECRETS.CARRIER_WEBHOOK_SECRET) }, body: webhook });
    await new Promise((resolve) => setTimeout(resolve, 300)); // let the children flush their logs

    expect(stack.logs.length).toBeGreaterThan(10);
    expect(tokens.length).toBeGreaterThan(5);
    const pemBody = SECRETS.JWT_PRIVATE_KEY.split("\n").filter((line) => line && !line.startsWith("-----"));
    const secrets: Array<[string, string]> = [
      ["password", PASSWORD],
      ["wrong password", "wrong-password-xyz"],
      ["events secret", SECRETS.EVENTS_HMAC_SECRET],
      ["carrier secret", SECRETS.CARRIER_WEBHOOK_SECRET],
      ...pemBody.map((line, i): [string, string] => [`private key line ${i}`, line]),
      ...tokens.flatMap((token, i): Array<[string, string]> => [
        [`token ${i}`, token],
        [`token ${i} signature`, token.split(".")[2]!],
      ]),
    ];
    const leaks = secrets.flatMap(([what, secret]) => stack.logs.filter((line) => line.includes(secret)).map((line) => `${what}: ${line.slice(0, 200)}`));
    expect(leaks).toEqual([]);
  });

  it("logs no text a client chose as a refused request's ID, and a client who leaves mid-body as one line without a stack", async () => {
    const chosen = "chosen text 1000000016";
    const refused = await fetch(stack.gatewayUrl, { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer forged", "x-request-id": chosen }, body: "{}" });
    expect(refused.status).toBe(401);
    // A body announced and never sent: anyone can open such connections by the thousand.
    await new Promise<void>((resolve) => {
      const request = http.request(stack.gatewayUrl, { method: "POST", headers: { "content-type": "application/json", "content-length": "8000" } });
      request.on("error", () => resolve());
      request.write('{"query":');
      setTimeout(() => {
        request.destroy();
        resolve();
      }, 300);
    });
    await new Promise((resolve) => setTimeout(resolve, 300)); // let the gateway notice and flush its log
    expect(stack.logs.filter((line) => line.includes("chosen text"))).toEqual([]);
    const left = stack.logs.filter((line) => line.includes("before sending its body"));
    expect(left).toHaveLength(1);
    expect(left[0]).not.toMatch(/"stack"|"level":50/);
    expect(stack.logs.filter((line) => line.includes("request failed"))).toEqual([]);
  });
});
