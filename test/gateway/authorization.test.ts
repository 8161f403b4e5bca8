import { codes, graphql, type GraphQLResponse } from "../support/http";
import { startInProcessPlatform, type InProcessPlatform } from "../support/inProcessPlatform";

/**
 * Authorization declared in the schema (@authenticated / @requiresScopes) and enforced by the
 * gateway before planning: refused fields are removed, answered null with one error per path,
 * the rest of the operation still answered. One platform for the whole file: the three subgraphs
 * and the gateway in this process (test/support/inProcessPlatform.ts).
 */

/** One root field per operation, named by the field. */
const OPERATIONS: Record<string, string> = {
  benefitPrograms: `{ benefitPrograms { code } }`,
  civilAffairsOffices: `{ civilAffairsOffices { id } }`,
  login: `mutation { login(nationalId: "1000000016", password: "demo-password") { roles } }`,
  me: `{ me { nationalId } }`,
  citizen: `{ citizen(nationalId: "1000000016") { nationalId } }`,
  family: `{ family(registerNumber: "3000000001") { registerNumber } }`,
  cardApplication: `{ cardApplication(id: "00000000-0000-0000-0000-000000000000") { id } }`,
  myCardApplications: `{ myCardApplications { id } }`,
  cardApplications: `{ cardApplications(first: 1) { totalCount } }`,
  applicationStats: `{ applicationStats { total } }`,
  programStats: `{ programStats { eligibleFamilies } }`,
  familiesForReview: `{ familiesForReview(registerNumbers: ["3100000000"]) { registerNumber } }`,
  shipment: `{ shipment(trackingNumber: "SP000000000SA") { trackingNumber } }`,
  deliveryStats: `{ deliveryStats { delivered } }`,
  updateNationalAddress: `mutation { updateNationalAddress(input: { buildingNumber: "x", street: "", district: "", city: "", postalCode: "", additionalNumber: "" }) { nationalId } }`,
  createCardApplication: `mutation { createCardApplication(input: { kind: MEMBERS_UPDATE, deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "NOPE" }) { id } }`,
  enrollInProgram: `mutation { enrollInProgram(registerNumber: "0000000000", program: FOOD_SUPPORT) { id } }`,
  startReview: `mutation { startReview(id: "00000000-0000-0000-0000-000000000000") { id } }`,
  issueFamilyCard: `mutation { issueFamilyCard(applicationId: "00000000-0000-0000-0000-000000000000") { cardNumber } }`,
  decideEnrollment: `mutation { decideEnrollment(id: "00000000-0000-0000-0000-000000000000", approve: true) { id } }`,
  recordWage: `mutation { recordWage(input: { nationalId: "1", monthlyHalalas: -1, employer: "", effectiveFrom: "2026-01-01" }) { __typename } }`,
  recordTrackingEvent: `mutation { recordTrackingEvent(trackingNumber: "SP000000000SA", status: IN_TRANSIT) { trackingNumber } }`,
  markReadyForPickup: `mutation { markReadyForPickup(cardNumber: "FC000000000000") { status } }`,
  markCollected: `mutation { markCollected(cardNumber: "FC000000000000") { status } }`,
};

type Who = "anonymous" | "citizen" | "civilAffairsOfficer" | "laborOfficer" | "postOperator" | "analyst";
const ACCOUNTS: Record<Exclude<Who, "anonymous">, string> = {
  citizen: "1000000016",
  civilAffairsOfficer: "1000000909",
  laborOfficer: "1000000917",
  postOperator: "1000000925",
  analyst: "1000000933",
};

const PUBLIC = ["benefitPrograms", "civilAffairsOffices", "login"];
const PERSONAL = ["me", "citizen", "family", "cardApplication", "myCardApplications", "shipment", "updateNationalAddress", "createCardApplication", "enrollInProgram"];

