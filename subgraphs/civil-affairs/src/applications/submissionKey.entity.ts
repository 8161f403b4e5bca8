import { Column, Entity, PrimaryColumn } from "typeorm";

/** An idempotency key already used to submit an application. */
@Entity()
export class SubmissionKey {
  @PrimaryColumn({ type: "varchar", length: 10 })
  applicantId!: string;

  @PrimaryColumn({ type: "varchar", length: 128 })
  idempotencyKey!: string;

  @Column({ type: "uuid" })
  applicationId!: string;

  /** The application as this submission left it (its columns as JSON); null for keys stored before it was kept. */
  @Column({ type: "jsonb", nullable: true })
  firstResult!: object | null;
}
