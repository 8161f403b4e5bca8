import { Field, ObjectType } from "type-graphql";
import { Money } from "../../../../kernel/graphql/money";
import { BenefitProgram } from "../programs/benefitProgram.entity";

/** A decision as the API shows it, its program included: a review shows 250, and a field resolver each is a promise and a parameter list each. */
@ObjectType()
export class EligibilityDecision {
  @Field(() => BenefitProgram)
  program!: BenefitProgram;

  @Field()
  eligible!: boolean;

  @Field(() => Money, { nullable: true, description: "Estimated monthly entitlement when eligible." })
  monthlyAmount!: Money | null;

  @Field(() => [String], { description: "Why, one line each, in the request's language." })
  reasons!: string[];

  @Field({ description: "When the decision was made: a read decides afresh from that moment's inputs and stores nothing, so this is the read's instant; an enrollment keeps the decision it was made on, with its time." })
  evaluatedAt!: Date;
}