/** For each role: what the gateway lets through (the subgraph may still refuse, e.g. not the owner) and what it refuses. */
const TABLE: Record<Who, { allowed: string[]; refused: string[] }> = {
  anonymous: { allowed: PUBLIC, refused: Object.keys(OPERATIONS).filter((name) => !PUBLIC.includes(name)) },
  citizen: {
    allowed: [...PUBLIC, ...PERSONAL],
    refused: ["cardApplications", "applicationStats", "programStats", "familiesForReview", "deliveryStats", "startReview", "issueFamilyCard", "decideEnrollment", "recordWage", "recordTrackingEvent", "markReadyForPickup", "markCollected"],
  },
  civilAffairsOfficer: {
    allowed: [...PUBLIC, ...PERSONAL, "cardApplications", "applicationStats", "programStats", "deliveryStats", "startReview", "issueFamilyCard", "markReadyForPickup", "markCollected"],
    refused: ["familiesForReview", "decideEnrollment", "recordWage", "recordTrackingEvent"],
  },
  laborOfficer: {
    allowed: [...PUBLIC, ...PERSONAL, "applicationStats", "programStats", "deliveryStats", "familiesForReview", "decideEnrollment", "recordWage"],
    refused: ["cardApplications", "startReview", "issueFamilyCard", "recordTrackingEvent", "markReadyForPickup", "markCollected"],
  },
  postOperator: {
    allowed: [...PUBLIC, ...PERSONAL, "applicationStats", "programStats", "deliveryStats", "recordTrackingEvent"],
    refused: ["cardApplications", "familiesForReview", "startReview", "issueFamilyCard", "decideEnrollment", "recordWage", "markReadyForPickup", "markCollected"],
  },
  analyst: {
    allowed: [...PUBLIC, ...PERSONAL, "applicationStats", "programStats", "deliveryStats"],
    refused: ["cardApplications", "familiesForReview", "startReview", "issueFamilyCard", "decideEnrollment", "recordWage", "recordTrackingEvent", "markReadyForPickup", "markCollected"],
  },
};

/** The gateway's own refusals: a subgraph's (it still checks ownership and roles) carry its serviceName. */
const refusals = (response: GraphQLResponse) =>
  (response.errors ?? []).filter((e) => ["UNAUTHENTICATED", "FORBIDDEN"].includes(e.extensions?.code) && !e.extensions?.serviceName);

