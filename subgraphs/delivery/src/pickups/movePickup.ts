import type { DataSource } from "typeorm";
import { appError } from "../../../../kernel/errors";
import type { Lang } from "../../../../kernel/i18n";
import { pickupEventOf } from "../cards/newDelivery";
import { pickupMessages } from "./messages";
import { OfficePickup } from "./officePickup.entity";
import { PickupEvent } from "./pickupEvent.entity";
import { PICKUP_MOVES, PickupStatus } from "./pickupStatus";

/** Moves a card's office pickup to `to` (by PICKUP_MOVES) and appends the move to its history, in one transaction. */
export async function movePickup(db: DataSource, cardNumber: string, to: PickupStatus, by: string, lang: Lang): Promise<OfficePickup> {
  return db.transaction(async (tx) => {
    const pickup = await tx.findOne(OfficePickup, { where: { cardNumber }, lock: { mode: "pessimistic_write" } });
    if (!pickup) throw appError("NOT_FOUND", lang);
    if (PICKUP_MOVES[pickup.status] !== to) {
      const params = { from: pickup.status, to };
      throw appError("INVALID_STATE", lang, pickupMessages.invalidMove[lang](params), params);
    }
    const at = new Date();
    pickup.status = to;
    if (to === PickupStatus.READY_FOR_PICKUP) pickup.readyAt = at;
    if (to === PickupStatus.COLLECTED) pickup.collectedAt = at;
    await tx.update(OfficePickup, { cardNumber }, { status: pickup.status, readyAt: pickup.readyAt, collectedAt: pickup.collectedAt });
    await tx.insert(PickupEvent, pickupEventOf(cardNumber, to, at, by));
    return pickup;
  });
}
