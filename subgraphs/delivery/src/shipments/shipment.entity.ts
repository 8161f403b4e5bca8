import { CARD_NUMBER_MAX_LENGTH } from "../../../../kernel/events/cardIssued";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Authenticated } from "../../../../kernel/graphql/authorization";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { NationalAddress } from "../../../../kernel/graphql/nationalAddress";
import { DateScalar } from "../../../../kernel/graphql/scalars";
import { ShipmentStatus } from "./shipmentStatus";

/** A card sent by Saudi Post. Resolved fields (events, isDelayed) live in ShipmentResolver. */
@Entity()
@Authenticated()
@ObjectType({ description: "Entity, key: trackingNumber." })
@Directive('@key(fields: "trackingNumber")')
export class Shipment {
  @PrimaryColumn({ type: "varchar", length: 13 })
  @Field(() => ID)
  trackingNumber!: string;

  @Column({ type: "varchar", length: CARD_NUMBER_MAX_LENGTH, unique: true })
  cardNumber!: string;

  @Column({ type: "varchar", length: 8 })
  @Field()
  carrier!: string;

  @Column({ type: "varchar", length: 20 })
  @Field(() => ShipmentStatus)
  status!: ShipmentStatus;

  /** Snapshot of the head's national address when the card was issued. */
  @Column(() => NationalAddress, { prefix: "address" })
  @Field(() => NationalAddress)
  address!: NationalAddress;

  @Column({ type: "text" })
  @Field()
  recipientName!: string;

  @Column({ type: "int", default: 0 })
  @Field(() => Int)
  attempts!: number;

  @Column({ type: "date" })
  @Field(() => DateScalar, { nullable: true })
  estimatedDeliveryDate!: string;

  @Column({ type: "timestamptz", nullable: true })
  @Field(() => Date, { nullable: true })
  deliveredAt!: Date | null;

  /** Instant of the newest event that moved the status; older events do not move it back. */
  @Column({ type: "timestamptz" })
  lastEventAt!: Date;

  /** The card's issue instant: the shipment is ordered when the card is issued. */
  @Column({ type: "timestamptz" })
  @Field()
  createdAt!: Date;
}
