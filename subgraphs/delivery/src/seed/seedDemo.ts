import type { DataSource } from "typeorm";
import { insertInChunks } from "../../../../kernel/database/insertInChunks";
import type { CardIssuedEvent } from "../../../../kernel/events/cardIssued";
import type { Cast, CastFamily } from "../../../../seed/demoCast";
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
function demoEvent(family: CastFamily & { card: NonNullable<CastFamily["card"]> }, cast: Cast): CardIssuedEvent {
  const head = cast.people.find((p) => p.nationalId === family.headId)!;
  return {
    type: "CardIssued",
    eventId: `demo-${family.card.cardNumber}`,
    occurredAt: family.card.issuedAt,
    cardNumber: family.card.cardNumber,
    registerNumber: family.registerNumber,
    version: 1,
    applicationId: `demo-${family.registerNumber}`,
    deliveryMethod: family.card.deliveryMethod,
    officeId: family.card.officeId,
    address: family.card.deliveryMethod === "SAUDI_POST" ? head.address : null,
    recipientName: head.fullNameAr,
    headNationalId: head.nationalId,
    memberIds: family.members.map((m) => m.nationalId),
    issuedAt: family.card.issuedAt,
  };
}

/** Deterministic hours for step `step` of a card's journey, between `min` and `max`. */
function hoursFor(cardNumber: string, step: number, min: number, max: number): number {
  const hash = [...cardNumber].reduce((sum, c, i) => sum + c.charCodeAt(0) * (i + step + 1), 0);
  return min + (hash % (max - min + 1));
}

/** A posted card's journey to the door: [status, hours after the previous step, where]. */
function journey(shipment: Shipment): Array<[ShipmentStatus, number, string]> {
  const city = shipment.address.city;
  const n = shipment.cardNumber;
  return [
    [ShipmentStatus.PICKED_UP, hoursFor(n, 1, 4, 30), `${city} - SPL central hub`],
    [ShipmentStatus.IN_TRANSIT, hoursFor(n, 2, 8, 36), `${city} sorting center`],
    [ShipmentStatus.OUT_FOR_DELIVERY, hoursFor(n, 3, 12, 48), `${shipment.address.district} delivery office`],
    [ShipmentStatus.DELIVERED, hoursFor(n, 4, 2, 9), shipment.address.district],
  ];
}

/**
 * Loads delivery's part of the demo data: one delivery per demo card, built by the consumer's own
 * builders and moved by the state machine, delivered or collected as the cast says; does nothing
 * when it is already there.
 */
export async function seedDelivery(db: DataSource, workingDays: number, cast: Cast): Promise<void> {
  const events = cast.families.flatMap((f) => (f.card ? [demoEvent({ ...f, card: f.card }, cast)] : []));
  if (events.length === 0 || (await db.getRepository(IssuedCard).existsBy({ cardNumber: events[0]!.cardNumber }))) return;
  const delivered = new Set(cast.families.filter((f) => f.card?.delivered).map((f) => f.card!.cardNumber));
  await db.transaction(async (tx) => {
    const posted = events.filter((e) => e.deliveryMethod === "SAUDI_POST");
    const serials = await nextSerials(tx, posted.length);
    const shipments = posted.map((event, i) => shipmentOf(event, trackingNumberFor(serials[i]!), workingDays));
    const trackingEvents = shipments.flatMap((shipment) => {
      const history = [trackingEventOf(shipment.trackingNumber, ShipmentStatus.CREATED, shipment.createdAt, SYSTEM)];
      if (!delivered.has(shipment.cardNumber)) return history;
      for (const [status, hours, location] of journey(shipment)) {
        const at = new Date(shipment.lastEventAt.getTime() + hours * HOUR);
        applyMove(shipment, planMove(shipment, status)!, at);
        history.push(trackingEventOf(shipment.trackingNumber, status, at, CARRIER_WEBHOOK, { location }));
      }
      return history;
    });
    const pickups = events
      .filter((e) => e.deliveryMethod === "OFFICE_PICKUP")
      .map((event) => {
        const pickup = pickupOf(event.cardNumber, event.officeId!, PickupStatus.PREPARING, new Date(event.issuedAt));
        const history = [pickupEventOf(pickup.cardNumber, PickupStatus.PREPARING, pickup.createdAt, SYSTEM)];
        if (delivered.has(pickup.cardNumber)) {
          pickup.status = PickupStatus.COLLECTED;
          pickup.readyAt = new Date(pickup.createdAt.getTime() + hoursFor(pickup.cardNumber, 1, 24, 72) * HOUR);
          pickup.collectedAt = new Date(pickup.readyAt.getTime() + hoursFor(pickup.cardNumber, 2, 2, 200) * HOUR);
          history.push(pickupEventOf(pickup.cardNumber, PickupStatus.READY_FOR_PICKUP, pickup.readyAt, SYSTEM));
          history.push(pickupEventOf(pickup.cardNumber, PickupStatus.COLLECTED, pickup.collectedAt, SYSTEM));
        }
        return { pickup, history };
      });
    await insertInChunks(tx, IssuedCard, events.map(issuedCardOf));
    await insertInChunks(tx, Shipment, shipments);
    await insertInChunks(tx, TrackingEvent, trackingEvents);
    await insertInChunks(tx, OfficePickup, pickups.map((p) => p.pickup));
    await insertInChunks(tx, PickupEvent, pickups.flatMap((p) => p.history));
  });
}
