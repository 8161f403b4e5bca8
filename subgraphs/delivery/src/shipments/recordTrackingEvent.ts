import { In, type DataSource, type EntityManager } from "typeorm";
import { appError, badInput } from "../../../../kernel/errors";
import type { Lang } from "../../../../kernel/i18n";
import { IssuedCard } from "../cards/issuedCard.entity";
import { pickupEventOf, pickupOf, SYSTEM, trackingEventOf } from "../cards/newDelivery";
import { OfficePickup } from "../pickups/officePickup.entity";
import { PickupEvent } from "../pickups/pickupEvent.entity";
import { PickupStatus } from "../pickups/pickupStatus";
import { shipmentMessages } from "./messages";
import { applyMove, isPassedStep, planMove, statusesBefore } from "./shipmentMoves";
import { Shipment } from "./shipment.entity";
import { ShipmentStatus } from "./shipmentStatus";
import { TrackingEvent } from "./trackingEvent.entity";
import { CLOCK_SKEW_MS, type TrackingReport } from "./trackingReport";

/**
 * RECORDED moved the shipment; STALE is older than the newest event, so it is kept in the history
 * but changes neither the status nor the attempts; DUPLICATE was already there.
 */
export type TrackingOutcome = "RECORDED" | "STALE" | "DUPLICATE";

/**
 * The card comes back to the office named in its CardIssued event (`officeId`: for a posted card,
 * civil-affairs names the office a returned card waits at, normally the head's city's office) and is
 * at once READY_FOR_PICKUP there; the family then collects it like any office pickup.
 */
async function returnToOffice(tx: EntityManager, shipment: Shipment, at: Date): Promise<void> {
  // No stored description: it is worded in the reader's language (TrackingEventResolver).
  await tx.insert(TrackingEvent, trackingEventOf(shipment.trackingNumber, ShipmentStatus.RETURNED_TO_OFFICE, at, SYSTEM));
  const card = await tx.findOneByOrFail(IssuedCard, { cardNumber: shipment.cardNumber });
  await tx.insert(OfficePickup, pickupOf(card.cardNumber, card.officeId, PickupStatus.READY_FOR_PICKUP, at));
  await tx.insert(PickupEvent, pickupEventOf(card.cardNumber, PickupStatus.READY_FOR_PICKUP, at, SYSTEM));
}

/**
 * The earliest instant an event of `status` could have happened: when the shipment's history first
 * shows it in a status that `status` follows (a failed attempt once it first went out for delivery,
 * a pickup once it was created); null when it never was.
 */
async function earliestPossible(tx: EntityManager, trackingNumber: string, status: ShipmentStatus): Promise<Date | null> {
  const first = await tx.findOne(TrackingEvent, { select: { at: true }, where: { trackingNumber, status: In(statusesBefore(status)) }, order: { at: "ASC" } });
  return first?.at ?? null;
}

/**
 * The one code path for a tracking event, from recordTrackingEvent and from the carrier webhook:
 * under a lock on the shipment, the event is stored in its history and, unless it is older than
 * the newest one, moves the shipment by the state machine. No event is dated before the shipment's
 * creation (its CREATED event) by more than the clocks' skew. A late event is kept only if it tells of
 * a step the shipment passed (isPassedStep) at a time the shipment could have taken it; a refused
 * move is INVALID_STATE and stores nothing. Everything happens in one transaction. An event dated
 * ahead of now (within the clocks' allowed skew) counts as happening now, so that it does not make
 * the next real events late; one dated just before the shipment's creation, at its creation.
 */
export async function recordTrackingEvent(
  db: DataSource,
  report: TrackingReport,
  recordedBy: string,
  lang: Lang,
): Promise<{ shipment: Shipment; outcome: TrackingOutcome }> {
  return db.transaction(async (tx) => {
    const shipment = await tx.findOne(Shipment, { where: { trackingNumber: report.trackingNumber }, lock: { mode: "pessimistic_write" } });
    if (!shipment) throw appError("NOT_FOUND", lang);
    if (await tx.existsBy(TrackingEvent, { trackingNumber: shipment.trackingNumber, status: report.status, at: report.at })) {
      return { shipment, outcome: "DUPLICATE" };
    }
    if (report.at.getTime() < shipment.createdAt.getTime() - CLOCK_SKEW_MS) {
      throw badInput(lang, [{ field: "at", rule: "BEFORE_SHIPMENT", message: shipmentMessages.beforeShipment[lang]() }]);
    }
    const event = trackingEventOf(shipment.trackingNumber, report.status, report.at, recordedBy, report);
    // Within the clocks' skew, an event counts as happening between the shipment's creation and now
    // (an operator's time typed to the minute, a carrier's clock a little behind or ahead).
    const happened = new Date(Math.max(shipment.createdAt.getTime(), Math.min(report.at.getTime(), Date.now())));
    const params = { from: shipment.status, to: report.status };
    const refuse = () => appError("INVALID_STATE", lang, shipmentMessages.invalidMove[lang](params), params);
    const refuseLate = (message: string) => appError("INVALID_STATE", lang, message, { ...params, reason: "LATE_EVENT" });
    if (happened < shipment.lastEventAt) {
      if (!isPassedStep(shipment, report.status)) {
        // A move the shipment may make now, dated before its latest event (a DELIVERED timed before it
        // went out): that is what is wrong, not the move. Any other is a move it cannot make at all.
        if (!planMove(shipment, report.status)) throw refuse();
        throw refuseLate(shipmentMessages.lateUnpassed[lang](params));
      }
      const possibleFrom = await earliestPossible(tx, shipment.trackingNumber, report.status);
      if (!possibleFrom || happened < possibleFrom) throw refuseLate(shipmentMessages.lateBeforeStep[lang](params));
      await tx.insert(TrackingEvent, event);
      return { shipment, outcome: "STALE" };
    }
    const move = planMove(shipment, report.status);
    if (!move) throw refuse();
    applyMove(shipment, move, happened);
    const { status, attempts, lastEventAt, deliveredAt } = shipment;
    await tx.update(Shipment, { trackingNumber: shipment.trackingNumber }, { status, attempts, lastEventAt, deliveredAt });
    await tx.insert(TrackingEvent, event);
    if (move.returnedToOffice) await returnToOffice(tx, shipment, happened);
    return { shipment, outcome: "RECORDED" };
  });
}
