import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import { RequiresRole } from "../../../../kernel/graphql/authorization";
import { requireViewer, type RequestContext } from "../../../../kernel/context";
import { CivilAffairsOfficeRef } from "./civilAffairsOffice.type";
import { movePickup } from "./movePickup";
import { OfficePickup } from "./officePickup.entity";
import { PickupStatus } from "./pickupStatus";

@Resolver(() => OfficePickup)
export class OfficePickupResolver {
  @RequiresRole("CIVIL_AFFAIRS_OFFICER")
  @Mutation(() => OfficePickup, { description: "Civil-affairs officers: the card arrived at the office (PREPARING → READY_FOR_PICKUP)." })
  markReadyForPickup(@Arg("cardNumber", () => ID) cardNumber: string, @Ctx() ctx: RequestContext): Promise<OfficePickup> {
    const officer = requireViewer(ctx);
    return movePickup(ctx.db, cardNumber.trim(), PickupStatus.READY_FOR_PICKUP, officer.nationalId, ctx.lang);
  }

  @RequiresRole("CIVIL_AFFAIRS_OFFICER")
  @Mutation(() => OfficePickup, { description: "Civil-affairs officers: the family collected the card (READY_FOR_PICKUP → COLLECTED)." })
  markCollected(@Arg("cardNumber", () => ID) cardNumber: string, @Ctx() ctx: RequestContext): Promise<OfficePickup> {
    const officer = requireViewer(ctx);
    return movePickup(ctx.db, cardNumber.trim(), PickupStatus.COLLECTED, officer.nationalId, ctx.lang);
  }

  @FieldResolver(() => CivilAffairsOfficeRef)
  office(@Root() pickup: OfficePickup): CivilAffairsOfficeRef {
    return Object.assign(new CivilAffairsOfficeRef(), { id: pickup.officeId });
  }
}
