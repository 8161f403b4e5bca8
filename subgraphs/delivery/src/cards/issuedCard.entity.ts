import { CARD_NUMBER_MAX_LENGTH } from "../../../../kernel/events/cardIssued";
import { Column, Entity, PrimaryColumn } from "typeorm";

export type DeliveryMethod = "SAUDI_POST" | "OFFICE_PICKUP";

/**
 * An issued card as delivery learned it from its CardIssued event: one row per card (deduplicated
 * by card number and by event id), with the people allowed to see its delivery.
 */
@Entity()
export class IssuedCard {
  @PrimaryColumn({ type: "varchar", length: CARD_NUMBER_MAX_LENGTH })
  cardNumber!: string;

  @Column({ type: "varchar", length: 64, unique: true })
  eventId!: string;

  @Column({ type: "varchar", length: 10 })
  registerNumber!: string;

  /** Everyone on the card, as civil-affairs listed them: whose data its delivery is (the audit's owners, four-eyes). */
  @Column({ type: "text", array: true })
  memberIds!: string[];

  /**
   * Who of them reads the card's delivery, on every path (cards/access.ts): the head, a spouse, the
   * children of age when the card was issued, less whoever left the register since (null for a card
   * delivery learned of before it kept them: staff alone read those).
   */
  @Column({ type: "text", array: true, nullable: true })
  readerIds!: string[] | null;

  @Column({ type: "varchar", length: 13 })
  deliveryMethod!: DeliveryMethod;

  /** The pickup office, or for a posted card the office it waits at if it comes back undelivered. */
  @Column({ type: "varchar", length: 16 })
  officeId!: string;

  @Column({ type: "timestamptz" })
  issuedAt!: Date;
}
