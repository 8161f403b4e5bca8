import { ShipmentStatus } from "./shipmentStatus";

const S = ShipmentStatus;

/** After this many failed delivery attempts the card goes back to the office (RULES.md, "Delivery"). */
export const MAX_FAILED_ATTEMPTS = 3;

/**
 * The shipment state machine, the one table in code: the statuses a tracking event may move a
 * shipment to from each status. RETURNED_TO_OFFICE is never recorded by hand: the third
 * DELIVERY_FAILED leads to it (see planMove).
 */
export const SHIPMENT_MOVES: Readonly<Record<ShipmentStatus, readonly ShipmentStatus[]>> = {
  [S.CREATED]: [S.PICKED_UP],
  [S.PICKED_UP]: [S.IN_TRANSIT],
  [S.IN_TRANSIT]: [S.OUT_FOR_DELIVERY],
  [S.OUT_FOR_DELIVERY]: [S.DELIVERED, S.DELIVERY_FAILED],
  [S.DELIVERY_FAILED]: [S.OUT_FOR_DELIVERY],
  [S.DELIVERED]: [],
  [S.RETURNED_TO_OFFICE]: [],
};

/** How far along its way each status is: a failed attempt is as far as the attempt itself. */
const STEP: Readonly<Record<ShipmentStatus, number>> = {
  [S.CREATED]: 0,
  [S.PICKED_UP]: 1,
  [S.IN_TRANSIT]: 2,
  [S.OUT_FOR_DELIVERY]: 3,
  [S.DELIVERY_FAILED]: 3,
  [S.DELIVERED]: 4,
  [S.RETURNED_TO_OFFICE]: 4,
};

/**
 * Whether a late event (older than the newest one) tells of a step the shipment passed on its way
 * to where it is: kept in the history then (RULES.md), refused otherwise. Never a status only the
 * system records (CREATED, RETURNED_TO_OFFICE), a delivery only for a delivered shipment, and a
 * failed attempt only for one that counted a failure (a card delivered at the first try never failed).
 */
export function isPassedStep(current: { status: ShipmentStatus; attempts: number }, late: ShipmentStatus): boolean {
  if (late === S.CREATED || late === S.RETURNED_TO_OFFICE) return false;
  if (late === S.DELIVERED) return current.status === S.DELIVERED;
  if (late === S.DELIVERY_FAILED) return current.attempts > 0;
  return STEP[late] <= STEP[current.status];
}

/** The statuses an event of `status` follows (those SHIPMENT_MOVES leads from to it): the shipment was in one of them just before. */
export function statusesBefore(status: ShipmentStatus): ShipmentStatus[] {
  return Object.values(S).filter((from) => SHIPMENT_MOVES[from].includes(status));
}

export interface PlannedMove {
  status: ShipmentStatus;
  attempts: number;
  /** The failure was the last allowed one: the shipment went back to the office. */
  returnedToOffice: boolean;
}

/** Where a tracking event takes a shipment, or null when the move is not allowed. */
export function planMove(current: { status: ShipmentStatus; attempts: number }, to: ShipmentStatus): PlannedMove | null {
  if (!SHIPMENT_MOVES[current.status].includes(to)) return null;
  if (to !== S.DELIVERY_FAILED) return { status: to, attempts: current.attempts, returnedToOffice: false };
  const attempts = current.attempts + 1;
  return attempts >= MAX_FAILED_ATTEMPTS
    ? { status: S.RETURNED_TO_OFFICE, attempts, returnedToOffice: true }
    : { status: to, attempts, returnedToOffice: false };
}

/** Applies a planned move to a shipment reached by an event at `at`. */
export function applyMove(
  shipment: { status: ShipmentStatus; attempts: number; lastEventAt: Date; deliveredAt: Date | null },
  move: PlannedMove,
  at: Date,
): void {
  shipment.status = move.status;
  shipment.attempts = move.attempts;
  shipment.lastEventAt = at;
  if (move.status === S.DELIVERED) shipment.deliveredAt = at;
}
