import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Authenticated } from "../../../../kernel/graphql/authorization";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";
import type { Reason } from "../eligibility/engine";
import type { HouseholdFacts } from "../eligibility/household";
import type { BenefitProgramCode } from "../programs/programCode";

export enum EnrollmentStatus {
  PENDING = "PENDING",
  APPROVED = "APPROVED",
  REJECTED = "REJECTED",
  WITHDRAWN = "WITHDRAWN",
}
registerEnumType(EnrollmentStatus, { name: "EnrollmentStatus" });

/** At most one open enrollment per program per family (also a partial unique index). */
export const OPEN_STATUSES = [EnrollmentStatus.PENDING, EnrollmentStatus.APPROVED];

/** The eligibility decision an enrollment was accepted on, kept with it as evidence. */
export interface EnrollmentEvidence {
  inputsDigest: string;
  facts: HouseholdFacts;
  monthlyHalalas: number | null;
  reasons: Reason[];
  evaluatedAt: string;
}

@Entity()
@Authenticated()
@ObjectType()
@Directive('@key(fields: "id")')
export class BenefitEnrollment {
  @PrimaryGeneratedColumn("uuid")
  @Field(() => ID)
  id!: string;

  @Column({ type: "varchar", length: 10 })
  registerNumber!: string;

  @Column({ name: "program", type: "varchar", length: 20 })
  programCode!: BenefitProgramCode;

  @Column({ type: "varchar", length: 9 })
  @Field(() => EnrollmentStatus)
  status!: EnrollmentStatus;

  @Column({ type: "varchar", length: 10 })
  appliedBy!: string;

  @CreateDateColumn({ type: "timestamptz" })
  @Field()
  appliedAt!: Date;

  @Column({ type: "varchar", length: 10, nullable: true })
  decidedBy!: string | null;

  @Column({ type: "timestamptz", nullable: true })
  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Column({ type: "varchar", length: 20 })
  rulesVersion!: string;

  /** The decision's monthly amount, kept beside the evidence for the dashboards' sums. */
  @Column({ type: "integer", nullable: true })
  monthlyHalalas!: number | null;

  @Column({ type: "jsonb" })
  evidence!: EnrollmentEvidence;

  /** Not a column nor a field: its family's members in labor's copy, when pendingEnrollments listed it (for the audit). */
  listedMembers?: string[];
}
