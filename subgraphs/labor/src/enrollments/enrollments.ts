import { In, type DataSource } from "typeorm";
import { appError } from "../../../../kernel/errors";
import { say, type Lang } from "../../../../kernel/i18n";
import type { Decision } from "../eligibility/engine";
import { factsDigest, type Evaluation } from "../eligibility/evaluation";
import { BenefitEnrollment, EnrollmentStatus, OPEN_STATUSES } from "./benefitEnrollment.entity";
import { EnrollmentEvent } from "./enrollmentEvent.entity";
import { enrollmentMessages } from "./messages";
import { isUniqueViolation } from "../../../../kernel/database/errors";
import { isUuid } from "../../../../kernel/uuid";

/** Enrollment IDs are UUIDs; anything else cannot name one. */
export const isEnrollmentId = isUuid;

/** An eligibility decision and the evaluation it came from: what an enrollment is opened or approved on. */
export interface DecisionBasis {
  evaluation: Evaluation;
  decision: Decision;
}

/** What an enrollment keeps of the decision it stands on: the rules version, the amount, the evidence. */
function decidedOn({ evaluation, decision }: DecisionBasis): Pick<BenefitEnrollment, "rulesVersion" | "monthlyHalalas" | "evidence"> {
  return {
    rulesVersion: decision.rulesVersion,
    monthlyHalalas: decision.monthlyHalalas,
    evidence: {
      inputsDigest: factsDigest(evaluation.facts),
      facts: evaluation.facts,
      monthlyHalalas: decision.monthlyHalalas,
      reasons: decision.reasons,
      evaluatedAt: evaluation.evaluatedAt.toISOString(),
    },
  };
}

/**
 * Opens a PENDING enrollment on an eligible decision, with the decision as evidence and the first
 * history entry, in one transaction. A second open enrollment in the program is CONFLICT.
 */
export async function openEnrollment(
  db: DataSource,
  lang: Lang,
  application: { registerNumber: string; appliedBy: string; evaluation: Evaluation; decision: Decision },
): Promise<BenefitEnrollment> {
  const { registerNumber, appliedBy, evaluation, decision } = application;
  const conflict = () => appError("CONFLICT", lang, say(lang, enrollmentMessages.alreadyOpen, undefined));
  try {
    return await db.transaction(async (tx) => {
      const enrollments = tx.getRepository(BenefitEnrollment);
      if (await enrollments.existsBy({ registerNumber, programCode: decision.program, status: In(OPEN_STATUSES) })) throw conflict();
      const enrollment = await enrollments.save(
        enrollments.create({
          registerNumber,
          programCode: decision.program,
          status: EnrollmentStatus.PENDING,
          appliedBy,
          decidedBy: null,
          decidedAt: null,
          ...decidedOn({ evaluation, decision }),
        }),
      );
      await tx.insert(EnrollmentEvent, { enrollmentId: enrollment.id, fromStatus: null, toStatus: EnrollmentStatus.PENDING, by: appliedBy });
      return enrollment;
    });
  } catch (error) {
    // Two applications at once: the partial unique index lets only one through.
    if (isUniqueViolation(error)) throw conflict();
    throw error;
  }
}

/** Approves or rejects a PENDING enrollment and records the move, in one transaction. */
/**
 * Approves or rejects a PENDING enrollment, with its history entry. An approval keeps the eligibility
 * decision it was made on (`approvedOn`: the rules in force and the family as it is at approval), not
 * the one the family applied with: the amount paid, and `monthlyTotal`, are today's.
 */
export async function decideEnrollment(
  db: DataSource,
  lang: Lang,
  decision: { id: string; approve: boolean; decidedBy: string; approvedOn?: DecisionBasis },
): Promise<BenefitEnrollment> {
  if (!isEnrollmentId(decision.id)) throw appError("NOT_FOUND", lang);
  return db.transaction(async (tx) => {
    const enrollment = await tx.getRepository(BenefitEnrollment).findOne({ where: { id: decision.id }, lock: { mode: "pessimistic_write" } });
    if (!enrollment) throw appError("NOT_FOUND", lang);
    if (enrollment.status !== EnrollmentStatus.PENDING) {
      throw appError("INVALID_STATE", lang, say(lang, enrollmentMessages.notPending, { status: enrollment.status }));
    }
    const from = enrollment.status;
    Object.assign(enrollment, {
      status: decision.approve ? EnrollmentStatus.APPROVED : EnrollmentStatus.REJECTED,
      decidedBy: decision.decidedBy,
      decidedAt: new Date(),
      ...(decision.approve && decision.approvedOn ? decidedOn(decision.approvedOn) : {}),
    });
    await tx.getRepository(BenefitEnrollment).save(enrollment);
    await tx.insert(EnrollmentEvent, { enrollmentId: enrollment.id, fromStatus: from, toStatus: enrollment.status, by: decision.decidedBy });
    return enrollment;
  });
}
