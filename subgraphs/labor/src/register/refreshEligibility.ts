import type { DataSource } from "typeorm";
import { riyadhDate, riyadhMidnight } from "../../../../kernel/riyadhCalendar";
import { evaluateFamily } from "../eligibility/evaluation";
import { householdFacts } from "../eligibility/household";
import type { RuleSet } from "../rules/ruleSet";
import { currentWages } from "../wages/currentWages";
import { compositionsOf } from "./registerCopy";

/**
 * Recomputes what the rules in force give each of these families at `asOf` (the caller's now: the
 * request's `ctx.now`, or the refresher's tick), from labor's copy of the register and its own
 * wages, and stores it for the dashboards (three statements per batch).
 */
export async function refreshEligibility(db: DataSource, ruleSet: RuleSet, registerNumbers: string[], asOf: Date): Promise<void> {
  if (registerNumbers.length === 0) return;
  const today = riyadhDate(asOf);
  const families = await compositionsOf(db, registerNumbers);
  const wages = await currentWages(db, families.flatMap((f) => f.members.map((m) => m.citizen.nationalId)), today);
  const wageOf = new Map(wages.map((wage) => [wage.nationalId, wage.monthlyHalalas]));
  const rows = families.flatMap((family) => {
    const income = family.members.reduce((sum, m) => sum + (wageOf.get(m.citizen.nationalId) ?? 0), 0);
    const evaluation = evaluateFamily(ruleSet, family.registerNumber, householdFacts(family, income, today), asOf);
    return evaluation.decisions.map((decision) => ({
      register_number: family.registerNumber,
      program: decision.program,
      rules_version: decision.rulesVersion,
      eligible: decision.eligible,
      monthly_halalas: decision.monthlyHalalas,
      computed_at: asOf.toISOString(),
    }));
  });
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO family_eligibility (register_number, program, rules_version, eligible, monthly_halalas, computed_at)
     SELECT * FROM jsonb_to_recordset($1::jsonb)
       AS r(register_number varchar, program varchar, rules_version varchar, eligible boolean, monthly_halalas integer, computed_at timestamptz)
     ON CONFLICT (register_number, program) DO UPDATE SET rules_version = EXCLUDED.rules_version, eligible = EXCLUDED.eligible,
       monthly_halalas = EXCLUDED.monthly_halalas, computed_at = EXCLUDED.computed_at`,
    [JSON.stringify(rows)],
  );
}

const BATCH = 500;

/**
 * Brings every family's stored eligibility up to date: those computed under another rules version,
 * or before `asOf`'s day in Riyadh (ages change with the date), or never. Returns how many it
 * recomputed. A background job, not a request: its callers (the start-up and each tick of the
 * refresher) decide what now is, the clock unless a test passes one.
 */
export async function refreshStaleEligibility(db: DataSource, ruleSet: RuleSet, asOf = new Date()): Promise<number> {
  const startOfDay = riyadhMidnight(riyadhDate(asOf));
  let refreshed = 0;
  for (;;) {
    const stale: Array<{ register_number: string }> = await db.query(
      `SELECT f.register_number FROM register_family f
       WHERE EXISTS (SELECT 1 FROM register_member m WHERE m.register_number = f.register_number AND m.relation = 'HEAD')
         AND NOT EXISTS (SELECT 1 FROM family_eligibility e WHERE e.register_number = f.register_number AND e.rules_version = $1 AND e.computed_at >= $2)
       ORDER BY f.register_number LIMIT ${BATCH}`,
      [ruleSet.version, startOfDay],
    );
    if (stale.length === 0) return refreshed;
    await refreshEligibility(db, ruleSet, stale.map((row) => row.register_number), asOf);
    refreshed += stale.length;
  }
}
