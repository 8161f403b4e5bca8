import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { RequiresRole } from "../../../../kernel/graphql/authorization";
import { requireViewer, type RequestContext } from "../../../../kernel/context";
import { DELIVERY_STAFF } from "../cards/access";
import { assertNotOwnCard } from "../cards/fourEyes";
import { DEFAULT_PAGE, MAX_PAGE } from "../../../../kernel/graphql/paging";
import { CivilAffairsOfficeRef } from "./civilAffairsOffice.type";
import { movePickup } from "./movePickup";
import { OfficePickup } from "./officePickup.entity";
import { PickupStatus } from "./pickupStatus";
import { pickupsAwaitingCollection } from "./queue";
import { shipmentByCard } from "../shipments/loaders";
import { Shipment } from "../shipments/shipment.entity";
import { OfficePickupQueueConnection } from "./queueTypes";

@Resolver(() => OfficePickup)
export class OfficePickupResolver {
  @RequiresRole(...DELIVERY_STAFF)
  @Query(() => OfficePickupQueueConnection, {
    description: `Civil-affairs officers and postal operators: the cards waiting at an office (every office without officeId), PREPARING or READY_FOR_PICKUP, the one waiting longest first (first: 1 to ${MAX_PAGE}).`,
  })
  pickupsAwaitingCollection(
    @Arg("officeId", () => ID, { nullable: true }) officeId: string | null,
    @Arg("first", () => Int, { nullable: true, defaultValue: DEFAULT_PAGE }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<OfficePickupQueueConnection> {
    return pickupsAwaitingCollection(ctx, officeId, first, after);
  }

  @RequiresRole("CIVIL_AFFAIRS_OFFICER")
  @Mutation(() => OfficePickup, { description: "Civil-affairs officers: the card arrived at the office (PREPARING → READY_FOR_PICKUP). Not a card he or his family is on (FORBIDDEN, FOUR_EYES)." })
  async markReadyForPickup(@Arg("cardNumber", () => ID) cardNumber: string, @Ctx() ctx: RequestContext): Promise<OfficePickup> {
    const officer = requireViewer(ctx);
    await assertNotOwnCard(ctx, officer.nationalId, { cardNumber });
    return movePickup(ctx.db, cardNumber, PickupStatus.READY_FOR_PICKUP, officer.nationalId, ctx.lang);
  }

  @RequiresRole("CIVIL_AFFAIRS_OFFICER")
  @Mutation(() => OfficePickup, { description: "Civil-affairs officers: the family collected the card (READY_FOR_PICKUP → COLLECTED). Not a card he or his family is on (FORBIDDEN, FOUR_EYES)." })
  async markCollected(@Arg("cardNumber", () => ID) cardNumber: string, @Ctx() ctx: RequestContext): Promise<OfficePickup> {
    const officer = requireViewer(ctx);
    await assertNotOwnCard(ctx, officer.nationalId, { cardNumber });
    return movePickup(ctx.db, cardNumber, PickupStatus.COLLECTED, officer.nationalId, ctx.lang);
  }

  @FieldResolver(() => Shipment, {
    nullable: true,
    description: "The Saudi Post shipment the card came back from after its failed delivery attempts, with its whole tracking history; null for a card the family chose to collect.",
  })
  returnedShipment(@Root() pickup: OfficePickup, @Ctx() ctx: RequestContext): Promise<Shipment | null> {
    return ctx.loaders.get(shipmentByCard).load(pickup.cardNumber);
  }

  @FieldResolver(() => CivilAffairsOfficeRef)
  office(@Root() pickup: OfficePickup): CivilAffairsOfficeRef {
    return Object.assign(new CivilAffairsOfficeRef(), { id: pickup.officeId });
  }
}
