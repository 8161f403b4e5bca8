import { Field, ObjectType } from "type-graphql";
import { Money } from "../../../../kernel/graphql/money";
import { BenefitProgram } from "../programs/benefitProgram.entity";
import type { BenefitProgramCode } from "../programs/programCode";

/** A decision as the API shows it; `program` is resolved from `programCode` by its resolver. */
@ObjectType()
export class EligibilityDecision {
  programCode!: BenefitProgramCode;

  @Field(() => BenefitProgram)
  program?: BenefitProgram;

  @Field()
  eligible!: boolean;

  @Field(() => Money, { nullable: true, description: "Estimated monthly entitlement when eligible." })
  monthlyAmount!: Money | null;

  @Field(() => [String], { description: "Why, one line each, in the request's language." })
  reasons!: string[];

  @Field()
  evaluatedAt!: Date;
}