describe("authorization from the schema, at the gateway", () => {
  let platform: InProcessPlatform;
  const tokens: Partial<Record<Who, string>> = {};
  beforeAll(async () => {
    platform = await startInProcessPlatform();
    for (const [who, id] of Object.entries(ACCOUNTS)) tokens[who as Who] = await platform.login(id);
  }, 60_000);
  afterAll(() => platform?.stop());

  const call = (who: Who, query: string) => graphql(platform.gatewayUrl, query, {}, { token: tokens[who] });

  it("covers every operation of the table for every role", () => {
    for (const { allowed, refused } of Object.values(TABLE)) {
      expect([...allowed, ...refused].sort()).toEqual(Object.keys(OPERATIONS).sort());
    }
  });

  describe.each(Object.keys(TABLE) as Who[])("%s", (who) => {
    it("is refused exactly the operations its role may not ask, with the right code and path", async () => {
      const expected = who === "anonymous" ? "UNAUTHENTICATED" : "FORBIDDEN";
      const results = await Promise.all(TABLE[who].refused.map(async (name) => [name, await call(who, OPERATIONS[name]!)] as const));
      for (const [name, response] of results) {
        expect({ name, codes: codes(response), path: response.errors?.[0]?.path, bySubgraph: response.errors?.[0]?.extensions?.serviceName }).toEqual({ name, codes: [expected], path: [name], bySubgraph: undefined });
        expect(response.data ?? { [name]: null }).toEqual({ [name]: null }); // null, or null propagated from a non-null field

      }
    });

    it("is let through for the operations its role may ask", async () => {
      const results = await Promise.all(TABLE[who].allowed.map(async (name) => [name, await call(who, OPERATIONS[name]!)] as const));
      for (const [name, response] of results) {
        // The subgraph may still answer NOT_FOUND or BAD_USER_INPUT for made-up arguments, or refuse
        // a person's data it checks itself (defence in depth); the gateway did not refuse it.
        expect({ name, refusals: refusals(response) }).toEqual({ name, refusals: [] });
      }
    });
  });

  it("refuses at the gateway before the subgraph sees the request (the subgraph would say BAD_USER_INPUT first)", async () => {
    const response = await call("anonymous", `{ citizen(nationalId: "123") { nationalId } }`);
    expect(codes(response)).toEqual(["UNAUTHENTICATED"]);
    expect(response.data).toEqual({ citizen: null });
  });

  it("answers a variable it cannot take with that error alone, no refusal of fields that never ran", async () => {
    const response = await graphql(platform.gatewayUrl, `query($n: ID!) { citizen(nationalId: $n) { nationalId } }`, {});
    expect(codes(response)).toEqual(["BAD_USER_INPUT"]);
    expect(response.errors![0]!.message).toContain("$n");
    expect(response.data).toBeUndefined();
  });

  it("answers the rest of the operation, null at the refused paths, one error per path", async () => {
    const response = await call("citizen", `{ benefitPrograms { code } me { nationalId } programStats { eligibleFamilies } stats: deliveryStats { delivered } }`);
    // programStats and deliveryStats are non-null: the null propagates to data, as GraphQL does.
    expect(response.data).toBeNull();
    expect(response.errors!.map((e) => [e.extensions!.code, e.path])).toEqual([
      ["FORBIDDEN", ["programStats"]],
      ["FORBIDDEN", ["stats"]],
    ]);

    const nullable = await call("anonymous", `{ benefitPrograms { code } me { nationalId } shipment(trackingNumber: "X") { trackingNumber } }`);
    expect(nullable.data!.benefitPrograms).toHaveLength(5);
    expect(nullable.data!.me).toBeNull();
    expect(nullable.data!.shipment).toBeNull();
    expect(nullable.errors!.map((e) => [e.extensions!.code, e.path])).toEqual([
      ["UNAUTHENTICATED", ["me"]],
      ["UNAUTHENTICATED", ["shipment"]],
    ]);
  });

  it("removes a nested field of a protected type: login answers the session, not the family behind it", async () => {
    const response = await call("anonymous", `mutation { login(nationalId: "1000000016", password: "demo-password") { roles citizen { nationalId family { registerNumber } } } }`);
    expect(response.data!.login.roles).toEqual(["CITIZEN"]);
    expect(response.data!.login.citizen).toEqual({ nationalId: "1000000016", family: null });
    expect(response.errors!.map((e) => [e.extensions!.code, e.path])).toEqual([["UNAUTHENTICATED", ["login", "citizen", "family"]]]);
  });

  it("follows fragments and keeps the caller's own __typename", async () => {
    const response = await call("citizen", `query Q { ...F } fragment F on Query { __typename benefitPrograms { code } cardApplications { totalCount } }`);
    expect(response.data).toBeNull();
    expect(response.errors!.map((e) => [e.extensions!.code, e.path])).toEqual([["FORBIDDEN", ["cardApplications"]]]);
    const mine = await call("citizen", `query Q { ...F } fragment F on Query { __typename me { nationalId } applicationStats { total } }`);
    expect(mine.data).toBeNull();
    const ok = await call("analyst", `query Q { ...F } fragment F on Query { __typename applicationStats { total } }`);
    expect(ok.errors).toBeUndefined();
    expect(ok.data).toEqual({ __typename: "Query", applicationStats: { total: expect.any(Number) } });
  });

  it("does not execute a refused mutation beside a permitted one", async () => {
    const response = await call("citizen", `mutation { login(nationalId: "1000000016", password: "demo-password") { roles } recordTrackingEvent(trackingNumber: "SP000000000SA", status: IN_TRANSIT) { trackingNumber } }`);
    expect(codes(response)).toEqual(["FORBIDDEN"]);
    expect(response.errors![0]!.path).toEqual(["recordTrackingEvent"]);
    expect(response.data).toBeNull();
  });

  it("answers Arabic refusals with Accept-Language: ar", async () => {
    const response = await graphql(platform.gatewayUrl, `{ me { nationalId } }`, {}, { lang: "ar" });
    expect(response.errors![0]!.message).toBe("يرجى تسجيل الدخول أولاً.");
  });
});
