import { Field, Int, ObjectType } from "type-graphql";
import { QueuePageInfo } from "../../../../kernel/graphql/paging";
import { Shipment } from "./shipment.entity";

@ObjectType()
export class ShipmentEdge {
  @Field()
  cursor!: string;

  @Field(() => Shipment)
  node!: Shipment;
}

@ObjectType()
export class ShipmentConnection {
  @Field(() => [ShipmentEdge])
  edges!: ShipmentEdge[];

  @Field(() => QueuePageInfo)
  pageInfo!: QueuePageInfo;

  @Field(() => Int, { description: "Shipments awaiting an event now, on every page." })
  totalCount!: number;
}
