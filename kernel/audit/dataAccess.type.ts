import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";

export enum DataAccessAction {
  READ = "READ",
  CHANGE = "CHANGE",
}
registerEnumType(DataAccessAction, { name: "DataAccessAction" });

export enum DataAccessOutcome {
  /** Some of the data was read or changed (listed in fields). */
  COMPLETED = "COMPLETED",
  /** The access was refused: nothing was read (the fields asked for are in refusedFields). */
  REFUSED = "REFUSED",
}
registerEnumType(DataAccessOutcome, { name: "DataAccessOutcome" });

/** One access to a person's data by someone else, as the agency that owns the data recorded it. */
@ObjectType({ description: "One read or change of a person's data by someone else, recorded by the agency that owns the data." })
@Directive("@shareable")
export class DataAccess {
  @Field()
  at!: Date;

  @Field(() => ID, { description: "National ID of who read or changed the data." })
  accessorNationalId!: string;

  @Field(() => [String], { description: "Their roles at the time (CITIZEN, CIVIL_AFFAIRS_OFFICER, ...)." })
  accessorRoles!: string[];

  @Field(() => DataAccessAction)
  action!: DataAccessAction;

  @Field(() => [String], { description: 'Fields read or changed, e.g. "Citizen.birthDate", "Mutation.approveCardApplication".' })
  fields!: string[];

  @Field(() => [String], { description: "Fields asked for and refused (FORBIDDEN): never read." })
  refusedFields!: string[];

  @Field(() => DataAccessOutcome, { description: "COMPLETED when something was read or changed; REFUSED when every field asked for was refused." })
  outcome!: DataAccessOutcome;

  @Field(() => String, { nullable: true, description: "The operation name an officer's client gave, if it gave one (a citizen's is not kept: text of his choosing)." })
  operationName!: string | null;

  @Field(() => String, { nullable: true, description: "The purpose the officer stated (x-access-purpose); none for a citizen." })
  purpose!: string | null;

  @Field()
  requestId!: string;
}
