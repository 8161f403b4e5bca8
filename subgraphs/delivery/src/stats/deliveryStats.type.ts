import { Field, Float, Int, ObjectType } from "type-graphql";
import { DayCount } from "../../../../kernel/graphql/dayCount";
import { CivilAffairsOfficeRef } from "../pickups/civilAffairsOffice.type";

@ObjectType()
export class OfficePickupCount {
  @Field(() => CivilAffairsOfficeRef)
  office!: CivilAffairsOfficeRef;

  @Field(() => Int)
  waiting!: number;

  @Field(() => Int)
  collected!: number;
}

/** Aggregates only: never a name, an ID or an address (RULES.md, "Dashboards"). */
@ObjectType()
export class DeliveryStats {
  @Field(() => Int, { description: "Shipments on their way now: CREATED to OUT_FOR_DELIVERY, and DELIVERY_FAILED." })
  inTransit!: number;

  @Field(() => Int, { description: "Shipments delivered within the window." })
  delivered!: number;

  @Field(() => Int, { description: "Shipments not delivered and past their estimated date, now." })
  delayed!: number;

  @Field(() => Float, { nullable: true, description: "Median hours from CREATED to DELIVERED over the shipments delivered within the window; null when none." })
  medianHoursToDeliver!: number | null;

  @Field(() => [DayCount], { description: "Shipments delivered on each day of the window, every day listed (zero included), oldest first." })
  deliveredPerDay!: DayCount[];

  @Field(() => [OfficePickupCount], { description: "Office pickups per office: waiting (PREPARING or READY_FOR_PICKUP) and collected within the window." })
  pickupsByOffice!: OfficePickupCount[];
}
