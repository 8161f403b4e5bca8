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

  it("answers null without an error for a card delivery has not heard of", async () => {
    const response = await entities(cards("FC000000000000"), CALLERS.citizen);
    expect(response.errors).toBeUndefined();
    expect(response.data._entities).toEqual([{ cardNumber: "FC000000000000", delivery: null }]);
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
