import { Directive, Field, Int, ObjectType } from "type-graphql";
import { DateScalar } from "./scalars";

/** One day of a dashboard time series; declared alike by every subgraph that has one. */
@ObjectType({ description: "A calendar day in Asia/Riyadh and a count (dashboards' time series)." })
@Directive("@shareable")
export class DayCount {
  @Field(() => DateScalar)
  day!: string;

  @Field(() => Int)
  count!: number;
}
