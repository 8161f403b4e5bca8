import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryColumn } from "typeorm";
import { DateScalar } from "../../../../kernel/graphql/scalars";
import { NationalAddress } from "../../../../kernel/graphql/nationalAddress";
import { Gender, MaritalStatus } from "./enums";

/** A person in the civil registry. Resolved fields (family, Hijri date, masking) live in CitizenResolver. */
@Entity()
@ObjectType()
@Directive('@key(fields: "nationalId")')
export class Citizen {
  @PrimaryColumn({ type: "varchar", length: 10 })
  @Field(() => ID)
  nationalId!: string;

  @Column({ type: "text" })
  @Field()
  fullNameAr!: string;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true })
  fullNameEn!: string | null;

  @Column({ type: "varchar", length: 6 })
  @Field(() => Gender)
  gender!: Gender;

  @Column({ type: "date" })
  @Field(() => DateScalar)
  birthDate!: string;

  @Column({ type: "char", length: 2 })
  @Field({ description: "ISO 3166-1 alpha-2." })
  nationality!: string;

  @Column({ type: "varchar", length: 8 })
  @Field(() => MaritalStatus)
  maritalStatus!: MaritalStatus;

  @Column({ type: "varchar", length: 15, nullable: true })
  mobile!: string | null;

  @Column(() => NationalAddress, { prefix: "address" })
  address!: NationalAddress;

  /** When the row was written, for the database's own record: nothing reads it, so no read selects it (a review's rows skip a timestamp each). */
  @CreateDateColumn({ type: "timestamptz", select: false })
  createdAt!: Date;
}
