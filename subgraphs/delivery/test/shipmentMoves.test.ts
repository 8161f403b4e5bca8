import { MAX_FAILED_ATTEMPTS, planMove } from "../src/shipments/shipmentMoves";
import { ShipmentStatus as S } from "../src/shipments/shipmentStatus";
import { s10CheckDigit, trackingNumberFor } from "../src/shipments/trackingNumber";
import { PICKUP_MOVES, PickupStatus as P } from "../src/pickups/pickupStatus";

const ALL = Object.values(S);

/** RULES.md, "Delivery", written out independently of the table in code. */
const ALLOWED: Array<[S, S]> = [
  [S.CREATED, S.PICKED_UP],
  [S.PICKED_UP, S.IN_TRANSIT],
  [S.IN_TRANSIT, S.OUT_FOR_DELIVERY],
  [S.OUT_FOR_DELIVERY, S.DELIVERED],
  [S.OUT_FOR_DELIVERY, S.DELIVERY_FAILED],
  [S.DELIVERY_FAILED, S.OUT_FOR_DELIVERY],
];
const allowed = (from: S, to: S) => ALLOWED.some(([f, t]) => f === from && t === to);

describe("the shipment state machine", () => {
  it.each(ALLOWED)("allows %s → %s", (from, to) => {
    expect(planMove({ status: from, attempts: 0 }, to)).toEqual({ status: to, attempts: to === S.DELIVERY_FAILED ? 1 : 0, returnedToOffice: false });
  });

  const refused = ALL.flatMap((from) => ALL.filter((to) => !allowed(from, to)).map((to) => [from, to] as [S, S]));
  it.each(refused)("refuses %s → %s", (from, to) => {
    expect(planMove({ status: from, attempts: 0 }, to)).toBeNull();
  });

  it("refuses CREATED → DELIVERED and a hand-recorded RETURNED_TO_OFFICE", () => {
    expect(planMove({ status: S.CREATED, attempts: 0 }, S.DELIVERED)).toBeNull();
    expect(planMove({ status: S.DELIVERY_FAILED, attempts: 1 }, S.RETURNED_TO_OFFICE)).toBeNull();
  });

  it("counts failed attempts and returns the card to the office after the third", () => {
    let shipment = { status: S.OUT_FOR_DELIVERY, attempts: 0 };
    for (let attempt = 1; attempt < MAX_FAILED_ATTEMPTS; attempt++) {
      const failed = planMove(shipment, S.DELIVERY_FAILED)!;
      expect(failed).toEqual({ status: S.DELIVERY_FAILED, attempts: attempt, returnedToOffice: false });
      shipment = planMove(failed, S.OUT_FOR_DELIVERY)!;
      expect(shipment.attempts).toBe(attempt);
    }
    expect(planMove(shipment, S.DELIVERY_FAILED)).toEqual({ status: S.RETURNED_TO_OFFICE, attempts: 3, returnedToOffice: true });
  });
});

describe("the office pickup moves", () => {
  it("go PREPARING → READY_FOR_PICKUP → COLLECTED and no further", () => {
    expect(PICKUP_MOVES).toEqual({ [P.PREPARING]: P.READY_FOR_PICKUP, [P.READY_FOR_PICKUP]: P.COLLECTED, [P.COLLECTED]: null });
  });
});

describe("S10 tracking numbers", () => {
  it("carry the UPU check digit", () => {
    expect(s10CheckDigit("12345678")).toBe(5);
    expect(trackingNumberFor(12345678)).toBe("RR123456785SA");
    expect(trackingNumberFor(1)).toMatch(/^RR00000001\dSA$/);
  });

  it("map a check of 10 to 0 and of 11 to 5", () => {
    expect(s10CheckDigit("00000008")).toBe(0); // weighted sum 56: 11 - 56 mod 11 = 10
    expect(s10CheckDigit("00000015")).toBe(5); // weighted sum 44: 11 - 0 = 11
  });

  it("refuse a serial beyond 8 digits", () => {
    expect(() => trackingNumberFor(100_000_000)).toThrow();
  });
});
