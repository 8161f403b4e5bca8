import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";
import { DateScalar } from "../../../../kernel/graphql/scalars";

export enum WageSource {
  /** The social-insurance feed (the demo data comes from here). */
  GOSI = "GOSI",
  /** Recorded by a labor officer. */
  OFFICER = "OFFICER",
}
registerEnumType(WageSource, { name: "WageSource" });

/** A person's monthly wage from `effectiveFrom` on; the latest effective record is the current wage. */
@Entity()
@ObjectType()
export class WageRecord {
  @PrimaryGeneratedColumn({ type: "bigint" })
  id!: string;

  @Column({ type: "varchar", length: 10 })
  @Field()
  nationalId!: string;

  @Column({ type: "integer" })
  monthlyHalalas!: number;

  @Column({ type: "text" })
  @Field()
  employer!: string;

  @Column({ type: "varchar", length: 8 })
  @Field(() => WageSource)
  source!: WageSource;

  @Column({ type: "date" })
  @Field(() => DateScalar)
  effectiveFrom!: string;

  @Column({ type: "varchar", length: 10, nullable: true })
  recordedBy!: string | null;

  @CreateDateColumn({ type: "timestamptz" })
  @Field()
  recordedAt!: Date;
}
