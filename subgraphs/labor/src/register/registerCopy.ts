import type { EntityManager } from "typeorm";
import type { RequestContext } from "../../../../kernel/context";
import { loaderByKey } from "../../../../kernel/loaders";
import type { RegisterMemberFacts } from "../../../../kernel/events/cardIssued";
import { FamilyRelation, type FamilyComposition } from "../family/family.type";

type Queryable = Pick<EntityManager, "query">;

/** A family register as civil-affairs announced it with an issued card. */
export interface RegisterComposition {
  registerNumber: string;
  cardVersion: number;
  /** When the card was issued (ISO 8601): which of two registers naming a person is the newer. */
  issuedAt: string;
  members: RegisterMemberFacts[];
}

/**
 * Replaces labor's copy of one register, inside the caller's transaction, unless a newer card's
 * event already set it. People named move out of whatever register the copy had them in, unless
 * that register's card is newer than this one (its event came first: this one was retried late);
 * they then stay there. Returns the registers whose composition changed (this one and any that
 * lost a member), or [] when stale.
 */
export async function applyComposition(tx: Queryable, composition: RegisterComposition): Promise<string[]> {
  const { registerNumber, cardVersion, issuedAt, members } = composition;
  const accepted: unknown[] = await tx.query(
    `INSERT INTO register_family (register_number, card_version, issued_at) VALUES ($1, $2, $3)
     ON CONFLICT (register_number) DO UPDATE SET card_version = EXCLUDED.card_version, issued_at = EXCLUDED.issued_at, updated_at = now()
     WHERE register_family.card_version <= EXCLUDED.card_version
     RETURNING register_number`,
    [registerNumber, cardVersion, issuedAt],
  );
  if (accepted.length === 0) return [];
  const people = JSON.stringify(members.map((m) => ({ national_id: m.nationalId, relation: m.relation, birth_date: m.birthDate, nationality: m.nationality })));
  // A SELECT over the DELETE: TypeORM answers a bare DELETE ... RETURNING as [rows, count], not rows.
  const left: Array<{ register_number: string }> = await tx.query(
    `WITH gone AS (
       DELETE FROM register_member m WHERE m.register_number = $1
         OR (m.national_id IN (SELECT p.national_id FROM jsonb_to_recordset($2::jsonb) AS p(national_id varchar))
             AND NOT EXISTS (SELECT 1 FROM register_family f WHERE f.register_number = m.register_number AND f.issued_at > $3))
       RETURNING m.register_number)
     SELECT DISTINCT register_number FROM gone`,
    [registerNumber, people, issuedAt],
  );
  // Who is still listed elsewhere is on a newer card there.
  await tx.query(
    `INSERT INTO register_member (national_id, register_number, relation, birth_date, nationality)
     SELECT p.national_id, $1, p.relation, p.birth_date, p.nationality
     FROM jsonb_to_recordset($2::jsonb) AS p(national_id varchar, relation varchar, birth_date date, nationality varchar)
     WHERE NOT EXISTS (SELECT 1 FROM register_member m WHERE m.national_id = p.national_id)`,
    [registerNumber, people],
  );
  return [...new Set([registerNumber, ...left.map((row) => row.register_number)])];
}

interface MemberRow {
  register_number: string;
  national_id: string;
  relation: FamilyRelation;
  birth_date: string;
  nationality: string;
}

/** The copy's compositions of these registers, shaped as the gateway hands them over; a register without a head is left out. */
export async function compositionsOf(db: Queryable, registerNumbers: string[]): Promise<FamilyComposition[]> {
  const rows: MemberRow[] = await db.query(
    `SELECT register_number, national_id, relation, birth_date::text AS birth_date, nationality FROM register_member
     WHERE register_number IN (SELECT jsonb_array_elements_text($1::jsonb)) ORDER BY register_number, national_id`,
    [JSON.stringify(registerNumbers)],
  );
  const byRegister = new Map<string, MemberRow[]>();
  for (const row of rows) byRegister.set(row.register_number, [...(byRegister.get(row.register_number) ?? []), row]);
  return [...byRegister].flatMap(([registerNumber, members]) => {
    const head = members.find((m) => m.relation === FamilyRelation.HEAD);
    if (!head) return [];
    return [
      {
        registerNumber,
        head: { nationalId: head.national_id, nationality: head.nationality, birthDate: head.birth_date },
        members: members.map((m) => ({ relation: m.relation, citizen: { nationalId: m.national_id, nationality: m.nationality, birthDate: m.birth_date } })),
      },
    ];
  });
}

/** Per request: a register's composition as the copy holds it (null when the copy does not know it). */
export const copiedComposition = loaderByKey<string, FamilyComposition, RequestContext>(
  (registerNumbers, ctx) => compositionsOf(ctx.db, [...registerNumbers]),
  (family) => family.registerNumber,
);

/** The registers in the copy that list any of these people. */
export async function registersOf(db: Queryable, nationalIds: string[]): Promise<string[]> {
  const rows: Array<{ register_number: string }> = await db.query(
    `SELECT DISTINCT register_number FROM register_member WHERE national_id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
    [JSON.stringify(nationalIds)],
  );
  return rows.map((row) => row.register_number);
}
