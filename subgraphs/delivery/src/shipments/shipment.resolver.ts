import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { requireRole, type RequestContext } from "../../../../kernel/context";
import { Shipment } from "./shipment.entity";

@Resolver(() => Shipment)
export class ShipmentResolver {
  @Query(() => Shipment, { nullable: true })
  shipment(@Arg("trackingNumber", () => ID) trackingNumber: string, @Ctx() ctx: RequestContext): Promise<Shipment | null> {
    requireRole(ctx, "POST_OPERATOR", "CIVIL_AFFAIRS_OFFICER");
    return ctx.db.getRepository(Shipment).findOneBy({ trackingNumber });
  }
}
