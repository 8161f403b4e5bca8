import { Field, ObjectType } from "type-graphql";
import { Citizen } from "../registry/citizen.entity";

@ObjectType()
export class Session {
  @Field()
  accessToken!: string;

  @Field()
  expiresAt!: Date;

  @Field(() => Citizen)
  citizen!: Citizen;

  @Field(() => [String])
  roles!: string[];
}
