import { createUnionType } from "type-graphql";
import { OfficePickup } from "../pickups/officePickup.entity";
import { Shipment } from "../shipments/shipment.entity";

export const CardDelivery = createUnionType({
  name: "CardDelivery",
  types: () => [Shipment, OfficePickup] as const,
  resolveType: (value) => (value instanceof Shipment ? "Shipment" : "OfficePickup"),
});
