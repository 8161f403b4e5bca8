import { CARD_NUMBER_MAX_LENGTH } from "../../../../kernel/events/cardIssued";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { PickupStatus } from "./pickupStatus";

/** The history of an office pickup: every status it took, when, and who moved it. */
@Entity()
export class PickupEvent {
  @PrimaryGeneratedColumn({ type: "bigint" })
  id!: string;

  @Column({ type: "varchar", length: CARD_NUMBER_MAX_LENGTH })
  cardNumber!: string;

  @Column({ type: "varchar", length: 16 })
  status!: PickupStatus;

  @Column({ type: "timestamptz" })
  at!: Date;

  /** The officer's national ID, or "system" when a returned shipment made it ready. */
  @Column({ type: "text" })
  by!: string;
}
