import { Directive, Field, ID, ObjectType } from "type-graphql";

/** civil-affairs' FamilyCard entity, which delivery extends with `delivery`. */
@ObjectType("FamilyCard")
@Directive('@key(fields: "cardNumber")')
export class FamilyCardRef {
  @Field(() => ID)
  cardNumber!: string;
}
