import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";

/** One event for one subscriber, written in the transaction that caused it, sent until acknowledged. */
@Entity()
export class OutboxMessage {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "uuid" })
  eventId!: string;

  @Column({ type: "varchar", length: 32 })
  eventType!: string;

  @Column({ type: "text" })
  subscriberUrl!: string;

  @Column({ type: "jsonb" })
  payload!: unknown;

  @Column({ type: "int", default: 0 })
  attempts!: number;

  @Column({ type: "timestamptz" })
  nextAttemptAt!: Date;

  @Column({ type: "timestamptz", nullable: true })
  deliveredAt!: Date | null;

  @Column({ type: "text", nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;
}
