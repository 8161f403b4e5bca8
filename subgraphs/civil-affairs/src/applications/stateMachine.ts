import { ApplicationStatus as S } from "./enums";

export type Actor = "applicant" | "officer";

export interface Move {
  from: S[];
  to: S;
  actor: Actor;
}

/** The one table of allowed moves (RULES.md, "States"); any other move is INVALID_STATE. */
export const MOVES = {
  submit: { from: [S.DRAFT, S.NEEDS_CORRECTION], to: S.SUBMITTED, actor: "applicant" },
  startReview: { from: [S.SUBMITTED], to: S.UNDER_REVIEW, actor: "officer" },
  requestCorrection: { from: [S.UNDER_REVIEW], to: S.NEEDS_CORRECTION, actor: "officer" },
  approve: { from: [S.UNDER_REVIEW], to: S.APPROVED, actor: "officer" },
  reject: { from: [S.UNDER_REVIEW], to: S.REJECTED, actor: "officer" },
  issue: { from: [S.APPROVED], to: S.ISSUED, actor: "officer" },
  cancel: { from: [S.DRAFT, S.SUBMITTED, S.NEEDS_CORRECTION], to: S.CANCELLED, actor: "applicant" },
} as const satisfies Record<string, Move>;

export type MoveName = keyof typeof MOVES;

/** Statuses in which the applicant may still edit the application and attach documents. */
export const EDITABLE: S[] = [S.DRAFT, S.NEEDS_CORRECTION];

export function canMove(status: S, move: MoveName): boolean {
  return (MOVES[move].from as readonly S[]).includes(status);
}
