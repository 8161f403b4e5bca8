import { createRequestContext } from "../../../kernel/context";
import { createLogger } from "../../../kernel/logger";
import { riyadhMidnight } from "../../../kernel/riyadhCalendar";
import { Shipment } from "../src/shipments/shipment.entity";
import { ShipmentResolver } from "../src/shipments/shipment.resolver";
import { isDelayedOn, ShipmentStatus } from "../src/shipments/shipmentStatus";

/** RULES.md: isDelayed = not delivered and today is past the estimated date; today is pinned here. */
describe("Shipment.isDelayed", () => {
  const TODAY = "2026-11-25";
  const shipment = (status: ShipmentStatus, estimatedDeliveryDate: string) => Object.assign(new Shipment(), { status, estimatedDeliveryDate });

  it("is true for a shipment still on its way after its estimated date", () => {
    expect(isDelayedOn(shipment(ShipmentStatus.IN_TRANSIT, "2026-11-24"), TODAY)).toBe(true);
    expect(isDelayedOn(shipment(ShipmentStatus.RETURNED_TO_OFFICE, "2020-01-01"), TODAY)).toBe(true);
  });

  it("is false on the estimated date itself, before it, and once delivered", () => {
    expect(isDelayedOn(shipment(ShipmentStatus.OUT_FOR_DELIVERY, TODAY), TODAY)).toBe(false);
    expect(isDelayedOn(shipment(ShipmentStatus.CREATED, "2026-11-26"), TODAY)).toBe(false);
    expect(isDelayedOn(shipment(ShipmentStatus.DELIVERED, "2020-01-01"), TODAY)).toBe(false);
  });

  it("is answered on the request's day in Riyadh (ctx.today), which turns at midnight there", () => {
    const resolver = new ShipmentResolver();
    const at = (now: Date) => createRequestContext({ viewer: null, authorization: null, lang: "en", requestId: "t", purpose: null, purposeRequired: false, db: null as never, log: createLogger("test"), now });
    const due = shipment(ShipmentStatus.IN_TRANSIT, TODAY);
    const lastInstantOfDueDay = new Date(riyadhMidnight("2026-11-26").getTime() - 1);
    expect(resolver.isDelayed(due, at(lastInstantOfDueDay))).toBe(false);
    expect(resolver.isDelayed(due, at(riyadhMidnight("2026-11-26")))).toBe(true);
  });
});
