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
}
