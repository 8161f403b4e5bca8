import type { DataSource, EntityManager } from "typeorm";
import type { CardIssuedEvent } from "../../../../kernel/events/cardIssued";
import { IssuedCard } from "../cards/issuedCard.entity";
import { forgetReadersWhoLeft } from "../cards/registerMoves";
import { issuedCardOf, pickupEventOf, pickupOf, shipmentOf, SYSTEM, trackingEventOf } from "../cards/newDelivery";
import { OfficePickup } from "../pickups/officePickup.entity";
import { PickupEvent } from "../pickups/pickupEvent.entity";
import { PickupStatus } from "../pickups/pickupStatus";
import { Shipment } from "../shipments/shipment.entity";
import { ShipmentStatus } from "../shipments/shipmentStatus";
import { TrackingEvent } from "../shipments/trackingEvent.entity";
import { trackingNumberFor } from "../shipments/trackingNumber";

/** "duplicate" when the card already had its delivery; the tracking number of a new shipment. */
export type DeliveryOutcome = { outcome: "created"; trackingNumber: string | null } | { outcome: "duplicate" };

/** Reserves `count` S10 serial numbers in one statement. */
export async function nextSerials(tx: EntityManager, count: number): Promise<number[]> {
  const rows: Array<{ serial: string }> = await tx.query(`SELECT nextval('shipment_serial_seq') AS serial FROM generate_series(1, $1)`, [count]);
  return rows.map((row) => Number(row.serial));
}

/**
 * Creates the one delivery of an issued card: a Shipment for SAUDI_POST, an OfficePickup in
 * PREPARING for OFFICE_PICKUP. The issued_card row goes first with ON CONFLICT DO NOTHING: its
 * unique card number and event id make a repeated or concurrent delivery of the same event (or
 * another event for the same card) a no-op, answered "duplicate". People who left a register (for
 * this card's, or left out of it) stop reading its earlier shipments.
 */
export async function createDelivery(db: DataSource, event: CardIssuedEvent, workingDays: number): Promise<DeliveryOutcome> {
  return db.transaction(async (tx) => {
    const card = issuedCardOf(event);
    const inserted = await tx.createQueryBuilder().insert().into(IssuedCard).values(card).orIgnore().returning("card_number").execute();
    if ((inserted.raw as unknown[]).length === 0) return { outcome: "duplicate" };
    await forgetReadersWhoLeft(tx, card);
    const issuedAt = new Date(event.issuedAt);
    if (event.deliveryMethod === "SAUDI_POST") {
      const [serial] = await nextSerials(tx, 1);
      const shipment = shipmentOf(event, trackingNumberFor(serial!), workingDays);
      await tx.insert(Shipment, shipment);
      await tx.insert(TrackingEvent, trackingEventOf(shipment.trackingNumber, ShipmentStatus.CREATED, issuedAt, SYSTEM));
      return { outcome: "created", trackingNumber: shipment.trackingNumber };
    }
    await tx.insert(OfficePickup, pickupOf(event.cardNumber, event.officeId!, PickupStatus.PREPARING, issuedAt));
    await tx.insert(PickupEvent, pickupEventOf(event.cardNumber, PickupStatus.PREPARING, issuedAt, SYSTEM));
    return { outcome: "created", trackingNumber: null };
  });
}
