import type { ShipmentStatus } from "../graphql/graphql";

/**
 * The events an operator may record from each status (RULES.md, "Delivery"), offered in the form;
 * the API judges every one (INVALID_STATE otherwise). RETURNED_TO_OFFICE is never recorded by hand:
 * the third failed attempt leads to it.
 */
const NEXT: Record<ShipmentStatus, ShipmentStatus[]> = {
  CREATED: ["PICKED_UP"],
  PICKED_UP: ["IN_TRANSIT"],
  IN_TRANSIT: ["OUT_FOR_DELIVERY"],
  OUT_FOR_DELIVERY: ["DELIVERED", "DELIVERY_FAILED"],
  DELIVERY_FAILED: ["OUT_FOR_DELIVERY"],
  DELIVERED: [],
  RETURNED_TO_OFFICE: [],
};

/** After this many failed attempts the card goes back to the office. */
export const MAX_FAILED_ATTEMPTS = 3;

export function nextStatuses(status: ShipmentStatus): ShipmentStatus[] {
  return NEXT[status];
}

/** Delivered or back at the office: no longer waiting for an event, out of the queue. */
export function isFinal(status: ShipmentStatus): boolean {
  return NEXT[status].length === 0;
}

/** The next failure would be the last one allowed: the shipment would go back to the office. */
export function isLastAttempt(shipment: { status: ShipmentStatus; attempts: number }): boolean {
  return shipment.status === "OUT_FOR_DELIVERY" && shipment.attempts + 1 >= MAX_FAILED_ATTEMPTS;
}

/** When the latest event happened (an event recorded late keeps its own time), or the shipment's creation. */
export function latestEventAt(shipment: { createdAt: string; events: ReadonlyArray<{ at: string }> }): string {
  let latest = shipment.createdAt;
  for (const event of shipment.events) if (Date.parse(event.at) > Date.parse(latest)) latest = event.at;
  return latest;
}
