import type { CardIssuedEvent } from "../../../../kernel/events/cardIssued";
import { isMinorChild } from "../../../../kernel/adulthood";
import { addWorkingDays, riyadhDate } from "../../../../kernel/riyadhCalendar";
import { addressOf } from "../events/cardIssuedPayload";
import { OfficePickup } from "../pickups/officePickup.entity";
import { PickupEvent } from "../pickups/pickupEvent.entity";
import { PickupStatus } from "../pickups/pickupStatus";
import { Shipment } from "../shipments/shipment.entity";
import { ShipmentStatus } from "../shipments/shipmentStatus";
import { TrackingEvent } from "../shipments/trackingEvent.entity";
import { CARRIER } from "../shipments/trackingNumber";
import { IssuedCard } from "./issuedCard.entity";

/** The rows of a delivery and its history; shared by the CardIssued consumer, tracking and the demo seed. */

/** Who made the moves no person made (creation, return to the office). */
export const SYSTEM = "system";

/**
 * The people on the card who read its records on their own (RULES.md): the head, a spouse, a child
 * of age on the day of issue. From a publisher that does not send the register's composition yet,
 * the head alone.
 */
function readersOf(event: CardIssuedEvent): string[] {
  if (!event.members) return [event.headNationalId];
  const issuedOn = riyadhDate(new Date(event.issuedAt));
  return [...new Set(event.members.filter((member) => !isMinorChild(member.relation, member.birthDate, issuedOn)).map((member) => member.nationalId))];
}

export function issuedCardOf(event: CardIssuedEvent): IssuedCard {
  return Object.assign(new IssuedCard(), {
    cardNumber: event.cardNumber,
    eventId: event.eventId,
    registerNumber: event.registerNumber,
    memberIds: [...new Set(event.memberIds)],
    readerIds: readersOf(event),
    deliveryMethod: event.deliveryMethod,
    officeId: event.officeId,
    issuedAt: new Date(event.issuedAt),
  });
}

/** A SAUDI_POST shipment, CREATED at the card's issue, due `workingDays` working days later. */
export function shipmentOf(event: CardIssuedEvent, trackingNumber: string, workingDays: number): Shipment {
  const issuedAt = new Date(event.issuedAt);
  return Object.assign(new Shipment(), {
    trackingNumber,
    cardNumber: event.cardNumber,
    carrier: CARRIER,
    status: ShipmentStatus.CREATED,
    address: addressOf(event),
    recipientName: event.recipientName,
    attempts: 0,
    estimatedDeliveryDate: addWorkingDays(riyadhDate(issuedAt), workingDays),
    deliveredAt: null,
    lastEventAt: issuedAt,
    createdAt: issuedAt,
  });
}

export function trackingEventOf(
  trackingNumber: string,
  status: ShipmentStatus,
  at: Date,
  recordedBy: string,
  details: { location?: string | null; description?: string | null } = {},
): TrackingEvent {
  return Object.assign(new TrackingEvent(), {
    trackingNumber,
    status,
    at,
    location: details.location ?? null,
    description: details.description ?? null,
    recordedBy,
  });
}

export function pickupOf(cardNumber: string, officeId: string, status: PickupStatus, at: Date): OfficePickup {
  return Object.assign(new OfficePickup(), {
    cardNumber,
    officeId,
    status,
    readyAt: status === PickupStatus.PREPARING ? null : at,
    collectedAt: null,
    createdAt: at,
  });
}

export function pickupEventOf(cardNumber: string, status: PickupStatus, at: Date, by: string): PickupEvent {
  return Object.assign(new PickupEvent(), { cardNumber, status, at, by });
}
