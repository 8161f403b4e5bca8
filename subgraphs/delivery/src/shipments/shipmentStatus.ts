import { registerEnumType } from "type-graphql";

export enum ShipmentStatus {
  CREATED = "CREATED",
  PICKED_UP = "PICKED_UP",
  IN_TRANSIT = "IN_TRANSIT",
  OUT_FOR_DELIVERY = "OUT_FOR_DELIVERY",
  DELIVERED = "DELIVERED",
  DELIVERY_FAILED = "DELIVERY_FAILED",
  RETURNED_TO_OFFICE = "RETURNED_TO_OFFICE",
}
registerEnumType(ShipmentStatus, { name: "ShipmentStatus" });

/** Statuses of a shipment still on its way (the dashboard's "in transit"). */
export const IN_TRANSIT_STATUSES: readonly ShipmentStatus[] = [
  ShipmentStatus.CREATED,
  ShipmentStatus.PICKED_UP,
  ShipmentStatus.IN_TRANSIT,
  ShipmentStatus.OUT_FOR_DELIVERY,
  ShipmentStatus.DELIVERY_FAILED,
];

/**
 * RULES.md "isDelayed": not delivered and `today` ("YYYY-MM-DD", Riyadh; the request's `ctx.today`)
 * is past the estimated delivery date. The dashboard's `delayed` count is the same rule in SQL.
 */
export function isDelayedOn(shipment: { status: ShipmentStatus; estimatedDeliveryDate: string }, today: string): boolean {
  return shipment.status !== ShipmentStatus.DELIVERED && today > shipment.estimatedDeliveryDate;
}
