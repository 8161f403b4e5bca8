import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { RequiresRole } from "../../../../kernel/graphql/authorization";
import type { RequestContext } from "../../../../kernel/context";
import { STATS_READERS } from "../../../../kernel/auth/viewer";
import { daySeries, riyadhDaySql, statsWindow } from "../../../../kernel/stats/window";
import { CivilAffairsOfficeRef } from "../pickups/civilAffairsOffice.type";
import { PickupStatus } from "../pickups/pickupStatus";
import { IN_TRANSIT_STATUSES, ShipmentStatus } from "../shipments/shipmentStatus";
import { DeliveryStats } from "./deliveryStats.type";

/** The state now (in transit, delayed: the rule of Shipment.isDelayed) and the window's deliveries. */
const SHIPMENTS_SQL = `
  SELECT
    (SELECT count(*)::int FROM shipment WHERE status IN (${IN_TRANSIT_STATUSES.map((status) => `'${status}'`).join(", ")})) AS "inTransit",
    (SELECT count(*)::int FROM shipment WHERE status <> '${ShipmentStatus.DELIVERED}' AND estimated_delivery_date < $3::date) AS delayed,
    count(*)::int AS delivered,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - created_at) / 3600) AS "medianHours"
  FROM shipment WHERE delivered_at >= $1 AND delivered_at < $2`;

const DELIVERED_PER_DAY_SQL = `
  SELECT ${riyadhDaySql("delivered_at")} AS day, count(*)::int AS count
  FROM shipment WHERE delivered_at >= $1 AND delivered_at < $2 GROUP BY 1`;

/** Every office delivery has had a pickup at, with its waiting cards now and its collections in the window. */
const PICKUPS_SQL = `
  SELECT office_id AS "officeId",
    count(*) FILTER (WHERE status IN ('${PickupStatus.PREPARING}', '${PickupStatus.READY_FOR_PICKUP}'))::int AS waiting,
    count(*) FILTER (WHERE status = '${PickupStatus.COLLECTED}' AND collected_at >= $1 AND collected_at < $2)::int AS collected
  FROM office_pickup GROUP BY office_id ORDER BY office_id`;

interface ShipmentsRow {
  inTransit: number;
  delayed: number;
  delivered: number;
  medianHours: number | string | null;
}

@Resolver(() => DeliveryStats)
export class DeliveryStatsResolver {
  /** Three statements whatever the number of shipments, pickups and days. */
  @RequiresRole(...STATS_READERS)
  @Query(() => DeliveryStats, { description: "Analysts and officers: counts and durations only." })
  async deliveryStats(
    @Arg("from", () => Date, { nullable: true }) from: Date | null,
    @Arg("to", () => Date, { nullable: true }) to: Date | null,
    @Ctx() ctx: RequestContext,
  ): Promise<DeliveryStats> {
    const window = statsWindow(ctx.lang, from, to, ctx.now);
    const bounds = [window.from, window.to];
    const [[shipments], perDay, pickups]: [ShipmentsRow[], Array<{ day: string; count: number }>, Array<{ officeId: string; waiting: number; collected: number }>] =
      await Promise.all([
        ctx.db.query(SHIPMENTS_SQL, [...bounds, ctx.today]),
        ctx.db.query(DELIVERED_PER_DAY_SQL, bounds),
        ctx.db.query(PICKUPS_SQL, bounds),
      ]);
    return Object.assign(new DeliveryStats(), {
      inTransit: Number(shipments!.inTransit),
      delivered: Number(shipments!.delivered),
      delayed: Number(shipments!.delayed),
      medianHoursToDeliver: shipments!.medianHours === null ? null : Math.round(Number(shipments!.medianHours) * 100) / 100,
      deliveredPerDay: daySeries(window, perDay),
      pickupsByOffice: pickups.map((row) => ({
        office: Object.assign(new CivilAffairsOfficeRef(), { id: row.officeId }),
        waiting: Number(row.waiting),
        collected: Number(row.collected),
      })),
    });
  }
}
