import { CARD_NUMBER_MAX_LENGTH } from "../../../../kernel/events/cardIssued";
import { Field, ObjectType } from "type-graphql";
import { Authenticated } from "../../../../kernel/graphql/authorization";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { PickupStatus } from "./pickupStatus";

/** A card waiting at (or collected from) a civil-affairs office. `office` is resolved in OfficePickupResolver. */
@Entity()
@Authenticated()
@ObjectType()
export class OfficePickup {
  @PrimaryColumn({ type: "varchar", length: CARD_NUMBER_MAX_LENGTH })
  cardNumber!: string;

  @Column({ type: "varchar", length: 16 })
  officeId!: string;

  @Column({ type: "varchar", length: 16 })
  @Field(() => PickupStatus)
  status!: PickupStatus;

  @Column({ type: "timestamptz", nullable: true })
  @Field(() => Date, { nullable: true })
  readyAt!: Date | null;

  @Column({ type: "timestamptz", nullable: true })
  @Field(() => Date, { nullable: true })
  collectedAt!: Date | null;

  @Column({ type: "timestamptz" })
  createdAt!: Date;
}
