import { Directive, Field, InputType, ObjectType } from "type-graphql";
import { Column } from "typeorm";

/**
 * Saudi National Address: a value type shared by civil-affairs (the citizen's) and delivery (the
 * snapshot). It is also a TypeORM embedded column group; all columns are nullable because a
 * citizen may not have registered an address yet.
 */
@ObjectType({ description: "Saudi National Address (shared value type: civil-affairs and delivery both resolve it)." })
@Directive("@shareable")
export class NationalAddress {
  @Field({ description: "4 digits" })
  @Column({ type: "varchar", length: 4, nullable: true })
  buildingNumber!: string;

  @Field()
  @Column({ type: "text", nullable: true })
  street!: string;

  @Field()
  @Column({ type: "text", nullable: true })
  district!: string;

  @Field()
  @Column({ type: "text", nullable: true })
  city!: string;

  @Field({ description: "5 digits" })
  @Column({ type: "varchar", length: 5, nullable: true })
  postalCode!: string;

  @Field({ description: "4 digits" })
  @Column({ type: "varchar", length: 4, nullable: true })
  additionalNumber!: string;

  @Field(() => String, { nullable: true, description: "4 letters + 4 digits, e.g. RRRD2929" })
  @Column({ type: "varchar", length: 8, nullable: true })
  shortAddress?: string | null;
}

@InputType()
export class NationalAddressInput {
  @Field()
  buildingNumber!: string;

  @Field()
  street!: string;

  @Field()
  district!: string;

  @Field()
  city!: string;

  @Field()
  postalCode!: string;

  @Field()
  additionalNumber!: string;

  @Field(() => String, { nullable: true })
  shortAddress?: string | null;
}

/** All address columns empty: what an embedded address is set to when there is none. */
export const NO_ADDRESS = {
  buildingNumber: null,
  street: null,
  district: null,
  city: null,
  postalCode: null,
  additionalNumber: null,
  shortAddress: null,
} as unknown as NationalAddress;
