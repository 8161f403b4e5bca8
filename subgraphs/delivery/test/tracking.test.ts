import { DATABASE_KINDS } from "../../../test/support/database";
import { codes, violationRules } from "../../../test/support/http";
import { postSigned } from "../../../test/support/signedPost";
import { startSubgraphHarness, type Caller, type SubgraphHarness } from "../../../test/support/subgraph";
import { delivery as deliveryDefinition } from "../src/definition";
import { PickupEvent } from "../src/pickups/pickupEvent.entity";
import { Shipment } from "../src/shipments/shipment.entity";
import { TrackingEvent } from "../src/shipments/trackingEvent.entity";
import { withCheckDigit } from "../../../kernel/nationalId";
import { CALLERS, carrierBatch, cardIssued, cards } from "./cards";

const RECORD = `mutation($trackingNumber: ID!, $status: ShipmentStatus!, $location: String, $at: DateTime) {
  recordTrackingEvent(trackingNumber: $trackingNumber, status: $status, location: $location, at: $at) {
    trackingNumber status attempts deliveredAt events { status at location description }
  }
}`;
const SHIPMENT = `query($trackingNumber: ID!) { shipment(trackingNumber: $trackingNumber) { status attempts events { status at } } }`;
const DELIVERY = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on FamilyCard { delivery { __typename ... on Shipment { status } ... on OfficePickup { pickupStatus: status readyAt collectedAt office { id } } } }
  }
}`;
const MARK = (name: string) => `mutation($cardNumber: ID!) { ${name}(cardNumber: $cardNumber) { status readyAt collectedAt office { id } } }`;

const HOUR = 3_600_000;
const hoursAgo = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

describe.each(DATABASE_KINDS)("tracking and pickups on %s", (kind) => {
  let delivery: SubgraphHarness;
  const { operator, officer } = CALLERS;
  beforeAll(async () => {
    delivery = await startSubgraphHarness(deliveryDefinition, { kind, demoData: false });
  });
  afterAll(() => delivery?.stop());

  /** A fresh posted card issued two days ago; returns its tracking number. */
  async function newShipment(officeId = "RUH-01"): Promise<{ trackingNumber: string; cardNumber: string }> {
    const event = cardIssued({ daysAgo: 2, officeId });
    await delivery.publish(event);
    const shipment = await delivery.db.getRepository(Shipment).findOneByOrFail({ cardNumber: event.cardNumber });
    return { trackingNumber: shipment.trackingNumber, cardNumber: event.cardNumber };
  }

  const record = (trackingNumber: string, status: string, at: string, caller: Caller = operator, location?: string) =>
    delivery.http(RECORD, { trackingNumber, status, at, location }, caller);

  it("walks a shipment to DELIVERED, each move in its history", async () => {
    const { trackingNumber } = await newShipment();
    const steps = [["PICKED_UP", hoursAgo(40)], ["IN_TRANSIT", hoursAgo(30)], ["OUT_FOR_DELIVERY", hoursAgo(5)], ["DELIVERED", hoursAgo(1)]] as const;
    let last;
    for (const [status, at] of steps) {
      last = await record(trackingNumber, status, at, operator, `${status} place`);
      expect(last.errors).toBeUndefined();
      expect(last.data.recordTrackingEvent.status).toBe(status);
    }
    const shipment = last!.data.recordTrackingEvent;
    expect(shipment.deliveredAt).toBe(steps[3][1]);
    expect(shipment.events.map((e: { status: string }) => e.status)).toEqual(["CREATED", "PICKED_UP", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED"]);
    expect(shipment.events[4].location).toBe("DELIVERED place");
  });

  it("refuses an event dated before the shipment was created, and stores nothing", async () => {
    const { trackingNumber } = await newShipment();
    const response = await record(trackingNumber, "DELIVERED", "2000-01-01T00:00:00Z");
    expect(violationRules(response)).toEqual(["BEFORE_SHIPMENT"]);
    expect(response.errors![0]!.extensions!.violations[0].field).toBe("at");
    expect(await delivery.db.getRepository(TrackingEvent).countBy({ trackingNumber })).toBe(1);
  });

  it("refuses a move the state machine does not allow (CREATED → DELIVERED) and stores nothing", async () => {
    const { trackingNumber } = await newShipment();
    const response = await record(trackingNumber, "DELIVERED", hoursAgo(1));
    expect(codes(response)).toEqual(["INVALID_STATE"]);
    expect(response.errors![0]!.message).toBe("A shipment in CREATED cannot move to DELIVERED.");
    expect(await delivery.db.getRepository(TrackingEvent).countBy({ trackingNumber })).toBe(1);
  });

  it("after the third failed attempt returns the card to its office, ready for pickup, then collected", async () => {
    const { trackingNumber, cardNumber } = await newShipment("DMM-01");
    await record(trackingNumber, "PICKED_UP", hoursAgo(40));
    await record(trackingNumber, "IN_TRANSIT", hoursAgo(39));
    let failedAt = "";
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await record(trackingNumber, "OUT_FOR_DELIVERY", hoursAgo(30 - attempt * 2))).errors).toBeUndefined();
      failedAt = hoursAgo(29 - attempt * 2);
      const failed = await record(trackingNumber, "DELIVERY_FAILED", failedAt);
      expect(failed.data.recordTrackingEvent).toMatchObject({ status: attempt < 2 ? "DELIVERY_FAILED" : "RETURNED_TO_OFFICE", attempts: attempt + 1 });
    }
    const shipment = await delivery.http(SHIPMENT, { trackingNumber }, operator);
    expect(shipment.data.shipment.events.slice(-2).map((e: { status: string }) => e.status)).toEqual(["DELIVERY_FAILED", "RETURNED_TO_OFFICE"]);
    // The return's description is the system's, in the reader's language.
    const WORDS = `query($trackingNumber: ID!) { shipment(trackingNumber: $trackingNumber) { events { status description } } }`;
    for (const [lang, words] of [["en", "Returned to the office after 3 failed delivery attempts"], ["ar", "أُعيدت إلى المكتب بعد ٣ محاولات تسليم لم تنجح"]] as const) {
      const read = await delivery.http(WORDS, { trackingNumber }, { ...operator, lang });
      expect(read.data.shipment.events.at(-1)).toEqual({ status: "RETURNED_TO_OFFICE", description: words });
    }
    expect(codes(await record(trackingNumber, "OUT_FOR_DELIVERY", hoursAgo(1)))).toEqual(["INVALID_STATE"]);

    const seen = await delivery.http(DELIVERY, cards(cardNumber), CALLERS.citizen);
    expect(seen.data._entities[0].delivery).toEqual({ __typename: "OfficePickup", pickupStatus: "READY_FOR_PICKUP", office: { id: "DMM-01" }, readyAt: failedAt, collectedAt: null });
    // The family still sees the shipment's whole history from the pickup that followed it.
    const RETURNED = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on FamilyCard { delivery { ... on OfficePickup { returnedShipment { trackingNumber status attempts events { status } } } } } } }`;
    const returned = (await delivery.http(RETURNED, cards(cardNumber), CALLERS.citizen)).data._entities[0].delivery.returnedShipment;
    expect(returned).toMatchObject({ trackingNumber, status: "RETURNED_TO_OFFICE", attempts: 3 });
    expect(returned.events.map((e: { status: string }) => e.status)).toEqual(["CREATED", "PICKED_UP", "IN_TRANSIT", ...Array(3).fill(["OUT_FOR_DELIVERY", "DELIVERY_FAILED"]).flat(), "RETURNED_TO_OFFICE"]);

    const collected = await delivery.http(MARK("markCollected"), { cardNumber }, officer);
    expect(collected.data.markCollected).toMatchObject({ status: "COLLECTED", office: { id: "DMM-01" } });
    const history = await delivery.db.getRepository(PickupEvent).find({ where: { cardNumber }, order: { id: "ASC" } });
    expect(history.map((e) => [e.status, e.by])).toEqual([["READY_FOR_PICKUP", "system"], ["COLLECTED", expect.stringMatching(/^\d{10}$/)]]);
  });

  it("moves an office pickup PREPARING → READY_FOR_PICKUP → COLLECTED, and refuses any other move", async () => {
    const event = cardIssued({ deliveryMethod: "OFFICE_PICKUP", officeId: "JED-01", address: null });
    await delivery.publish(event);
    const cardNumber = event.cardNumber;
    expect(codes(await delivery.http(MARK("markCollected"), { cardNumber }, officer))).toEqual(["INVALID_STATE"]);
    const ready = await delivery.http(MARK("markReadyForPickup"), { cardNumber }, officer);
    expect(ready.data.markReadyForPickup).toMatchObject({ status: "READY_FOR_PICKUP", collectedAt: null });
    expect(ready.data.markReadyForPickup.readyAt).not.toBeNull();
    expect(codes(await delivery.http(MARK("markReadyForPickup"), { cardNumber }, officer))).toEqual(["INVALID_STATE"]);
    const collected = await delivery.http(MARK("markCollected"), { cardNumber }, officer);
    expect(collected.data.markCollected.status).toBe("COLLECTED");
    expect(collected.data.markCollected.collectedAt).not.toBeNull();
    expect(codes(await delivery.http(MARK("markCollected"), { cardNumber }, officer))).toEqual(["INVALID_STATE"]);
    expect(codes(await delivery.http(MARK("markCollected"), { cardNumber: "FC000000000000" }, officer))).toEqual(["NOT_FOUND"]);
  });

  it("keeps an event older than the newest in the history without moving the status back", async () => {
    const { trackingNumber } = await newShipment();
    await record(trackingNumber, "PICKED_UP", hoursAgo(20));
    await record(trackingNumber, "IN_TRANSIT", hoursAgo(10));
    const late = await record(trackingNumber, "PICKED_UP", hoursAgo(15), operator, "late scan");
    expect(late.errors).toBeUndefined();
    expect(late.data.recordTrackingEvent.status).toBe("IN_TRANSIT");
    expect(late.data.recordTrackingEvent.events.map((e: { status: string }) => e.status)).toEqual(["CREATED", "PICKED_UP", "PICKED_UP", "IN_TRANSIT"]);
  });

  it("refuses a late event of a step the shipment never passed: a delivery, a return or a creation by hand, a step ahead of it", async () => {
    const { trackingNumber } = await newShipment();
    await record(trackingNumber, "PICKED_UP", hoursAgo(20));
    await record(trackingNumber, "IN_TRANSIT", hoursAgo(10));
    for (const status of ["DELIVERED", "RETURNED_TO_OFFICE", "CREATED", "OUT_FOR_DELIVERY"]) {
      const late = await record(trackingNumber, status, hoursAgo(15));
      expect({ status, codes: codes(late) }).toEqual({ status, codes: ["INVALID_STATE"] });
      // It says why: a move the shipment may make now (OUT_FOR_DELIVERY from IN_TRANSIT) is refused for
      // its time ("cannot move from IN_TRANSIT to OUT_FOR_DELIVERY" read as a contradiction); any other for the move.
      const mayMoveNow = status === "OUT_FOR_DELIVERY";
      expect({ status, reason: late.errors![0]!.extensions!.reason }).toEqual({ status, reason: mayMoveNow ? "LATE_EVENT" : undefined });
      expect({ status, message: late.errors![0]!.message }).toEqual({ status, message: expect.stringMatching(mayMoveNow ? /dated before the shipment's latest/ : /cannot move/) });
    }
    const shipment = await delivery.http(SHIPMENT, { trackingNumber }, operator);
    expect(shipment.data.shipment.events.map((e: { status: string }) => e.status)).toEqual(["CREATED", "PICKED_UP", "IN_TRANSIT"]);
  });

  /** A shipment walked to DELIVERED (failing `failures` times on the way), with its CREATED instant and each step's. */
  async function deliveredShipment(failures = 0): Promise<{ trackingNumber: string; createdAt: Date; steps: Array<[string, string]> }> {
    const { trackingNumber } = await newShipment();
    const { createdAt } = await delivery.db.getRepository(Shipment).findOneByOrFail({ trackingNumber });
    const steps: Array<[string, string]> = [["PICKED_UP", hoursAgo(40)], ["IN_TRANSIT", hoursAgo(30)], ["OUT_FOR_DELIVERY", hoursAgo(20)]];
    for (let i = 0; i < failures; i++) steps.push(["DELIVERY_FAILED", hoursAgo(19 - 2 * i)], ["OUT_FOR_DELIVERY", hoursAgo(18 - 2 * i)]);
    steps.push(["DELIVERED", hoursAgo(5)]);
    for (const [status, at] of steps) expect((await record(trackingNumber, status, at)).errors).toBeUndefined();
    return { trackingNumber, createdAt, steps };
  }
  const historyOf = async (trackingNumber: string) => (await delivery.http(SHIPMENT, { trackingNumber }, operator)).data.shipment;
  const before = (instant: Date, ms: number) => new Date(instant.getTime() - ms).toISOString();

  it("refuses an event dated before the shipment's CREATED event by more than the clocks' skew, and stores nothing; one within it counts as at the creation", async () => {
    const { trackingNumber, createdAt } = await deliveredShipment();
    const history = await historyOf(trackingNumber);
    for (const [status, at] of [["DELIVERY_FAILED", before(createdAt, 6 * 60_000)], ["PICKED_UP", before(createdAt, 5 * 60_000 + 1)], ["IN_TRANSIT", before(createdAt, 60 * 60_000)]]) {
      const late = await record(trackingNumber, status!, at!);
      expect({ status, rules: violationRules(late), field: late.errors?.[0]?.extensions?.violations?.[0]?.field }).toEqual({ status, rules: ["BEFORE_SHIPMENT"], field: "at" });
      expect(late.errors![0]!.extensions!.violations[0].message).toBe("A tracking event cannot be dated before the shipment was created.");
    }
    // Nor through the carrier's webhook; and a failed attempt the shipment never counted is no step it took, however it is dated.
    const hooked = await carrierBatch(delivery, [{ trackingNumber, status: "DELIVERY_FAILED", at: before(createdAt, 6 * 60_000) }]);
    expect(hooked.body.results[0].error.code).toBe("BAD_USER_INPUT");
    expect(codes(await record(trackingNumber, "DELIVERY_FAILED", before(createdAt, 60_000)))).toEqual(["INVALID_STATE"]);
    expect(await historyOf(trackingNumber)).toEqual(history);
    expect(history).toMatchObject({ status: "DELIVERED", attempts: 0 });
    // An operator's pickup typed to the minute, a few seconds before the shipment's creation: taken.
    const fresh = await newShipment();
    const { createdAt: freshCreated } = await delivery.db.getRepository(Shipment).findOneByOrFail({ trackingNumber: fresh.trackingNumber });
    const picked = await record(fresh.trackingNumber, "PICKED_UP", before(freshCreated, 59_000));
    expect(picked.data?.recordTrackingEvent.status).toBe("PICKED_UP");
  });

  it("takes an event at the very instant of the shipment's creation, before and after it moved on", async () => {
    const { trackingNumber } = await newShipment();
    const { createdAt } = await delivery.db.getRepository(Shipment).findOneByOrFail({ trackingNumber });
    const picked = await record(trackingNumber, "PICKED_UP", createdAt.toISOString());
    expect(picked.data.recordTrackingEvent.status).toBe("PICKED_UP");
    const delivered = await deliveredShipment();
    const late = await record(delivered.trackingNumber, "PICKED_UP", delivered.createdAt.toISOString(), operator, "first scan");
    expect(late.errors).toBeUndefined();
    expect(late.data.recordTrackingEvent.events.map((e: { status: string }) => e.status)).toEqual(["CREATED", "PICKED_UP", "PICKED_UP", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED"]);
  });

  it("refuses a late DELIVERY_FAILED for a shipment that never failed (INVALID_STATE), and keeps one for a shipment that did", async () => {
    const { trackingNumber, steps } = await deliveredShipment();
    const refused = await record(trackingNumber, "DELIVERY_FAILED", hoursAgo(10));
    expect(codes(refused)).toEqual(["INVALID_STATE"]);
    expect(refused.errors![0]!.message).toBe("A shipment in DELIVERED cannot move to DELIVERY_FAILED.");
    expect(await historyOf(trackingNumber)).toMatchObject({ status: "DELIVERED", attempts: 0, events: [{ status: "CREATED" }, ...steps.map(([status]) => ({ status }))] });

    // Out for delivery, never failed: a failure dated before it went out is refused for its time.
    const out = await newShipment();
    for (const [status, at] of [["PICKED_UP", hoursAgo(40)], ["IN_TRANSIT", hoursAgo(30)], ["OUT_FOR_DELIVERY", hoursAgo(20)]]) await record(out.trackingNumber, status!, at!);
    const early = await record(out.trackingNumber, "DELIVERY_FAILED", hoursAgo(25));
    expect(codes(early)).toEqual(["INVALID_STATE"]);
    expect(early.errors![0]!.extensions!.reason).toBe("LATE_EVENT");

    const failedOnce = await deliveredShipment(1);
    const kept = await record(failedOnce.trackingNumber, "DELIVERY_FAILED", hoursAgo(10), operator, "second scan");
    expect(kept.errors).toBeUndefined();
    expect(kept.data.recordTrackingEvent).toMatchObject({ status: "DELIVERED", attempts: 1 });
  });

  it("refuses a late event of a passed step dated before the shipment could have taken it, and keeps one dated at that very instant", async () => {
    const { trackingNumber, steps } = await deliveredShipment(1);
    const wentOut = steps.find(([status]) => status === "OUT_FOR_DELIVERY")![1];
    const history = await historyOf(trackingNumber);
    for (const [status, at] of [["DELIVERY_FAILED", hoursAgo(35)], ["IN_TRANSIT", hoursAgo(45)], ["OUT_FOR_DELIVERY", hoursAgo(31)]]) {
      const late = await record(trackingNumber, status!, at!);
      expect({ status, codes: codes(late), reason: late.errors?.[0]?.extensions?.reason }).toEqual({ status, codes: ["INVALID_STATE"], reason: "LATE_EVENT" });
      expect(late.errors![0]!.message).toBe(`This event is dated before the shipment could have reached ${status}: record it with the time it happened.`);
    }
    expect(await historyOf(trackingNumber)).toEqual(history);
    // The same instant as the step it follows: possible.
    const tied = await record(trackingNumber, "DELIVERY_FAILED", wentOut, operator, "same minute");
    expect(tied.errors).toBeUndefined();
    expect(tied.data.recordTrackingEvent).toMatchObject({ status: "DELIVERED", attempts: 1 });
  });

  it("refuses the impossible late events sent side by side with a real move, whatever order they take", async () => {
    const { trackingNumber } = await newShipment();
    const { createdAt } = await delivery.db.getRepository(Shipment).findOneByOrFail({ trackingNumber });
    for (const [status, at] of [["PICKED_UP", hoursAgo(40)], ["IN_TRANSIT", hoursAgo(30)], ["OUT_FOR_DELIVERY", hoursAgo(20)]]) await record(trackingNumber, status!, at!);
    const answers = await Promise.all([
      record(trackingNumber, "DELIVERY_FAILED", hoursAgo(10)),
      record(trackingNumber, "DELIVERY_FAILED", hoursAgo(25)),
      record(trackingNumber, "DELIVERY_FAILED", before(createdAt, 6 * 60_000)),
      record(trackingNumber, "DELIVERED", hoursAgo(21)),
    ]);
    expect(answers.map((answer) => answer.errors?.[0]?.extensions?.code ?? "RECORDED")).toEqual(["RECORDED", "INVALID_STATE", "BAD_USER_INPUT", "INVALID_STATE"]);
    const shipment = await historyOf(trackingNumber);
    expect(shipment).toMatchObject({ status: "DELIVERY_FAILED", attempts: 1 });
    expect(shipment.events.map((e: { status: string }) => e.status)).toEqual(["CREATED", "PICKED_UP", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERY_FAILED"]);
  });

  it("takes an event dated a little ahead (the clocks' skew) as happening now, so the next real events are not late", async () => {
    const { trackingNumber } = await newShipment();
    await record(trackingNumber, "PICKED_UP", hoursAgo(20));
    const ahead = await record(trackingNumber, "IN_TRANSIT", new Date(Date.now() + 3 * 60_000).toISOString());
    expect(ahead.data.recordTrackingEvent.status).toBe("IN_TRANSIT");
    const next = await record(trackingNumber, "OUT_FOR_DELIVERY", new Date(Date.now() + 1000).toISOString());
    expect(next.errors).toBeUndefined();
    expect(next.data.recordTrackingEvent.status).toBe("OUT_FOR_DELIVERY");
  });

  it("stores a repeated event once", async () => {
    const { trackingNumber } = await newShipment();
    const at = hoursAgo(3);
    await record(trackingNumber, "PICKED_UP", at);
    const again = await record(trackingNumber, "PICKED_UP", at);
    expect(again.errors).toBeUndefined();
    expect(again.data.recordTrackingEvent.events).toHaveLength(2);
  });

  it("refuses a future instant with BAD_USER_INPUT, and an unknown shipment with NOT_FOUND", async () => {
    const { trackingNumber } = await newShipment();
    const future = await record(trackingNumber, "PICKED_UP", new Date(Date.now() + 24 * HOUR).toISOString());
    expect(violationRules(future)).toEqual(["FUTURE"]);
    expect(codes(await record("RR999999995SA", "PICKED_UP", hoursAgo(1)))).toEqual(["NOT_FOUND"]);
  });

  it("lets only a postal operator record tracking events, and only an officer mark pickups", async () => {
    const { trackingNumber, cardNumber } = await newShipment();
    expect(codes(await record(trackingNumber, "PICKED_UP", hoursAgo(1), CALLERS.citizen))).toEqual(["FORBIDDEN"]);
    expect(codes(await record(trackingNumber, "PICKED_UP", hoursAgo(1), officer))).toEqual(["FORBIDDEN"]);
    const anonymous = await delivery.http(RECORD, { trackingNumber, status: "PICKED_UP" });
    expect(codes(anonymous)).toEqual(["UNAUTHENTICATED"]);
    expect(codes(await delivery.http(MARK("markReadyForPickup"), { cardNumber }, operator))).toEqual(["FORBIDDEN"]);
    expect(codes(await delivery.http(MARK("markCollected"), { cardNumber }))).toEqual(["UNAUTHENTICATED"]);
    expect(await delivery.db.getRepository(TrackingEvent).countBy({ trackingNumber })).toBe(1);
  });

  it("refuses an officer the delivery of a card he, his spouse or his child is on (FOUR_EYES), and stores nothing", async () => {
    // The operator's own card, and his son's card with the son's wife: delivery knows the son as
    // someone on a card with him. The officer is on a card of his own, with his wife.
    const [operatorId, officerId] = [CALLERS.operator.nationalId, CALLERS.officer.nationalId];
    const [son, sonsWife, officersWife] = ["190000004", "190000005", "190000006"].map(withCheckDigit);
    const own = cardIssued({ daysAgo: 2, memberIds: [operatorId, son!] });
    const sons = cardIssued({ daysAgo: 2, memberIds: [son!, sonsWife!] });
    const officers = cardIssued({ daysAgo: 2, memberIds: [officerId, officersWife!], deliveryMethod: "OFFICE_PICKUP", address: null });
    for (const event of [own, sons, officers]) await delivery.publish(event);
    const trackingOf = async (cardNumber: string) => (await delivery.db.getRepository(Shipment).findOneByOrFail({ cardNumber })).trackingNumber;
    for (const cardNumber of [own.cardNumber, sons.cardNumber]) {
      const refused = await record(await trackingOf(cardNumber), "PICKED_UP", hoursAgo(1));
      expect(codes(refused)).toEqual(["FORBIDDEN"]);
      expect(refused.errors![0]!.extensions!.reason).toBe("FOUR_EYES");
      expect(await delivery.db.getRepository(TrackingEvent).countBy({ trackingNumber: await trackingOf(cardNumber) })).toBe(1);
    }
    for (const name of ["markReadyForPickup", "markCollected"]) {
      const refused = await delivery.http(MARK(name), { cardNumber: officers.cardNumber }, officer);
      expect({ name, codes: codes(refused), reason: refused.errors?.[0]?.extensions?.reason }).toEqual({ name, codes: ["FORBIDDEN"], reason: "FOUR_EYES" });
    }
    expect(await delivery.db.getRepository(PickupEvent).countBy({ cardNumber: officers.cardNumber })).toBe(1);
    // Another family's card: he may.
    const { trackingNumber } = await newShipment();
    expect((await record(trackingNumber, "PICKED_UP", hoursAgo(1))).errors).toBeUndefined();
  });

  it("lets postal operators, officers and the card's head read a shipment, and nobody else", async () => {
    const { trackingNumber } = await newShipment();
    expect((await delivery.http(SHIPMENT, { trackingNumber }, officer)).data.shipment.status).toBe("CREATED");
    expect((await delivery.http(SHIPMENT, { trackingNumber }, CALLERS.citizen)).data.shipment.status).toBe("CREATED");
    for (const role of ["stranger", "analyst"] as const) {
      const refused = await delivery.http(SHIPMENT, { trackingNumber }, CALLERS[role]);
      expect(codes(refused)).toEqual(["FORBIDDEN"]);
      expect(refused.data.shipment).toBeNull();
    }
  });

  describe("the carrier webhook", () => {
    it("records a batch in time order, reports each event, and takes a resent batch as duplicates", async () => {
      const { trackingNumber } = await newShipment();
      const batch = [
        { trackingNumber, status: "IN_TRANSIT", at: hoursAgo(8), location: "Riyadh sorting center" },
        { trackingNumber, status: "PICKED_UP", at: hoursAgo(9), location: "Riyadh hub" },
        { trackingNumber, status: "DELIVERED", at: hoursAgo(7) },
        { trackingNumber: "RR999999995SA", status: "PICKED_UP", at: hoursAgo(7) },
        { trackingNumber, status: "LOST", at: "yesterday" },
      ];
      const answer = await carrierBatch(delivery, batch);
      expect(answer.status).toBe(200);
      expect(answer.body.results.map((r: any) => r.outcome ?? r.error.code)).toEqual(["RECORDED", "RECORDED", "INVALID_STATE", "NOT_FOUND", "BAD_USER_INPUT"]);
      expect(answer.body.results[4].error.violations.map((v: { rule: string }) => v.rule)).toEqual(["UNKNOWN_STATUS", "INSTANT"]);
      const shipment = await delivery.http(SHIPMENT, { trackingNumber }, operator);
      expect(shipment.data.shipment.status).toBe("IN_TRANSIT");
      expect(shipment.data.shipment.events.map((e: { status: string }) => e.status)).toEqual(["CREATED", "PICKED_UP", "IN_TRANSIT"]);

      const resent = await carrierBatch(delivery, batch.slice(0, 2));
      expect(resent.body.results.map((r: any) => r.outcome)).toEqual(["DUPLICATE", "DUPLICATE"]);
    });

    it("refuses an event holding a NUL or a direction override on its own, and records the events after it", async () => {
      const { trackingNumber } = await newShipment();
      const batch = [
        { trackingNumber, status: "PICKED_UP", at: hoursAgo(9), location: "Riyadh\u0000hub" },
        { trackingNumber: `${trackingNumber}\u0000`, status: "PICKED_UP", at: hoursAgo(9) },
        { trackingNumber, status: "PICKED_UP", at: hoursAgo(8), description: "\u202Eevil" },
        { trackingNumber, status: "PICKED_UP", at: hoursAgo(7), location: "Riyadh hub" },
      ];
      const answer = await carrierBatch(delivery, batch);
      expect(answer.status).toBe(200);
      expect(answer.body.results.map((r: any) => r.outcome ?? r.error.violations.map((v: { rule: string }) => v.rule).join())).toEqual([
        "CONTROL_CHARACTER",
        "CONTROL_CHARACTER",
        "BIDI_CONTROL",
        "RECORDED",
      ]);
    });

    it("refuses an unsigned or badly signed batch with 401 and stores nothing", async () => {
      const { trackingNumber } = await newShipment();
      const body = { events: [{ trackingNumber, status: "PICKED_UP", at: hoursAgo(1) }] };
      const url = `${delivery.url}/carrier/webhook`;
      expect((await postSigned(url, body, null)).status).toBe(401);
      // The events secret is not the carrier's.
      expect((await postSigned(url, body, "dev-only-events-secret")).status).toBe(401);
      expect(await delivery.db.getRepository(TrackingEvent).countBy({ trackingNumber })).toBe(1);
    });

    it("refuses a body that is not a batch with 400", async () => {
      expect((await postSigned(`${delivery.url}/carrier/webhook`, [{ status: "PICKED_UP" }], "dev-only-carrier-secret")).status).toBe(400);
    });
  });
});
