import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../../../kernel/context";
import { SYSTEM } from "../cards/newDelivery";
import { shipmentMessages } from "./messages";
import { MAX_FAILED_ATTEMPTS } from "./shipmentMoves";
import { ShipmentStatus } from "./shipmentStatus";
import { TrackingEvent } from "./trackingEvent.entity";

@Resolver(() => TrackingEvent)
export class TrackingEventResolver {
  /** The reporter's own words, or the system's in the reader's language. */
  @FieldResolver(() => String, { nullable: true })
  description(@Root() event: TrackingEvent, @Ctx() ctx: RequestContext): string | null {
    if (event.recordedBy === SYSTEM && event.status === ShipmentStatus.RETURNED_TO_OFFICE) {
      return shipmentMessages.returnedToOffice[ctx.lang]({ attempts: MAX_FAILED_ATTEMPTS });
    }
    return event.description;
  }
}
