import { Directive, Field, ID, ObjectType } from "type-graphql";

/** civil-affairs' office entity, referenced by key only: the gateway fetches its name and city there. */
@ObjectType("CivilAffairsOffice")
@Directive('@key(fields: "id", resolvable: false)')
export class CivilAffairsOfficeRef {
  @Field(() => ID)
  id!: string;
}
