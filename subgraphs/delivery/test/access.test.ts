import type { RegisterMemberFacts } from "../../../kernel/events/cardIssued";
import { withCheckDigit } from "../../../kernel/nationalId";
import { countStatements } from "../../../kernel/database/statementCounter";
import { DATABASE_KINDS } from "../../../test/support/database";
import { codes } from "../../../test/support/http";
import { startSubgraphHarness, type Caller, type SubgraphHarness } from "../../../test/support/subgraph";
import { delivery as deliveryDefinition } from "../src/definition";
import { Shipment } from "../src/shipments/shipment.entity";
import { CALLERS, cardIssued, cards, ENTITIES_QUERY, HEAD, MINOR_SON, OPERATOR, SPOUSE } from "./cards";

describe.each(DATABASE_KINDS)("who sees a card's delivery, on %s", (kind) => {
  let delivery: SubgraphHarness;
  let posted: string;
  let pickedUp: string;
  let trackingNumber: string;
  beforeAll(async () => {
    delivery = await startSubgraphHarness(deliveryDefinition, { kind, demoData: false });
    const post = cardIssued();
    const pickup = cardIssued({ deliveryMethod: "OFFICE_PICKUP", officeId: "JED-01", address: null });
    await Promise.all([delivery.publish(post), delivery.publish(pickup)]);
    [posted, pickedUp] = [post.cardNumber, pickup.cardNumber];
    trackingNumber = (await delivery.db.getRepository(Shipment).findOneByOrFail({ cardNumber: posted })).trackingNumber;
  });
  afterAll(() => delivery?.stop());

  const entities = (variables: Record<string, unknown>, caller?: Caller) => delivery.http(ENTITIES_QUERY, variables, caller);

  it("shows the people on the card their Shipment or OfficePickup through _entities", async () => {
    for (const role of ["citizen", "spouse"] as const) {
      const response = await entities(cards(posted, pickedUp), CALLERS[role]);
      expect(response.errors).toBeUndefined();
      const [shipment, pickup] = response.data._entities.map((e: { delivery: unknown }) => e.delivery);
      expect(shipment).toMatchObject({ __typename: "Shipment", trackingNumber, status: "CREATED", carrier: "SPL", isDelayed: false, events: [{ status: "CREATED" }] });
      expect(pickup).toEqual({ __typename: "OfficePickup", pickupStatus: "PREPARING", readyAt: null, collectedAt: null, office: { id: "JED-01" } });
    }
  });

  it("shows delivery staff any card's delivery", async () => {
    for (const role of ["operator", "officer"] as const) {
      const response = await entities(cards(posted), CALLERS[role]);
      expect(response.data._entities[0].delivery.__typename).toBe("Shipment");
    }
  });

  it("answers null with FORBIDDEN to a citizen not on the card, and to an analyst", async () => {
    for (const role of ["stranger", "analyst"] as const) {
      const response = await entities(cards(posted, pickedUp), CALLERS[role]);
      expect(codes(response)).toEqual(["FORBIDDEN", "FORBIDDEN"]);
      expect(response.data._entities).toEqual([{ cardNumber: posted, delivery: null }, { cardNumber: pickedUp, delivery: null }]);
    }
  });

  it("shows the head, a spouse or an adult child on the card its shipment by tracking number; a minor child or anyone else FORBIDDEN, as for a number that names no shipment", async () => {
    const family = cardIssued();
    await delivery.publish({ ...family, memberIds: [...family.memberIds, MINOR_SON], members: [...family.members!, { nationalId: MINOR_SON, relation: "SON", birthDate: "2016-05-20", nationality: "SAU" }] });
    const { trackingNumber } = await delivery.db.getRepository(Shipment).findOneByOrFail({ cardNumber: family.cardNumber });
    const lookUp = (number: string, caller: Caller) => delivery.http(`query($t: ID!) { shipment(trackingNumber: $t) { trackingNumber status recipientName } }`, { t: number }, caller);
    for (const role of ["citizen", "spouse", "operator", "officer"] as const) {
      const response = await lookUp(trackingNumber, CALLERS[role]);
      expect(response.errors).toBeUndefined();
      expect(response.data.shipment).toMatchObject({ trackingNumber, status: "CREATED" });
    }
    for (const role of ["minorSon", "stranger", "analyst"] as const) {
      const response = await lookUp(trackingNumber, CALLERS[role]);
      expect(codes(response)).toEqual(["FORBIDDEN"]);
      expect(response.data).toEqual({ shipment: null });
    }
    expect(codes(await lookUp("RR999999999SA", CALLERS.citizen))).toEqual(["FORBIDDEN"]);
    expect((await lookUp("RR999999999SA", CALLERS.operator)).data).toEqual({ shipment: null });
  });

  /** A card's delivery read three ways: through the card, through its Shipment entity, and by tracking number. */
  const THREE_WAYS = `query($r: [_Any!]!, $t: ID!) {
    _entities(representations: $r) {
      ... on FamilyCard { delivery { ... on Shipment { recipientName address { street } } } }
      ... on Shipment { recipientName address { street city postalCode } }
    }
    shipment(trackingNumber: $t) { recipientName }
  }`;
  const readThreeWays = (cardNumber: string, trackingNumber: string, caller: Caller) =>
    delivery.http(THREE_WAYS, { r: [{ __typename: "FamilyCard", cardNumber }, { __typename: "Shipment", trackingNumber }], t: trackingNumber }, caller);
  /** What each path answered: the recipient's name, or the error's code. */
  const outcomes = (response: Awaited<ReturnType<typeof readThreeWays>>) => {
    const byPath = new Map((response.errors ?? []).map((error) => [JSON.stringify(error.path), error.extensions?.code]));
    return {
      card: response.data?._entities?.[0]?.delivery?.recipientName ?? byPath.get(JSON.stringify(["_entities", 0, "delivery"])) ?? null,
      shipment: response.data?._entities?.[1]?.recipientName ?? byPath.get(JSON.stringify(["_entities", 1])) ?? null,
      byNumber: response.data?.shipment?.recipientName ?? byPath.get(JSON.stringify(["shipment"])) ?? null,
    };
  };

  it("applies one readers rule on every path: a minor child on the card reads its delivery neither through the card, nor its Shipment entity, nor by number", async () => {
    const family = cardIssued();
    const withMinor = { ...family, memberIds: [...family.memberIds, MINOR_SON], members: [...family.members!, { nationalId: MINOR_SON, relation: "SON" as const, birthDate: "2012-05-20", nationality: "SAU" }] };
    await delivery.publish(withMinor);
    // The outbox delivers at least once: a replay changes nobody's reading.
    expect((await delivery.publish(withMinor)).status).toBe(200);
    const { trackingNumber } = await delivery.db.getRepository(Shipment).findOneByOrFail({ cardNumber: family.cardNumber });
    const name = family.recipientName;
    for (const role of ["citizen", "spouse", "operator"] as const) {
      expect({ role, ...outcomes(await readThreeWays(family.cardNumber, trackingNumber, CALLERS[role])) }).toEqual({ role, card: name, shipment: name, byNumber: name });
    }
    for (const role of ["minorSon", "stranger"] as const) {
      const response = await readThreeWays(family.cardNumber, trackingNumber, CALLERS[role]);
      expect({ role, ...outcomes(response) }).toEqual({ role, card: "FORBIDDEN", shipment: "FORBIDDEN", byNumber: "FORBIDDEN" });
      expect(JSON.stringify(response.data)).not.toContain("King Fahd Road");
    }
    // A replacement card for the same family: the first card's readers are still its adults alone.
    const replacement = { ...withMinor, cardNumber: `${family.cardNumber.slice(0, -1)}R`, eventId: `${withMinor.eventId}-replacement`, issuedAt: new Date().toISOString() };
    expect((await delivery.publish(replacement)).status).toBe(201);
    expect(outcomes(await readThreeWays(family.cardNumber, trackingNumber, CALLERS.citizen))).toEqual({ card: name, shipment: name, byNumber: name });
    expect(outcomes(await readThreeWays(family.cardNumber, trackingNumber, CALLERS.minorSon))).toEqual({ card: "FORBIDDEN", shipment: "FORBIDDEN", byNumber: "FORBIDDEN" });
  });

  describe("after someone left a register", () => {
    const [father, son, wife] = ["190000031", "190000032", "190000033"].map(withCheckDigit) as [string, string, string];
    const person = (nationalId: string, relation: RegisterMemberFacts["relation"]): RegisterMemberFacts => ({ nationalId, relation, birthDate: "1990-01-01", nationality: "SAU" });
    const card = (registerNumber: string, daysAgo: number, members: RegisterMemberFacts[]) =>
      cardIssued({ daysAgo, registerNumber, headNationalId: members[0]!.nationalId, memberIds: members.map((m) => m.nationalId), members });
    const lookUp = async (issued: { cardNumber: string }, nationalId: string) => {
      const { trackingNumber } = await delivery.db.getRepository(Shipment).findOneByOrFail({ cardNumber: issued.cardNumber });
      return codes(await delivery.http(`query($t: ID!) { shipment(trackingNumber: $t) { trackingNumber } }`, { t: trackingNumber }, { nationalId }));
    };

    it("stops a son who heads a register of his own from looking up his father's shipments, whichever card's event comes first", async () => {
      const fathers = (daysAgo: number) => card("3900000079", daysAgo, [person(father, "HEAD"), person(son, "SON")]);
      const first = fathers(30);
      await delivery.publish(first);
      expect(await lookUp(first, son)).toEqual([]);
      await delivery.publish(card("3900000080", 20, [person(son, "HEAD")]));
      expect(await lookUp(first, son)).toEqual(["FORBIDDEN"]);
      expect(await lookUp(first, father)).toEqual([]);
      // The father's card issued before the son moved, its event delivered after the son's own.
      const late = fathers(25);
      await delivery.publish(late);
      expect(await lookUp(late, son)).toEqual(["FORBIDDEN"]);
      expect(await lookUp(late, father)).toEqual([]);
      // A card of the father's issued after the son's own lists him again (he came back): he reads it.
      const back = fathers(10);
      await delivery.publish(back);
      expect(await lookUp(back, son)).toEqual([]);
    });

    it("stops him too when his own card's event and his father's arrive at once (the outbox sends side by side)", async () => {
      const leaks: number[] = [];
      for (let i = 0; i < 10; i++) {
        const [dad, boy] = [`1701${i}0001`, `1701${i}0002`].map((nine) => withCheckDigit(nine.slice(0, 9))) as [string, string];
        const fathers = card(`38000${i}0001`, 25, [person(dad, "HEAD"), person(boy, "SON")]);
        await Promise.all([delivery.publish(fathers), delivery.publish(card(`38000${i}0002`, 20, [person(boy, "HEAD")]))]);
        if ((await lookUp(fathers, boy)).length === 0) leaks.push(i);
      }
      expect(leaks).toEqual([]);
    });

    it("stops a wife the register's new card leaves out from looking up its earlier shipments, whichever card's event comes first", async () => {
      const both = (daysAgo: number) => card("3900000081", daysAgo, [person(father, "HEAD"), person(wife, "SPOUSE")]);
      const first = both(9);
      await delivery.publish(first);
      expect(await lookUp(first, wife)).toEqual([]);
      await delivery.publish(card("3900000081", 7, [person(father, "HEAD")]));
      expect(await lookUp(first, wife)).toEqual(["FORBIDDEN"]);
      expect(await lookUp(first, father)).toEqual([]);
      // Nor through the card or its Shipment entity, as the gateway asks for them.
      const { trackingNumber } = await delivery.db.getRepository(Shipment).findOneByOrFail({ cardNumber: first.cardNumber });
      expect(outcomes(await readThreeWays(first.cardNumber, trackingNumber, { nationalId: wife }))).toEqual({ card: "FORBIDDEN", shipment: "FORBIDDEN", byNumber: "FORBIDDEN" });
      expect(outcomes(await readThreeWays(first.cardNumber, trackingNumber, { nationalId: father }))).toEqual({ card: first.recipientName, shipment: first.recipientName, byNumber: first.recipientName });
      // A card issued before the update, its event delivered after it.
      const late = both(8);
      await delivery.publish(late);
      expect(await lookUp(late, wife)).toEqual(["FORBIDDEN"]);
      expect(await lookUp(late, father)).toEqual([]);
    });
  });

  it("gives nothing personal without a token, by FamilyCard or by Shipment", async () => {
    const byCard = await entities(cards(posted));
    expect(codes(byCard)).toEqual(["UNAUTHENTICATED"]);
    expect(byCard.data?._entities ?? [null]).toEqual([null]);
    const byShipment = await delivery.http(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Shipment { recipientName address { street } } } }`, {
      r: [{ __typename: "Shipment", trackingNumber }],
    });
    expect(codes(byShipment)).toEqual(["UNAUTHENTICATED"]);
    expect(byShipment.data?._entities ?? [null]).toEqual([null]);
    const stranger = await delivery.http(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Shipment { recipientName } } }`, { r: [{ __typename: "Shipment", trackingNumber }] }, CALLERS.stranger);
    expect(codes(stranger)).toEqual(["FORBIDDEN"]);
  });

  it("answers a citizen an unknown tracking number as another family's (FORBIDDEN), staff null; a card it has not heard of yet null for all", async () => {
    const unknown = { r: [{ __typename: "FamilyCard", cardNumber: "FC000000000000" }, { __typename: "Shipment", trackingNumber: "RR999999999SA" }], t: "RR999999999SA" };
    const known = { r: [{ __typename: "FamilyCard", cardNumber: posted }, { __typename: "Shipment", trackingNumber }], t: trackingNumber };
    const answer = async (variables: Record<string, unknown>, caller: Caller) => {
      const response = await delivery.http(THREE_WAYS, variables, caller);
      return { codes: codes(response), data: response.data };
    };
    // The card's number comes from civil-affairs through the gateway: one just issued, its CardIssued on its way, has no delivery yet.
    expect(await answer(unknown, CALLERS.citizen)).toEqual({ codes: ["FORBIDDEN", "FORBIDDEN"], data: { _entities: [{ delivery: null }, null], shipment: null } });
    expect(await answer(known, CALLERS.stranger)).toEqual({ codes: ["FORBIDDEN", "FORBIDDEN", "FORBIDDEN"], data: { _entities: [{ delivery: null }, null], shipment: null } });
    expect(await answer(unknown, CALLERS.operator)).toEqual({ codes: [], data: { _entities: [{ delivery: null }, null], shipment: null } });
  });

  it("resolves many cards' deliveries with one statement per table, however many cards", async () => {
    const events = Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? cardIssued({ deliveryMethod: "OFFICE_PICKUP", address: null }) : cardIssued()));
    for (const event of events) await delivery.publish(event);
    const run = (n: number) =>
      countStatements(() => delivery.run(ENTITIES_QUERY, cards(...events.slice(0, n).map((e) => e.cardNumber)), { nationalId: HEAD, roles: ["CITIZEN"] }));
    const few = await run(3);
    const many = await run(30);
    expect(few.result.errors).toBeUndefined();
    expect(many.result.errors).toBeUndefined();
    expect((many.result.data!._entities as unknown[]).filter((e: any) => e.delivery !== null)).toHaveLength(30);
    // The cards with their pickups and shipments (one joined statement), then the tracking events.
    expect(few.statements).toBe(2);
    expect(many.statements).toBe(few.statements);
  });

  it("keeps the statement count for staff too", async () => {
    const { statements } = await countStatements(() =>
      delivery.run(ENTITIES_QUERY, cards(posted, pickedUp, "FC000000000000"), { nationalId: OPERATOR, roles: ["POST_OPERATOR"] }),
    );
    expect(statements).toBe(2);
  });

  it("never trusts a national ID the token does not carry", async () => {
    // A stranger's token with the head's ID in a header or variable changes nothing: only `sub` counts.
    const stranger = await delivery.as(CALLERS.stranger);
    const response = await stranger(ENTITIES_QUERY, cards(posted), { "x-national-id": HEAD, "x-member-ids": `${HEAD},${SPOUSE}` });
    expect(codes(response)).toEqual(["FORBIDDEN"]);
  });
});
