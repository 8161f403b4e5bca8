import { Field, Float, Int, ObjectType } from "type-graphql";
import { CardApplication } from "./cardApplication.entity";
import { DayCount } from "../../../../kernel/graphql/dayCount";
import { ApplicationKind, ApplicationStatus } from "./enums";

@ObjectType()
export class CardApplicationEdge {
  @Field()
  cursor!: string;

  @Field(() => CardApplication)
  node!: CardApplication;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType()
export class CardApplicationConnection {
  @Field(() => [CardApplicationEdge])
  edges!: CardApplicationEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType()
export class StatusCount {
  @Field(() => ApplicationStatus)
  status!: ApplicationStatus;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class KindCount {
  @Field(() => ApplicationKind)
  kind!: ApplicationKind;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class ApplicationStats {
  @Field(() => Int)
  total!: number;

  @Field(() => [StatusCount])
  byStatus!: StatusCount[];

  @Field(() => Float, { nullable: true, description: "Median hours from SUBMITTED to ISSUED over the window; null when none." })
  medianHoursToIssue!: number | null;

  @Field(() => [KindCount])
  byKind!: KindCount[];

  @Field(() => [DayCount], { description: "Applications submitted on each day of the window, every day listed (zero included), oldest first." })
  submittedPerDay!: DayCount[];

  @Field(() => [DayCount], { description: "Cards issued on each day of the window, as submittedPerDay." })
  issuedPerDay!: DayCount[];
}
