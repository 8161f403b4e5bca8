import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Authenticated, RequiresRole } from "../../../../kernel/graphql/authorization";
import { ChecksInput } from "../../../../kernel/graphql/inputChecks";
import { requireViewer, type RequestContext } from "../../../../kernel/context";
import { appError, Violations } from "../../../../kernel/errors";
import { hasRole } from "../../../../kernel/auth/viewer";
import { DELIVERY_STAFF, mayRead } from "../cards/access";
import { issuedCardByNumber } from "../cards/loaders";
import { assertNotOwnCard } from "../cards/fourEyes";
import { DEFAULT_PAGE, MAX_PAGE } from "../../../../kernel/graphql/paging";
import { eventsByTrackingNumber, shipmentByTrackingNumber } from "./loaders";
import { shipmentsAwaitingEvent } from "./queue";
import { ShipmentConnection } from "./queueTypes";
import { recordTrackingEvent } from "./recordTrackingEvent";
import { Shipment } from "./shipment.entity";
import { isDelayedOn, ShipmentStatus } from "./shipmentStatus";
import { TrackingEvent } from "./trackingEvent.entity";
import { checkEventArgs } from "./trackingReport";

@Resolver(() => Shipment)
export class ShipmentResolver {
  @Authenticated()
  @Query(() => Shipment, {
    nullable: true,
    description:
      "Postal operators and civil-affairs officers any shipment (null for an unknown number); the head, a spouse or an adult child on the card its own shipment (FORBIDDEN otherwise, also for an unknown number).",
  })
  shipment(@Arg("trackingNumber", () => ID) trackingNumber: string, @Ctx() ctx: RequestContext): Promise<Shipment | null> {
    return readableShipment(ctx, trackingNumber);
  }

  @RequiresRole("POST_OPERATOR")
  @Query(() => ShipmentConnection, {
    description: `Postal operators' queue: shipments not yet DELIVERED nor RETURNED_TO_OFFICE, the one waiting longest since its latest event first (first: 1 to ${MAX_PAGE}).`,
  })
  shipmentsAwaitingEvent(
    @Arg("first", () => Int, { nullable: true, defaultValue: DEFAULT_PAGE }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ShipmentConnection> {
    return shipmentsAwaitingEvent(ctx, first, after);
  }

  @RequiresRole("POST_OPERATOR")
  @ChecksInput(checkEventArgs)
  @Mutation(() => Shipment, { description: "Postal operators: one tracking event; `at` defaults to now. Not on a card he or his family is on (FORBIDDEN, FOUR_EYES)." })
  async recordTrackingEvent(
    @Arg("trackingNumber", () => ID) trackingNumber: string,
    @Arg("status", () => ShipmentStatus) status: ShipmentStatus,
    @Arg("location", () => String, { nullable: true }) location: string | null,
    @Arg("at", () => Date, { nullable: true }) at: Date | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Shipment> {
    const operator = requireViewer(ctx);
    const violations = new Violations(ctx.lang);
    const report = checkEventArgs({ trackingNumber, status, at, location }, violations, ctx);
    violations.throwIfAny();
    await assertNotOwnCard(ctx, operator.nationalId, { trackingNumber: report.trackingNumber });
    return (await recordTrackingEvent(ctx.db, report, operator.nationalId, ctx.lang)).shipment;
  }

  @FieldResolver(() => [TrackingEvent], { description: "Oldest first." })
  events(@Root() shipment: Shipment, @Ctx() ctx: RequestContext): Promise<TrackingEvent[]> {
    return ctx.loaders.get(eventsByTrackingNumber).load(shipment.trackingNumber);
  }

  @FieldResolver(() => Boolean, { description: "True when not delivered by the estimated date." })
  isDelayed(@Root() shipment: Shipment, @Ctx() ctx: RequestContext): boolean {
    return isDelayedOn(shipment, ctx.today);
  }
}

/**
 * A shipment as its card's readers rule says (cards/access.ts): the root field's answer and
 * `_entities`' alike. A number is the client's own guess: whether it names a shipment is itself
 * someone's business, so a citizen gets FORBIDDEN for an unknown one too (staff null).
 */
async function readableShipment(ctx: RequestContext, trackingNumber: string): Promise<Shipment | null> {
  const viewer = requireViewer(ctx);
  const shipment = await ctx.loaders.get(shipmentByTrackingNumber).load(trackingNumber);
  if (hasRole(viewer, ...DELIVERY_STAFF)) return shipment;
  const card = shipment ? await ctx.loaders.get(issuedCardByNumber).load(shipment.cardNumber) : null;
  if (card && mayRead(viewer, card)) return shipment;
  throw appError("FORBIDDEN", ctx.lang);
}

/** Entity resolver for `_entities` (a token is required: Shipment is `@authenticated`). */
export function resolveShipmentReference(ref: { trackingNumber: string }, ctx: RequestContext): Promise<Shipment | null> {
  return readableShipment(ctx, ref.trackingNumber);
}
