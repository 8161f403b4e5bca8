import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Authenticated } from "../../../../kernel/graphql/authorization";

/** civil-affairs' FamilyCard entity, which delivery extends with `delivery`. */
@ObjectType("FamilyCard")
@Directive('@key(fields: "cardNumber")')
@Authenticated()
export class FamilyCardRef {
  @Field(() => ID)
  cardNumber!: string;
}
