import crypto from "node:crypto";
import type { EntityManager } from "typeorm";
import type { RuleSet } from "../rules/ruleSet";
import { evaluateAll, type Decision } from "./engine";
import type { HouseholdFacts } from "./household";

/** One family evaluated for every program at one moment, from one set of facts. */
export interface Evaluation {
  registerNumber: string;
  facts: HouseholdFacts;
  /** sha256 of the facts: equal digests under one rules version give equal decisions. */
  digest: string;
  decisions: Decision[];
  evaluatedAt: Date;
}

export function factsDigest(facts: HouseholdFacts): string {
  const canonical = [facts.headNationality, facts.headAge, facts.adults, facts.children, facts.incomeHalalas];
  return crypto.createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}

export function evaluateFamily(ruleSet: RuleSet, registerNumber: string, facts: HouseholdFacts, evaluatedAt = new Date()): Evaluation {
  return { registerNumber, facts, digest: factsDigest(facts), decisions: evaluateAll(ruleSet, facts), evaluatedAt };
}

/**
 * Persists evaluations in one statement, keeping a decision only when its digest or rules version
 * differs from the family's latest one for that program, so repeated reads add nothing.
 */
export async function recordEvaluations(db: Pick<EntityManager, "query">, evaluations: Evaluation[]): Promise<void> {
  const rows = evaluations.flatMap((evaluation) =>
    evaluation.decisions.map((decision) => ({
      register_number: evaluation.registerNumber,
      program: decision.program,
      rules_version: decision.rulesVersion,
      inputs_digest: evaluation.digest,
      inputs: evaluation.facts,
      eligible: decision.eligible,
      monthly_halalas: decision.monthlyHalalas,
      reasons: decision.reasons,
      evaluated_at: evaluation.evaluatedAt.toISOString(),
    })),
  );
  if (rows.length === 0) return;
  await db.query(
    `WITH candidate AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS c(register_number varchar, program varchar, rules_version varchar,
         inputs_digest char(64), inputs jsonb, eligible boolean, monthly_halalas integer, reasons jsonb, evaluated_at timestamptz)
     ), latest AS (
       SELECT DISTINCT ON (e.program, e.register_number) e.program, e.register_number, e.rules_version, e.inputs_digest
       FROM eligibility_evaluation e JOIN candidate c ON c.program = e.program AND c.register_number = e.register_number
       ORDER BY e.program, e.register_number, e.id DESC
     )
     INSERT INTO eligibility_evaluation (register_number, program, rules_version, inputs_digest, inputs, eligible, monthly_halalas, reasons, evaluated_at)
     SELECT c.register_number, c.program, c.rules_version, c.inputs_digest, c.inputs, c.eligible, c.monthly_halalas, c.reasons, c.evaluated_at
     FROM candidate c LEFT JOIN latest l ON l.program = c.program AND l.register_number = c.register_number
     WHERE l.inputs_digest IS DISTINCT FROM c.inputs_digest OR l.rules_version IS DISTINCT FROM c.rules_version
     ORDER BY c.register_number, c.program`,
    [JSON.stringify(rows)],
  );
}
