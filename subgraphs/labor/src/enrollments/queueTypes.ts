import { Field, Int, ObjectType } from "type-graphql";
import { QueuePageInfo } from "../../../../kernel/graphql/paging";
import { BenefitEnrollment } from "./benefitEnrollment.entity";

@ObjectType()
export class BenefitEnrollmentEdge {
  @Field()
  cursor!: string;

  @Field(() => BenefitEnrollment)
  node!: BenefitEnrollment;
}

@ObjectType()
export class BenefitEnrollmentConnection {
  @Field(() => [BenefitEnrollmentEdge])
  edges!: BenefitEnrollmentEdge[];

  @Field(() => QueuePageInfo)
  pageInfo!: QueuePageInfo;

  @Field(() => Int, { description: "Enrollments waiting for a decision now, on every page." })
  totalCount!: number;
}
