import { civilAffairs } from "../subgraphs/civil-affairs/src/definition";
import { delivery } from "../subgraphs/delivery/src/definition";
import { labor } from "../subgraphs/labor/src/definition";
import { Shipment } from "../subgraphs/delivery/src/shipments/shipment.entity";
import { graphql, type GraphQLResponse } from "./support/http";
import { startTestIdentityProvider, type TestIdentityProvider } from "./support/identityProvider";
import { startTestSubgraph, type TestSubgraph } from "./support/subgraph";

/**
 * A caller who goes around the gateway, straight to a subgraph, without a valid token gets
 * nothing personal: each subgraph verifies tokens and checks roles and ownership itself.
 * labor and delivery trust civil-affairs' keys; the "foreign" token is signed by another issuer.
 */
const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) { __typename ...on Citizen { fullNameAr mobile birthDate } ...on Family { registerNumber } } }`;
const FAMILY_FACTS = {
  __typename: "Family",
  registerNumber: "3000000001",
  head: { nationalId: "1000000016", nationality: "SA", birthDate: "1980-01-01" },
  members: [{ relation: "HEAD", citizen: { nationalId: "1000000016", birthDate: "1980-01-01" } }],
};

/** No personal value came back: every root value is null (or data is null), and an error says why. */
function expectNothingPersonal(response: GraphQLResponse, allowedCodes = ["UNAUTHENTICATED", "FORBIDDEN"]) {
  const values = response.data ? Object.values(response.data) : [];
  for (const value of values) {
    // An entity stub may come back with its personal fields null ({ delivery: null }): still nothing personal.
    if (Array.isArray(value)) expect(value.every((item) => item === null || Object.entries(item).every(([key, v]) => key === "__typename" || v === null))).toBe(true);
    else expect(value).toBeNull();
  }
  expect(response.errors?.length ?? 0).toBeGreaterThan(0);
  for (const error of response.errors ?? []) expect(allowedCodes).toContain(error.extensions?.code);
}

describe("direct calls to the subgraphs, around the gateway", () => {
  let idp: TestIdentityProvider;
  let ca: TestSubgraph;
  let lab: TestSubgraph;
  let del: TestSubgraph;
  let foreign: string;
  let officer: string;
  beforeAll(async () => {
    idp = await startTestIdentityProvider();
    [ca, lab, del] = await Promise.all([
      startTestSubgraph(civilAffairs, { kind: "embedded" }),
      startTestSubgraph(labor, { kind: "embedded", civilAffairsUrl: idp.url }),
      startTestSubgraph(delivery, { kind: "embedded", civilAffairsUrl: idp.url }),
    ]);
    foreign = await idp.tokenFor("1000000016", ["CITIZEN", "CIVIL_AFFAIRS_OFFICER"]); // valid for labor and delivery only
    officer = await idp.tokenFor("1000000909", ["CITIZEN", "CIVIL_AFFAIRS_OFFICER", "POST_OPERATOR", "LABOR_OFFICER"]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([ca?.stop(), lab?.stop(), del?.stop()]);
    await idp?.stop();
  });

  describe("the gateway's credential", () => {
    const citizenToken = () => idp.tokenFor("1000000016", ["CITIZEN"]);

    it("is required for _entities and _service at every subgraph, even with a valid token", async () => {
      const token = await citizenToken();
      const byName = { "civil-affairs": ca, labor: lab, delivery: del };
      for (const [name, subgraph] of Object.entries(byName)) {
        for (const query of [`query($representations: [_Any!]!) { _entities(representations: $representations) { __typename } }`, `{ _service { sdl } }`, `query($representations: [_Any!]!) { ... on Query { ...E } } fragment E on Query { _entities(representations: $representations) { __typename } }`]) {
          for (const headers of [{}, { "x-gateway-credential": "a-guess-that-is-long-enough-to-be-a-credential" }] as Array<Record<string, string>>) {
            const response = await graphql(subgraph.graphqlUrl, query, { representations: [FAMILY_FACTS] }, { token: name === "civil-affairs" ? undefined : token, asGateway: false, headers });
            expect([name, response.status, response.errors?.[0]?.extensions?.reason]).toEqual([name, 403, "GATEWAY_CREDENTIAL_REQUIRED"]);
            expect(response.data ?? null).toBeNull();
          }
        }
      }
    });

    it("is required for a sign-in at civil-affairs: only the gateway limits sign-ins, so none may fill the ones in flight around it", async () => {
      const login = `mutation($id: ID!, $password: String!) { login(nationalId: $id, password: $password) { accessToken } }`;
      const around = await graphql(ca.graphqlUrl, login, { id: "1000000016", password: "demo-password" }, { asGateway: false });
      expect([around.status, around.errors?.[0]?.extensions?.reason]).toEqual([403, "GATEWAY_CREDENTIAL_REQUIRED"]);
      expect(around.data ?? null).toBeNull();
      const fromGateway = await graphql(ca.graphqlUrl, login, { id: "1000000016", password: "demo-password" });
      expect(fromGateway.data?.login.accessToken).toEqual(expect.any(String));
    });

    it("accepts either of two credentials during a rotation", async () => {
      const [older, newer] = ["rotation-credential-one-0123456789abcdef", "rotation-credential-two-0123456789abcdef"];
      const rotating = await startTestSubgraph(delivery, { kind: "embedded", civilAffairsUrl: idp.url, demoData: false, env: { GATEWAY_CREDENTIALS: `${older},${newer}` } });
      try {
        for (const credential of [older, newer]) {
          const response = await graphql(rotating.graphqlUrl, `{ _service { sdl } }`, {}, { asGateway: false, headers: { "x-gateway-credential": credential } });
          expect(response.data?._service.sdl).toContain("type Shipment");
        }
        expect((await graphql(rotating.graphqlUrl, `{ _service { sdl } }`)).status).toBe(403); // the development credential no longer
      } finally {
        await rotating.stop();
      }
    });
  });

  describe("civil-affairs", () => {
    const personal: Array<[string, string, Record<string, unknown>]> = [
      ["me", `{ me { nationalId fullNameAr } }`, {}],
      ["citizen", `{ citizen(nationalId: "1000000016") { fullNameAr mobile } }`, {}],
      ["family", `{ family(registerNumber: "3000000001") { members { citizen { nationalId } } } }`, {}],
      ["myCardApplications", `{ myCardApplications { id } }`, {}],
      ["cardApplications", `{ cardApplications { edges { node { id } } } }`, {}],
      ["applicationStats", `{ applicationStats { total } }`, {}],
      ["Citizen/Family entities", ENTITIES, { representations: [{ __typename: "Citizen", nationalId: "1000000016" }, { __typename: "Family", registerNumber: "3000000001" }] }],
      [
        "FamilyCard/CardApplication entities",
        `query($r: [_Any!]!) { _entities(representations: $r) { ...on FamilyCard { cardNumber family { registerNumber } } ...on CardApplication { id status } } }`,
        { r: [{ __typename: "FamilyCard", cardNumber: "FC300000000101" }, { __typename: "CardApplication", id: "00000000-0000-0000-0000-000000000001" }] },
      ],
    ];
    it.each(personal)("%s: nothing without a token", async (_name, query, variables) => {
      expectNothingPersonal(await graphql(ca.graphqlUrl, query, variables));
    });

    it("refuses a query deeper than the gateway passes and its plans add: a family of a family of … multiplies its answer at every level", async () => {
      const login = await graphql(ca.graphqlUrl, `mutation { login(nationalId: "1000000099", password: "demo-password") { accessToken } }`);
      const token = login.data!.login.accessToken as string;
      const nested = `{ me { ${"family { members { citizen { ".repeat(7)}nationalId${" } } }".repeat(7)} } }`;
      const response = await graphql(ca.graphqlUrl, nested, {}, { token, asGateway: false });
      expect(response.status).toBe(400);
      expect(response.errors?.[0]?.extensions?.violations).toEqual([expect.objectContaining({ field: "query", rule: "MAX_DEPTH" })]);
      expect(response.data ?? null).toBeNull();
    });

    it("refuses a token it did not sign (401) and answers the public fields", async () => {
      const forged = await graphql(ca.graphqlUrl, `{ me { fullNameAr } }`, {}, { token: foreign });
      expect(forged.status).toBe(401);
      expect(forged.data ?? null).toBeNull();
      const offices = await graphql(ca.graphqlUrl, `{ civilAffairsOffices { id } }`);
      expect(offices.data!.civilAffairsOffices.length).toBeGreaterThan(0);
    });
  });

  describe("labor", () => {
    const personal: Array<[string, string, Record<string, unknown>]> = [
      ["Family entity (income, eligibility, enrollments)", `query($r: [_Any!]!) { _entities(representations: $r) { ...on Family { householdIncome { halalas } enrollments { id } } } }`, { r: [FAMILY_FACTS] }],
      ["BenefitEnrollment entity", `query($r: [_Any!]!) { _entities(representations: $r) { ...on BenefitEnrollment { id status } } }`, { r: [{ __typename: "BenefitEnrollment", id: "00000000-0000-0000-0000-000000000001" }] }],
      ["familiesForReview", `{ familiesForReview(registerNumbers: ["3000000001"]) { registerNumber } }`, {}],
      ["programStats", `{ programStats { enrolledFamilies } }`, {}],
    ];
    it.each(personal)("%s: nothing without a token", async (_name, query, variables) => {
      expectNothingPersonal(await graphql(lab.graphqlUrl, query, variables));
    });

    it("reads a citizen's family from labor's own copy of the register, not from the representation: a stranger listed reads nothing of his wage", async () => {
      const fahad = await idp.tokenFor("1000000016", ["CITIZEN"]);
      const query = `query($r: [_Any!]!) { _entities(representations: $r) { ...on Family { wages { nationalId } householdIncome { halalas } } } }`;
      const member = (nationalId: string, relation: string) => ({ relation, citizen: { nationalId, birthDate: "1980-01-01" } });
      // Himself listed in Abdullah's register: refused.
      const intoAnother = { __typename: "Family", registerNumber: "3000000002", head: { nationalId: "1000000099", nationality: "SA", birthDate: "1975-01-01" }, members: [member("1000000099", "HEAD"), member("1000000016", "SPOUSE")] };
      const refused = await graphql(lab.graphqlUrl, query, { r: [intoAnother] }, { token: fahad });
      expect(refused.errors?.map((e) => e.extensions?.code)).toContain("FORBIDDEN");
      expect(JSON.stringify(refused.data ?? null)).not.toContain("1000000099");
      // Abdullah listed in his own register: the wages are his real family's.
      const withStranger = { ...FAMILY_FACTS, members: [member("1000000016", "HEAD"), member("1000000099", "SON")] };
      const read = await graphql(lab.graphqlUrl, query, { r: [withStranger] }, { token: fahad });
      expect(read.errors).toBeUndefined();
      const listed = read.data!._entities[0].wages.map((wage: { nationalId: string }) => wage.nationalId).sort();
      const copy = await lab.db.query(`SELECT national_id FROM register_member WHERE register_number = '3000000001' ORDER BY national_id`);
      expect(listed).toEqual(copy.map((row: { national_id: string }) => row.national_id));
      expect(listed).not.toContain("1000000099");
      // Refused (a daughter of 14), the read is still recorded as her family's, not as a stranger's the representation named.
      const sarah = await idp.tokenFor("1000000040", ["CITIZEN"]);
      const minor = await graphql(lab.graphqlUrl, query, { r: [withStranger] }, { token: sarah, headers: { "x-request-id": "planted-owner-1" } });
      expect(minor.errors?.map((e) => e.extensions?.code)).toContain("FORBIDDEN");
      const owners = (await lab.db.query(`SELECT DISTINCT unnest(owner_ids) AS owner FROM data_access WHERE request_id = 'planted-owner-1'`)).map((row: { owner: string }) => row.owner);
      expect(owners.length).toBeGreaterThan(0);
      expect(owners).not.toContain("1000000099");
    });

    it("never stores what it computes from a representation: a forged family read leaves labor's tables and stats as they were", async () => {
      const snapshot = async () =>
        (
          await lab.db.query(
            `SELECT (SELECT count(*)::int FROM family_eligibility) AS eligibility,
                    (SELECT count(*)::int FROM register_family) AS families, (SELECT count(*)::int FROM register_member) AS members`,
          )
        )[0];
      const stats = async () => (await graphql(lab.graphqlUrl, `{ programStats { program eligibleFamilies } }`, {}, { token: officer, headers: { "x-access-purpose": "direct-access test" } })).data;
      const before = [await snapshot(), await stats()];
      const forged = { ...FAMILY_FACTS, registerNumber: "3999999990", members: [{ relation: "HEAD", citizen: { nationalId: "1000000016", birthDate: "1980-01-01" } }] };
      const read = await graphql(lab.graphqlUrl, `query($r: [_Any!]!) { _entities(representations: $r) { ...on Family { eligibility { eligible } } } }`, { r: [forged] }, { token: officer, headers: { "x-access-purpose": "direct-access test" } });
      expect(read.errors).toBeUndefined();
      expect([await snapshot(), await stats()]).toEqual(before);
    });

    it("refuses a token signed by another issuer (401)", async () => {
      const stranger = await startTestIdentityProvider();
      try {
        const token = await stranger.tokenFor("1000000917", ["LABOR_OFFICER"]);
        const response = await graphql(lab.graphqlUrl, `{ familiesForReview(registerNumbers: ["3000000001"]) { registerNumber } }`, {}, { token });
        expect(response.status).toBe(401);
        expect(response.data ?? null).toBeNull();
      } finally {
        await stranger.stop();
      }
    });
  });

  describe("delivery", () => {
    it("answers a card's delivery to staff with a valid token, nothing to anyone without one", async () => {
      const query = `query($r: [_Any!]!) { _entities(representations: $r) { ...on FamilyCard { delivery { __typename ...on Shipment { trackingNumber recipientName address { street } } } } } }`;
      const seeded = (await del.db.getRepository(Shipment).find({ take: 1 }))[0]!;
      const variables = { r: [{ __typename: "FamilyCard", cardNumber: seeded.cardNumber }] };
      const staff = await graphql(del.graphqlUrl, query, variables, { token: officer, headers: { "x-access-purpose": "direct-access test" } });
      const trackingNumber: string = staff.data!._entities[0].delivery.trackingNumber;
      expect(trackingNumber).toBe(seeded.trackingNumber);

      expectNothingPersonal(await graphql(del.graphqlUrl, query, variables));
      const shipmentEntity = `query($r: [_Any!]!) { _entities(representations: $r) { ...on Shipment { recipientName address { street } } } }`;
      expectNothingPersonal(await graphql(del.graphqlUrl, shipmentEntity, { r: [{ __typename: "Shipment", trackingNumber }] }));
      expectNothingPersonal(await graphql(del.graphqlUrl, `query($t: ID!) { shipment(trackingNumber: $t) { recipientName } }`, { t: trackingNumber }));
      expectNothingPersonal(await graphql(del.graphqlUrl, `{ deliveryStats { delivered } }`));
      // A citizen's own token (not a member of that family, not staff) gets nothing either.
      const stranger = await idp.tokenFor("1000000099", ["CITIZEN"]);
      expectNothingPersonal(await graphql(del.graphqlUrl, shipmentEntity, { r: [{ __typename: "Shipment", trackingNumber }] }, { token: stranger }), ["FORBIDDEN", "NOT_FOUND"]);
    });
  });
});
