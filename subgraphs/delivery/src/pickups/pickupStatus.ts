import { registerEnumType } from "type-graphql";

export enum PickupStatus {
  PREPARING = "PREPARING",
  READY_FOR_PICKUP = "READY_FOR_PICKUP",
  COLLECTED = "COLLECTED",
}
registerEnumType(PickupStatus, { name: "PickupStatus" });

/** The office pickup's moves, each made by a civil-affairs officer. */
export const PICKUP_MOVES: Readonly<Record<PickupStatus, PickupStatus | null>> = {
  [PickupStatus.PREPARING]: PickupStatus.READY_FOR_PICKUP,
  [PickupStatus.READY_FOR_PICKUP]: PickupStatus.COLLECTED,
  [PickupStatus.COLLECTED]: null,
};
