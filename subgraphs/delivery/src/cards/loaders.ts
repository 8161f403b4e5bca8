import { In } from "typeorm";
import type { RequestContext } from "../../../../kernel/context";
import { loaderByKey } from "../../../../kernel/loaders";
import { pickupByCard } from "../pickups/loaders";
import { OfficePickup } from "../pickups/officePickup.entity";
import { shipmentByCard } from "../shipments/loaders";
import { Shipment } from "../shipments/shipment.entity";
import { IssuedCard } from "./issuedCard.entity";

export const issuedCardByNumber = loaderByKey<string, IssuedCard, RequestContext>(
  (numbers, ctx) => ctx.db.getRepository(IssuedCard).findBy({ cardNumber: In([...numbers]) }),
  (row) => row.cardNumber,
);

type CardRow = IssuedCard & { pickup?: OfficePickup | null; shipment?: Shipment | null };

/**
 * Cards with where each is (its office pickup, its shipment), in one statement: what
 * `FamilyCard.delivery` needs for every card of a request. The rows go into `issuedCardByNumber`,
 * `pickupByCard` and `shipmentByCard`, which then answer without a statement of their own.
 */
export const cardsWithDelivery = loaderByKey<string, IssuedCard, RequestContext>(
  async (numbers, ctx) => {
    const rows = (await ctx.db
      .getRepository(IssuedCard)
      .createQueryBuilder("card")
      .leftJoinAndMapOne("card.pickup", OfficePickup, "pickup", "pickup.cardNumber = card.cardNumber")
      .leftJoinAndMapOne("card.shipment", Shipment, "shipment", "shipment.cardNumber = card.cardNumber")
      .where("card.cardNumber IN (:...numbers)", { numbers: [...numbers] })
      .getMany()) as CardRow[];
    const [cards, pickups, shipments] = [ctx.loaders.get(issuedCardByNumber), ctx.loaders.get(pickupByCard), ctx.loaders.get(shipmentByCard)];
    const found = new Map(rows.map((row) => [row.cardNumber, row]));
    // A card delivery has not heard of is known to be absent too: nothing asks the database again.
    for (const number of numbers) {
      const card = found.get(number);
      pickups.prime(number, card?.pickup ?? null);
      shipments.prime(number, card?.shipment ?? null);
      if (card) {
        delete card.pickup;
        delete card.shipment;
      }
      cards.prime(number, card ?? null);
    }
    return rows;
  },
  (row) => row.cardNumber,
);
