import { DEV_EVENTS_SECRET } from "../../../kernel/events/settings";
import { sign } from "../../../kernel/events/signature";
import { DATABASE_KINDS } from "../../../test/support/database";
import { addWorkingDays, riyadhDate } from "../../../kernel/riyadhCalendar";
import { postSigned } from "../../../test/support/signedPost";
import { startSubgraphHarness, type SubgraphHarness } from "../../../test/support/subgraph";
import { IssuedCard } from "../src/cards/issuedCard.entity";
import { delivery as deliveryDefinition } from "../src/definition";
import { OfficePickup } from "../src/pickups/officePickup.entity";
import { Shipment } from "../src/shipments/shipment.entity";
import { TrackingEvent } from "../src/shipments/trackingEvent.entity";
import { cardIssued, HEAD, SPOUSE } from "./cards";

describe.each(DATABASE_KINDS)("the CardIssued consumer (POST /events) on %s", (kind) => {
  let delivery: SubgraphHarness;
  beforeAll(async () => {
    delivery = await startSubgraphHarness(deliveryDefinition, { kind, demoData: false });
  });
  afterAll(() => delivery?.stop());

  const count = (entity: typeof IssuedCard | typeof Shipment | typeof OfficePickup, cardNumber: string) =>
    delivery.db.getRepository(entity).countBy({ cardNumber });

  it("creates a Saudi Post shipment: S10 tracking number, address snapshot, head as recipient, due in 5 working days", async () => {
    const event = cardIssued();
    const answer = await delivery.publish(event);
    const shipment = await delivery.db.getRepository(Shipment).findOneByOrFail({ cardNumber: event.cardNumber });
    expect(answer).toEqual({ status: 201, body: { outcome: "created", cardNumber: event.cardNumber, trackingNumber: shipment.trackingNumber } });
    expect(shipment).toMatchObject({
      carrier: "SPL",
      status: "CREATED",
      recipientName: event.recipientName,
      attempts: 0,
      address: event.address,
      estimatedDeliveryDate: addWorkingDays(riyadhDate(new Date(event.issuedAt)), 5),
      createdAt: new Date(event.issuedAt),
    });
    expect(shipment.trackingNumber).toMatch(/^RR\d{9}SA$/);
    const history = await delivery.db.getRepository(TrackingEvent).findBy({ trackingNumber: shipment.trackingNumber });
    expect(history.map((e) => e.status)).toEqual(["CREATED"]);
    const card = await delivery.db.getRepository(IssuedCard).findOneByOrFail({ cardNumber: event.cardNumber });
    expect(card).toMatchObject({ eventId: event.eventId, registerNumber: event.registerNumber, memberIds: [HEAD, SPOUSE], officeId: "RUH-01" });
  });

  it("creates an office pickup in PREPARING for OFFICE_PICKUP", async () => {
    const event = cardIssued({ deliveryMethod: "OFFICE_PICKUP", officeId: "JED-01", address: null });
    expect(await delivery.publish(event)).toEqual({ status: 201, body: { outcome: "created", cardNumber: event.cardNumber, trackingNumber: null } });
    const pickup = await delivery.db.getRepository(OfficePickup).findOneByOrFail({ cardNumber: event.cardNumber });
    expect(pickup).toMatchObject({ officeId: "JED-01", status: "PREPARING", readyAt: null, collectedAt: null });
    expect(await count(Shipment, event.cardNumber)).toBe(0);
  });

  it("creates the delivery of a family's 100th card, whose number has three digits of version", async () => {
    const base = cardIssued({ deliveryMethod: "OFFICE_PICKUP", officeId: "JED-01", address: null });
    const event = { ...base, cardNumber: `${base.cardNumber.slice(0, 12)}100`, eventId: `${base.eventId}-100`, version: 100 };
    expect(event.cardNumber).toHaveLength(15);
    expect(await delivery.publish(event)).toEqual({ status: 201, body: { outcome: "created", cardNumber: event.cardNumber, trackingNumber: null } });
    expect(await count(OfficePickup, event.cardNumber)).toBe(1);
  });

  it("leaves one delivery when the same event arrives 10 times in a row, answering 2xx each time", async () => {
    const event = cardIssued();
    const statuses = [];
    for (let i = 0; i < 10; i++) statuses.push((await delivery.publish(event)).status);
    expect(statuses).toEqual([201, ...Array(9).fill(200)]);
    expect(await count(IssuedCard, event.cardNumber)).toBe(1);
    expect(await count(Shipment, event.cardNumber)).toBe(1);
  });

  it("leaves one delivery when the same event arrives 10 times at once", async () => {
    const event = cardIssued();
    const answers = await Promise.all(Array.from({ length: 10 }, () => delivery.publish(event)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(await count(IssuedCard, event.cardNumber)).toBe(1);
    expect(await count(Shipment, event.cardNumber)).toBe(1);
  });

  it("ignores another event id for a card that already has its delivery", async () => {
    const event = cardIssued();
    await delivery.publish(event);
    expect(await delivery.publish({ ...event, eventId: `${event.eventId}-again`, deliveryMethod: "OFFICE_PICKUP" })).toMatchObject({ status: 200, body: { outcome: "duplicate" } });
    expect(await count(Shipment, event.cardNumber)).toBe(1);
    expect(await count(OfficePickup, event.cardNumber)).toBe(0);
  });

  it("refuses an unsigned or badly signed event with 401 and stores nothing", async () => {
    const event = cardIssued();
    const url = `${delivery.url}/events`;
    expect((await postSigned(url, event, null)).status).toBe(401);
    expect((await postSigned(url, event, "some-other-secret")).status).toBe(401);
    expect((await postSigned(url, event, null, "sha256=00")).status).toBe(401);
    // Signed, then tampered with: the signature no longer matches the body.
    const signed = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-signature": sign(JSON.stringify(event), DEV_EVENTS_SECRET) },
      body: JSON.stringify({ ...event, memberIds: ["1000000016"] }),
    });
    expect(signed.status).toBe(401);
    expect(await count(IssuedCard, event.cardNumber)).toBe(0);
  });

  it("refuses a malformed event with 400, listing every problem", async () => {
    const event = { ...cardIssued(), officeId: null, memberIds: [], address: { ...cardIssued().address, postalCode: "" } };
    const answer = await delivery.publish(event as never);
    expect(answer.status).toBe(400);
    expect(answer.body.problems).toEqual(expect.arrayContaining([expect.stringContaining("officeId"), expect.stringContaining("memberIds"), "address.postalCode is required"]));
    expect(await count(IssuedCard, event.cardNumber)).toBe(0);
  });

  it("acknowledges an event type it does not handle", async () => {
    expect(await delivery.publish({ type: "CardCancelled", eventId: "x" } as never)).toEqual({ status: 200, body: { outcome: "ignored", type: "CardCancelled" } });
  });
});
