import { riyadhToday } from "../../../kernel/riyadhCalendar";
import { Shipment } from "../src/shipments/shipment.entity";
import { ShipmentResolver } from "../src/shipments/shipment.resolver";
import { ShipmentStatus } from "../src/shipments/shipmentStatus";

/** RULES.md: isDelayed = not delivered and today is past the estimated date. */
describe("Shipment.isDelayed", () => {
  const resolver = new ShipmentResolver();
  const shipment = (status: ShipmentStatus, estimatedDeliveryDate: string) => Object.assign(new Shipment(), { status, estimatedDeliveryDate });
  const today = riyadhToday();

  it("is true for a shipment still on its way after its estimated date", () => {
    expect(resolver.isDelayed(shipment(ShipmentStatus.IN_TRANSIT, "2020-01-01"))).toBe(true);
    expect(resolver.isDelayed(shipment(ShipmentStatus.RETURNED_TO_OFFICE, "2020-01-01"))).toBe(true);
  });

  it("is false on the estimated date itself, before it, and once delivered", () => {
    expect(resolver.isDelayed(shipment(ShipmentStatus.OUT_FOR_DELIVERY, today))).toBe(false);
    expect(resolver.isDelayed(shipment(ShipmentStatus.CREATED, "2999-12-31"))).toBe(false);
    expect(resolver.isDelayed(shipment(ShipmentStatus.DELIVERED, "2020-01-01"))).toBe(false);
  });
});
