import { Ctx, Directive, Query, Resolver } from "type-graphql";
import { requiresAnyRole } from "../../../../kernel/graphql/authorization";
import { requireRole, type RequestContext } from "../../../../kernel/context";
import { riyadhToday } from "../calendar/riyadhCalendar";
import { Shipment } from "../shipments/shipment.entity";
import { IN_TRANSIT_STATUSES, ShipmentStatus } from "../shipments/shipmentStatus";
import { DeliveryStats } from "./deliveryStats.type";

interface StatsRow {
  inTransit: string;
  delivered: string;
  delayed: string;
  medianHours: number | string | null;
}

@Resolver(() => DeliveryStats)
export class DeliveryStatsResolver {
  /** One statement over the shipments; "delayed" uses the same rule as Shipment.isDelayed. */
  @Directive(requiresAnyRole("ANALYST", "POST_OPERATOR", "CIVIL_AFFAIRS_OFFICER"))
  @Query(() => DeliveryStats, { description: "Analysts, postal operators and civil-affairs officers." })
  async deliveryStats(@Ctx() ctx: RequestContext): Promise<DeliveryStats> {
    requireRole(ctx, "ANALYST", "POST_OPERATOR", "CIVIL_AFFAIRS_OFFICER");
    const row = (await ctx.db
      .getRepository(Shipment)
      .createQueryBuilder("s")
      .select("count(*) FILTER (WHERE s.status IN (:...moving))", "inTransit")
      .addSelect("count(*) FILTER (WHERE s.status = :delivered)", "delivered")
      .addSelect("count(*) FILTER (WHERE s.status <> :delivered AND s.estimated_delivery_date < :today)", "delayed")
      .addSelect(
        "percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM s.delivered_at - s.created_at) / 3600) FILTER (WHERE s.status = :delivered)",
        "medianHours",
      )
      .setParameters({ moving: IN_TRANSIT_STATUSES, delivered: ShipmentStatus.DELIVERED, today: riyadhToday() })
      .getRawOne()) as StatsRow;
    const median = row.medianHours === null ? null : Math.round(Number(row.medianHours) * 100) / 100;
    return Object.assign(new DeliveryStats(), {
      inTransit: Number(row.inTransit),
      delivered: Number(row.delivered),
      delayed: Number(row.delayed),
      medianHoursToDeliver: median,
    });
  }
}
