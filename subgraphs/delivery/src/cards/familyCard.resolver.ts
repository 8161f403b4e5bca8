import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../../../kernel/context";
import { pickupByCard } from "../pickups/loaders";
import type { OfficePickup } from "../pickups/officePickup.entity";
import { shipmentByCard } from "../shipments/loaders";
import type { Shipment } from "../shipments/shipment.entity";
import { readableIssuedCard } from "./access";
import { cardsWithDelivery } from "./loaders";
import { CardDelivery } from "./cardDelivery.union";
import { FamilyCardRef } from "./familyCard.type";

@Resolver(() => FamilyCardRef)
export class FamilyCardResolver {
  /**
   * One statement for all the cards of a request (`cardsWithDelivery`: each card with its pickup and
   * shipment). A shipment returned to the office is superseded by its OfficePickup: that is where
   * the card is.
   */
  @FieldResolver(() => CardDelivery, { nullable: true, description: "The card's delivery: by Saudi Post, or pickup at an office." })
  async delivery(@Root() card: FamilyCardRef, @Ctx() ctx: RequestContext): Promise<Shipment | OfficePickup | null> {
    await ctx.loaders.get(cardsWithDelivery).load(card.cardNumber);
    if (!(await readableIssuedCard(ctx, card.cardNumber))) return null;
    const [pickup, shipment] = await Promise.all([
      ctx.loaders.get(pickupByCard).load(card.cardNumber),
      ctx.loaders.get(shipmentByCard).load(card.cardNumber),
    ]);
    return pickup ?? shipment;
  }
}

/** The stub needs nothing from the database; `delivery` checks who is asking. */
export function resolveFamilyCardReference(ref: { cardNumber: string }): FamilyCardRef {
  return Object.assign(new FamilyCardRef(), { cardNumber: ref.cardNumber });
}
