import type { BenefitProgramCode } from "../programs/programCode";

/**
 * The shape of a rules file (rules/<version>.json): every figure the eligibility engine uses, per
 * program. All money is integer halalas per month.
 */
export interface RuleSet {
  version: string;
  /** Says the figures are illustrative defaults until an operator replaces them. */
  note: string;
  /** The shipped file's figures, not an operator's: every decision made on them says so. Absent: false. */
  illustrative?: boolean;
  programs: Record<BenefitProgramCode, ProgramRules>;
}

export interface ProgramRules {
  conditions: Condition[];
  incomeThreshold: ThresholdRule;
  amount: AmountRule;
}

export type Condition =
  | { kind: "SAUDI_HEAD" }
  | { kind: "MIN_HEAD_AGE"; years: number }
  | { kind: "MAX_HEAD_AGE"; years: number }
  | { kind: "MIN_MEMBERS"; count: number }
  | { kind: "MIN_CHILDREN"; count: number };

export type ConditionKind = Condition["kind"];

/** A figure that grows with the household: base for the head, plus increments per additional adult and per child. */
export interface ScaledFigure {
  baseHalalas: number;
  perAdditionalAdultHalalas: number;
  perChildHalalas: number;
}

/** Eligible when the household's monthly income is at most this threshold. */
export interface ThresholdRule extends ScaledFigure {
  capHalalas?: number;
}

/** Monthly amount = scaled figure + shareOfGapPercent % of (threshold − income), then clamped to [min, max]. */
export interface AmountRule extends ScaledFigure {
  shareOfGapPercent: number;
  minHalalas: number;
  maxHalalas: number;
}
