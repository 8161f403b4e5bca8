import { Field, Int, ObjectType } from "type-graphql";
import { QueuePageInfo } from "../../../../kernel/graphql/paging";
import { Family } from "./family.type";

@ObjectType()
export class FamilyEdge {
  @Field()
  cursor!: string;

  @Field(() => Family)
  node!: Family;
}

@ObjectType()
export class FamilyConnection {
  @Field(() => [FamilyEdge])
  edges!: FamilyEdge[];

  @Field(() => QueuePageInfo)
  pageInfo!: QueuePageInfo;

  @Field(() => Int, { description: "Families in labor's copy of the register, on every page." })
  totalCount!: number;
}
