import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";
import type { EnrollmentStatus } from "./benefitEnrollment.entity";

/** The history of an enrollment: the application, then each decision, written with the move. */
@Entity()
export class EnrollmentEvent {
  @PrimaryGeneratedColumn({ type: "bigint" })
  id!: string;

  @Column({ type: "uuid" })
  enrollmentId!: string;

  @Column({ type: "varchar", length: 9, nullable: true })
  fromStatus!: EnrollmentStatus | null;

  @Column({ type: "varchar", length: 9 })
  toStatus!: EnrollmentStatus;

  @CreateDateColumn({ type: "timestamptz" })
  at!: Date;

  /** National ID of whoever made the move. */
  @Column({ type: "varchar", length: 10 })
  by!: string;
}
