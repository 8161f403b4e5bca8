import type { DataSource, EntityManager } from "typeorm";
import { insertInChunks } from "../../../../kernel/database/insertInChunks";
import { riyadhDate, riyadhMidnight } from "../../../../kernel/riyadhCalendar";
import type { Cast } from "../../../../seed/demoCast";
import { HISTORY_DAYS } from "../../../../seed/demoHistory";
import { random } from "../../../../seed/random";
import { seededId } from "../../../../seed/seededId";
import { evaluateFamily, factsDigest } from "../eligibility/evaluation";
import { householdFacts } from "../eligibility/household";
import { BenefitEnrollment, EnrollmentStatus } from "../enrollments/benefitEnrollment.entity";
import { EnrollmentEvent } from "../enrollments/enrollmentEvent.entity";
import type { FamilyComposition, FamilyRelation } from "../family/family.type";
import type { RuleSet } from "../rules/ruleSet";
import { WageRecord, WageSource } from "../wages/wageRecord.entity";

/** The demo wages are reported by the social-insurance feed as in effect since this date. */
const DEMO_WAGES_SINCE = "2025-01-01";
const DEMO_LABOR_OFFICER = "1000000917";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Labor's copy of every demo register, as the CardIssued events of the demo cards would have left it. */
async function seedRegisterCopy(tx: EntityManager, compositions: Array<FamilyComposition & { cardVersion: number }>): Promise<void> {
  await tx.query(`INSERT INTO register_family (register_number, card_version) SELECT * FROM jsonb_to_recordset($1::jsonb) AS f(register_number varchar, card_version int) ON CONFLICT DO NOTHING`, [
    JSON.stringify(compositions.map((f) => ({ register_number: f.registerNumber, card_version: f.cardVersion }))),
  ]);
  const members = compositions.flatMap((f) =>
    f.members.map((m) => ({ national_id: m.citizen.nationalId, register_number: f.registerNumber, relation: m.relation, birth_date: m.citizen.birthDate, nationality: m.citizen.nationality })),
  );
  await tx.query(
    `INSERT INTO register_member (national_id, register_number, relation, birth_date, nationality)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS m(national_id varchar, register_number varchar, relation varchar, birth_date date, nationality varchar)
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(members)],
  );
}

/**
 * The demo history's enrollments: some synthetic families eligible for a program applied on a day
 * of the HISTORY_DAYS before the anchor; the older requests were decided (most approved, a few
 * still wait), the last three days' wait. Each keeps the decision it was made on, as a real one
 * does. The backlog stays under a page of the officers' queue (20), as a worked queue's does: a
 * request made in the demo is on its first page.
 */
function demoEnrollments(compositions: FamilyComposition[], incomeOf: (family: FamilyComposition) => number, ruleSet: RuleSet, anchor: string) {
  const enrollments: BenefitEnrollment[] = [];
  const events: EnrollmentEvent[] = [];
  for (const family of compositions.filter((f) => f.registerNumber.startsWith("31"))) {
    const index = Number(family.registerNumber.slice(2));
    const rnd = random(2_000_003 + index);
    const daysBefore = 1 + ((index * 41) % HISTORY_DAYS);
    const appliedAt = new Date(riyadhMidnight(anchor).getTime() - daysBefore * DAY + (9 + Math.floor(rnd() * 8)) * HOUR);
    const evaluation = evaluateFamily(ruleSet, family.registerNumber, householdFacts(family, incomeOf(family), riyadhDate(appliedAt)), appliedAt);
    for (const decision of evaluation.decisions.filter((d) => d.eligible)) {
      if (rnd() > 0.6) continue;
      const roll = rnd();
      const status = daysBefore <= 3 || roll < 0.04 ? EnrollmentStatus.PENDING : roll < 0.9 ? EnrollmentStatus.APPROVED : EnrollmentStatus.REJECTED;
      const decidedAt = status === EnrollmentStatus.PENDING ? null : new Date(appliedAt.getTime() + (4 + Math.floor(rnd() * 44)) * HOUR);
      const id = seededId(`enrollment:${family.registerNumber}:${decision.program}`);
      enrollments.push(
        Object.assign(new BenefitEnrollment(), {
          id,
          registerNumber: family.registerNumber,
          programCode: decision.program,
          status,
          appliedBy: family.head.nationalId,
          appliedAt,
          decidedBy: decidedAt ? DEMO_LABOR_OFFICER : null,
          decidedAt,
          rulesVersion: decision.rulesVersion,
          monthlyHalalas: decision.monthlyHalalas,
          evidence: { inputsDigest: factsDigest(evaluation.facts), facts: evaluation.facts, monthlyHalalas: decision.monthlyHalalas, reasons: decision.reasons, evaluatedAt: appliedAt.toISOString() },
        }),
      );
      events.push(Object.assign(new EnrollmentEvent(), { enrollmentId: id, fromStatus: null, toStatus: EnrollmentStatus.PENDING, at: appliedAt, by: family.head.nationalId }));
      if (decidedAt) events.push(Object.assign(new EnrollmentEvent(), { enrollmentId: id, fromStatus: EnrollmentStatus.PENDING, toStatus: status, at: decidedAt, by: DEMO_LABOR_OFFICER }));
    }
  }
  return { enrollments, events };
}

/**
 * Loads labor's part of the demo data, in one transaction: the cast's wages, labor's copy of every
 * demo register, and the demo history's enrollments; does nothing when it is already there.
 */
export async function seedLabor(db: DataSource, cast: Cast, ruleSet: RuleSet, anchor: string): Promise<void> {
  const first = cast.wages[0];
  if (!first || (await db.getRepository(WageRecord).existsBy({ nationalId: first.nationalId }))) return;
  const people = new Map(cast.people.map((p) => [p.nationalId, p]));
  const compositions = cast.families.map((f) => {
    const head = people.get(f.headId)!;
    return {
      registerNumber: f.registerNumber,
      cardVersion: f.card?.version ?? 0,
      head: { nationalId: head.nationalId, nationality: head.nationality, birthDate: head.birthDate },
      members: f.members.map((m) => {
        const person = people.get(m.nationalId)!;
        return { relation: m.relation as FamilyRelation, citizen: { nationalId: person.nationalId, nationality: person.nationality, birthDate: person.birthDate } };
      }),
    };
  });
  const wageOf = new Map(cast.wages.map((w) => [w.nationalId, w.monthlyHalalas]));
  const incomeOf = (family: FamilyComposition) => family.members.reduce((sum, m) => sum + (wageOf.get(m.citizen.nationalId) ?? 0), 0);
  const { enrollments, events } = demoEnrollments(compositions, incomeOf, ruleSet, anchor);
  const wages = cast.wages.map((wage) => Object.assign(new WageRecord(), { ...wage, source: WageSource.GOSI, effectiveFrom: DEMO_WAGES_SINCE, recordedBy: null }));
  await db.transaction(async (tx) => {
    await insertInChunks(tx, WageRecord, wages);
    await seedRegisterCopy(tx, compositions);
    await insertInChunks(tx, BenefitEnrollment, enrollments);
    await insertInChunks(tx, EnrollmentEvent, events);
  });
}
