import type { RequestContext } from "../../../../kernel/context";
import { entityRows } from "../../../../kernel/database/entityRows";
import { prepared } from "../../../../kernel/database/preparedStatements";
import { loaderByKey } from "../../../../kernel/loaders";
import { pickupByCard } from "../pickups/loaders";
import { OfficePickup } from "../pickups/officePickup.entity";
import { shipmentByCard } from "../shipments/loaders";
import { Shipment } from "../shipments/shipment.entity";
import { IssuedCard } from "./issuedCard.entity";

export const issuedCardByNumber = loaderByKey<string, IssuedCard, RequestContext>(
  (numbers, ctx) => entityRows(ctx.db, IssuedCard).whereIn("cardNumber", numbers),
  (row) => row.cardNumber,
);

/**
 * Cards with where each is (its office pickup, its shipment), in one statement: what
 * `FamilyCard.delivery` needs for every card of a request. The rows go into `issuedCardByNumber`,
 * `pickupByCard` and `shipmentByCard`, which then answer without a statement of their own.
 */
export const cardsWithDelivery = loaderByKey<string, IssuedCard, RequestContext>(
  async (numbers, ctx) => {
    const [issued, pickup, shipment] = [entityRows(ctx.db, IssuedCard), entityRows(ctx.db, OfficePickup), entityRows(ctx.db, Shipment)];
    const cardNumbers = issued.keyIn("c", "cardNumber", "$1", numbers);
    // Plain SQL, prepared: the hot read of a family's card (kernel/database).
    const rows: Array<Record<string, unknown>> = await ctx.db.query(
      prepared(`SELECT ${issued.select("c")}, ${pickup.select("p")}, ${shipment.select("s")} FROM ${issued.table} "c"
       LEFT JOIN ${pickup.table} "p" ON "p"."card_number" = "c"."card_number" LEFT JOIN ${shipment.table} "s" ON "s"."card_number" = "c"."card_number"
       WHERE ${cardNumbers.condition}`),
      [cardNumbers.value],
    );
    const [cards, pickups, shipments] = [ctx.loaders.get(issuedCardByNumber), ctx.loaders.get(pickupByCard), ctx.loaders.get(shipmentByCard)];
    const found = new Map(
      rows.map((row) => {
        const card = issued.hydrate(row, "c")!;
        return [card.cardNumber, { card, pickup: pickup.hydrate(row, "p"), shipment: shipment.hydrate(row, "s") }];
      }),
    );
    // A card delivery has not heard of is known to be absent too: nothing asks the database again.
    for (const number of numbers) {
      const read = found.get(number);
      pickups.prime(number, read?.pickup ?? null);
      shipments.prime(number, read?.shipment ?? null);
      cards.prime(number, read?.card ?? null);
    }
    return [...found.values()].map((read) => read.card);
  },
  (row) => row.cardNumber,
);
