import { Field, Float, Int, ObjectType } from "type-graphql";

/** Aggregates only: never a name, an ID or an address (RULES.md, "Dashboards"). */
@ObjectType()
export class DeliveryStats {
  @Field(() => Int, { description: "Shipments on their way: CREATED to OUT_FOR_DELIVERY, and DELIVERY_FAILED." })
  inTransit!: number;

  @Field(() => Int)
  delivered!: number;

  @Field(() => Int, { description: "Shipments not delivered and past their estimated date." })
  delayed!: number;

  @Field(() => Float, { nullable: true, description: "Median hours from CREATED to DELIVERED; null when none." })
  medianHoursToDeliver!: number | null;
}
