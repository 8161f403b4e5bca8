import type { DataSource } from "typeorm";
import { insertInChunks } from "../../../../kernel/database/insertInChunks";
import type { CardIssuedEvent } from "../../../../kernel/events/cardIssued";
import type { Cast, CastDelivery, CastFamily, CastPerson } from "../../../../seed/demoCast";
import { IssuedCard } from "../cards/issuedCard.entity";
import { issuedCardOf, pickupEventOf, pickupOf, shipmentOf, SYSTEM, trackingEventOf } from "../cards/newDelivery";
import { nextSerials } from "../events/createDelivery";
import { OfficePickup } from "../pickups/officePickup.entity";
import { PickupEvent } from "../pickups/pickupEvent.entity";
import { PickupStatus } from "../pickups/pickupStatus";
import { CARRIER_WEBHOOK } from "../shipments/carrierWebhookRoute";
import { Shipment } from "../shipments/shipment.entity";
import { applyMove, planMove } from "../shipments/shipmentMoves";
import { ShipmentStatus } from "../shipments/shipmentStatus";
import { TrackingEvent } from "../shipments/trackingEvent.entity";
import { trackingNumberFor } from "../shipments/trackingNumber";

const HOUR = 3_600_000;

/** The CardIssued event civil-affairs would have sent for a demo family's card. */
function demoEvent(family: CastFamily & { card: NonNullable<CastFamily["card"]> }, people: ReadonlyMap<string, CastPerson>): CardIssuedEvent {
  const person = (id: string) => people.get(id)!;
  const head = person(family.headId);
  return {
    type: "CardIssued",
    eventId: `demo-${family.card.cardNumber}`,
    occurredAt: family.card.issuedAt,
    cardNumber: family.card.cardNumber,
    registerNumber: family.registerNumber,
    version: family.card.version,
    applicationId: `demo-${family.registerNumber}`,
    deliveryMethod: family.card.deliveryMethod,
    officeId: family.card.officeId,
    address: family.card.deliveryMethod === "SAUDI_POST" ? head.address : null,
    recipientName: head.fullNameAr,
    headNationalId: head.nationalId,
    memberIds: family.members.map((m) => m.nationalId),
    members: family.members.map((m) => ({ nationalId: m.nationalId, relation: m.relation, birthDate: person(m.nationalId).birthDate, nationality: person(m.nationalId).nationality })),
    issuedAt: family.card.issuedAt,
  };
}

/** Deterministic hours for step `step` of a card's journey, between `min` and `max`. */
function hoursFor(cardNumber: string, step: number, min: number, max: number): number {
  const hash = [...cardNumber].reduce((sum, c, i) => sum + c.charCodeAt(0) * (i + step + 1), 0);
  return min + (hash % (max - min + 1));
}

/** A posted card's journey as far as the cast says it went: [status, hours after the previous step, where]. */
function journey(shipment: Shipment, delivery: CastDelivery): Array<[ShipmentStatus, number, string]> {
  const city = shipment.address.city;
  const district = shipment.address.district;
  const n = shipment.cardNumber;
  const toTheDoor: Array<[ShipmentStatus, number, string]> = [
    [ShipmentStatus.PICKED_UP, hoursFor(n, 1, 4, 30), `المركز الرئيسي لسبل - ${city}`],
    [ShipmentStatus.IN_TRANSIT, hoursFor(n, 2, 8, 36), `مركز الفرز في ${city}`],
    [ShipmentStatus.OUT_FOR_DELIVERY, hoursFor(n, 3, 12, 48), `مكتب التوصيل في ${district}`],
  ];
  switch (delivery) {
    case "IN_TRANSIT":
      return [];
    case "DELAYED":
      return toTheDoor.slice(0, 2);
    case "RETURNED_TO_OFFICE":
      return [
        ...toTheDoor,
        [ShipmentStatus.DELIVERY_FAILED, hoursFor(n, 4, 2, 9), district],
        [ShipmentStatus.OUT_FOR_DELIVERY, 20, `مكتب التوصيل في ${district}`],
        [ShipmentStatus.DELIVERY_FAILED, hoursFor(n, 5, 2, 9), district],
        [ShipmentStatus.OUT_FOR_DELIVERY, 20, `مكتب التوصيل في ${district}`],
        [ShipmentStatus.DELIVERY_FAILED, hoursFor(n, 6, 2, 9), district],
      ];
    default:
      return [...toTheDoor, [ShipmentStatus.DELIVERED, hoursFor(n, 4, 2, 9), district]];
  }
}

