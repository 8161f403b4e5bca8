import { Field, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { ShipmentStatus } from "./shipmentStatus";

/** One line of a shipment's history, as the carrier reported it (or the system, on return). */
@Entity()
@ObjectType()
export class TrackingEvent {
  @PrimaryGeneratedColumn({ type: "bigint" })
  id!: string;

  @Column({ type: "varchar", length: 13 })
  trackingNumber!: string;

  @Column({ type: "varchar", length: 20 })
  @Field(() => ShipmentStatus)
  status!: ShipmentStatus;

  @Column({ type: "timestamptz" })
  @Field()
  at!: Date;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true })
  location!: string | null;

  /** What the reporter wrote; events the system records are worded when read (TrackingEventResolver). */
  @Column({ type: "text", nullable: true })
  description!: string | null;

  /** Who reported it: the operator's national ID, "carrier-webhook" or "system". */
  @Column({ type: "text" })
  recordedBy!: string;
}
