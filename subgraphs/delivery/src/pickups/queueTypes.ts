import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Authenticated } from "../../../../kernel/graphql/authorization";
import { QueuePageInfo } from "../../../../kernel/graphql/paging";
import { CivilAffairsOfficeRef } from "./civilAffairsOffice.type";
import { PickupStatus } from "./pickupStatus";

/**
 * A card waiting at a civil-affairs office, as the offices' queue lists it: the card number (what
 * markReadyForPickup and markCollected take), where and since when. Nobody's name or address.
 */
@ObjectType({ description: "A card waiting at a civil-affairs office: PREPARING (on its way there) or READY_FOR_PICKUP." })
@Authenticated()
export class OfficePickupQueueItem {
  @Field(() => ID)
  cardNumber!: string;

  @Field(() => CivilAffairsOfficeRef)
  office!: CivilAffairsOfficeRef;

  @Field(() => PickupStatus)
  status!: PickupStatus;

  @Field(() => Date, { nullable: true })
  readyAt!: Date | null;

  @Field({ description: "Since when the card waits at the office, PREPARING then READY_FOR_PICKUP: the card's issue (or its return by Saudi Post); readyAt is when it became ready." })
  waitingSince!: Date;

  @Field(() => Float, { description: "Hours from waitingSince to now, to two decimals." })
  waitingHours!: number;

  /** Everyone on the card, as civil-affairs listed them in CardIssued: whose data this is (the audit). */
  memberIds!: string[];
}

@ObjectType()
export class OfficePickupQueueEdge {
  @Field()
  cursor!: string;

  @Field(() => OfficePickupQueueItem)
  node!: OfficePickupQueueItem;
}

@ObjectType()
export class OfficePickupQueueConnection {
  @Field(() => [OfficePickupQueueEdge])
  edges!: OfficePickupQueueEdge[];

  @Field(() => QueuePageInfo)
  pageInfo!: QueuePageInfo;

  @Field(() => Int, { description: "Cards waiting now (at the office asked for), on every page." })
  totalCount!: number;
}