/** An office pickup as far as the cast says it went, with its history. */
function officePickup(event: CardIssuedEvent, delivery: CastDelivery): { pickup: OfficePickup; history: PickupEvent[] } {
  const pickup = pickupOf(event.cardNumber, event.officeId!, PickupStatus.PREPARING, new Date(event.issuedAt));
  const history = [pickupEventOf(pickup.cardNumber, PickupStatus.PREPARING, pickup.createdAt, SYSTEM)];
  if (delivery === "PREPARING") return { pickup, history };
  pickup.status = PickupStatus.READY_FOR_PICKUP;
  pickup.readyAt = new Date(pickup.createdAt.getTime() + hoursFor(pickup.cardNumber, 1, 24, 72) * HOUR);
  history.push(pickupEventOf(pickup.cardNumber, PickupStatus.READY_FOR_PICKUP, pickup.readyAt, SYSTEM));
  if (delivery === "READY_FOR_PICKUP") return { pickup, history };
  pickup.status = PickupStatus.COLLECTED;
  pickup.collectedAt = new Date(pickup.readyAt.getTime() + hoursFor(pickup.cardNumber, 2, 2, 96) * HOUR);
  history.push(pickupEventOf(pickup.cardNumber, PickupStatus.COLLECTED, pickup.collectedAt, SYSTEM));
  return { pickup, history };
}

/**
 * Loads delivery's part of the demo data: one delivery per demo card, built by the consumer's own
 * builders and moved by the state machine as far as the cast says (delivered, on its way, delayed,
 * returned to the office, waiting there or collected); does nothing when it is already there.
 */
export async function seedDelivery(db: DataSource, workingDays: number, cast: Cast): Promise<void> {
  const people = new Map(cast.people.map((p) => [p.nationalId, p]));
  const events = cast.families.flatMap((f) => (f.card ? [demoEvent({ ...f, card: f.card }, people)] : []));
  if (events.length === 0 || (await db.getRepository(IssuedCard).existsBy({ cardNumber: events[0]!.cardNumber }))) return;
  const deliveryOf = new Map(cast.families.flatMap((f) => (f.card ? [[f.card.cardNumber, f.card.delivery] as const] : [])));
  await db.transaction(async (tx) => {
    const posted = events.filter((e) => e.deliveryMethod === "SAUDI_POST");
    const serials = await nextSerials(tx, posted.length);
    const shipments = posted.map((event, i) => shipmentOf(event, trackingNumberFor(serials[i]!), workingDays));
    const returned: Array<{ pickup: OfficePickup; history: PickupEvent[] }> = [];
    const trackingEvents = shipments.flatMap((shipment) => {
      const history = [trackingEventOf(shipment.trackingNumber, ShipmentStatus.CREATED, shipment.createdAt, SYSTEM)];
      for (const [status, hours, location] of journey(shipment, deliveryOf.get(shipment.cardNumber)!)) {
        const at = new Date(shipment.lastEventAt.getTime() + hours * HOUR);
        const move = planMove(shipment, status)!;
        applyMove(shipment, move, at);
        history.push(trackingEventOf(shipment.trackingNumber, status, at, CARRIER_WEBHOOK, { location }));
        if (move.returnedToOffice) {
          history.push(trackingEventOf(shipment.trackingNumber, ShipmentStatus.RETURNED_TO_OFFICE, at, SYSTEM));
          const event = posted.find((e) => e.cardNumber === shipment.cardNumber)!;
          const pickup = pickupOf(event.cardNumber, event.officeId!, PickupStatus.READY_FOR_PICKUP, at);
          returned.push({ pickup, history: [pickupEventOf(event.cardNumber, PickupStatus.READY_FOR_PICKUP, at, SYSTEM)] });
        }
      }
      return history;
    });
    const pickups = [
      ...events.filter((e) => e.deliveryMethod === "OFFICE_PICKUP").map((event) => officePickup(event, deliveryOf.get(event.cardNumber)!)),
      ...returned,
    ];
    await insertInChunks(tx, IssuedCard, events.map(issuedCardOf));
    await insertInChunks(tx, Shipment, shipments);
    await insertInChunks(tx, TrackingEvent, trackingEvents);
    await insertInChunks(tx, OfficePickup, pickups.map((p) => p.pickup));
    await insertInChunks(tx, PickupEvent, pickups.flatMap((p) => p.history));
  });
}
