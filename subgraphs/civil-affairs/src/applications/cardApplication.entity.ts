import { CARD_NUMBER_MAX_LENGTH } from "../../../../kernel/events/cardIssued";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Authenticated } from "../../../../kernel/graphql/authorization";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";
import { NationalAddress } from "../../../../kernel/graphql/nationalAddress";
import { ApplicationKind, ApplicationStatus, DeliveryMethod } from "./enums";

/** A family card application; relations and computed fields are in CardApplicationResolver. */
@Entity()
@Authenticated()
@ObjectType()
@Directive('@key(fields: "id")')
export class CardApplication {
  @PrimaryGeneratedColumn("uuid")
  @Field(() => ID)
  id!: string;

  @Column({ type: "varchar", length: 20 })
  @Field(() => ApplicationKind)
  kind!: ApplicationKind;

  @Column({ type: "varchar", length: 16 })
  @Field(() => ApplicationStatus)
  status!: ApplicationStatus;

  @Column({ type: "int" })
  @Field(() => Int, { description: "Optimistic-locking version; mutations that take expectedVersion fail with CONFLICT on a mismatch." })
  version!: number;

  @Column({ type: "varchar", length: 10 })
  applicantId!: string;

  /** The applicant's family register, once there is one. */
  @Column({ type: "varchar", length: 10, nullable: true })
  registerNumber!: string | null;

  @Column({ type: "text", array: true })
  spouseIds!: string[];

  @Column({ type: "text", array: true })
  childIds!: string[];

  @Column({ type: "varchar", length: 13, nullable: true })
  @Field(() => DeliveryMethod, { nullable: true })
  deliveryMethod!: DeliveryMethod | null;

  @Column({ type: "varchar", length: 16, nullable: true })
  pickupOfficeId!: string | null;

  @Column({ type: "boolean", default: false })
  lossDeclaration!: boolean;

  /** The applicant's address as confirmed at submission (SAUDI_POST). */
  @Column(() => NationalAddress, { prefix: "delivery_address" })
  deliveryAddressSnapshot!: NationalAddress;

  @Column({ type: "int" })
  feeHalalas!: number;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true })
  rejectionReason!: string | null;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true })
  correctionNotes!: string | null;

  @Column({ type: "varchar", length: CARD_NUMBER_MAX_LENGTH, nullable: true })
  cardNumber!: string | null;

  @CreateDateColumn({ type: "timestamptz" })
  @Field()
  createdAt!: Date;

  @Column({ type: "timestamptz", nullable: true })
  @Field(() => Date, { nullable: true })
  submittedAt!: Date | null;

  @Column({ type: "timestamptz", nullable: true })
  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  /** Set on a submission's first result, replayed (submission.ts): the last history row it had, so its history ends there too. */
  historyUpTo?: number;
}
