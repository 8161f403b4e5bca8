import type { EntityManager } from "typeorm";
import { requireViewer, type RequestContext } from "../../../../kernel/context";
import { hasRole } from "../../../../kernel/auth/viewer";
import { entityRows } from "../../../../kernel/database/entityRows";
import { entityWrites, type Statement } from "../../../../kernel/database/entityWrites";
import { prepared } from "../../../../kernel/database/preparedStatements";
import { appError } from "../../../../kernel/errors";
import { isApplicationId } from "./access";
import { CardApplication } from "./cardApplication.entity";
import { ApplicationStatus } from "./enums";
import { StatusChange } from "./statusChange.entity";

/**
 * Reads an application afresh (mutations never trust a cached copy). When absent: NOT_FOUND to a
 * civil-affairs officer, FORBIDDEN to anyone else, as someone else's application is answered, so
 * that no mutation tells a citizen which IDs exist.
 */
export async function findApplicationOrFail(ctx: RequestContext, id: string): Promise<CardApplication> {
  const application = isApplicationId(id) ? ((await entityRows(ctx.db, CardApplication).whereIn("id", [id]))[0] ?? null) : null;
  if (!application) throw appError(hasRole(requireViewer(ctx), "CIVIL_AFFAIRS_OFFICER") ? "NOT_FOUND" : "FORBIDDEN", ctx.lang);
  return application;
}

/** One row of an application's history: who moved it from where to where, and why. */
export interface Move {
  from: ApplicationStatus | null;
  to: ApplicationStatus;
  by: string;
  note?: string | null;
  /** When it was made: also the application's own record of it (createdAt, submittedAt, decidedAt). */
  at: Date;
}

type Row = Record<string, unknown>;

/** The statements below, each built once by its key (a kind of write, a move). */
const statements = new Map<string, string>();

function statement(key: string, build: () => string): string {
  let text = statements.get(key);
  if (text === undefined) statements.set(key, (text = prepared(build())));
  return text;
}

/** The history row of the application the CTE `written` returned, its columns given as SQL expressions. */
function historyOfWritten(db: EntityManager, row: { from: string; to: string; at: string; by: string; note: string }): string {
  return `INSERT INTO ${entityRows(db.connection, StatusChange).table} ("application_id", "from", "to", "at", "by", "note")
      SELECT ${entityRows(db.connection, CardApplication).returnedColumn("id")}, ${row.from}, ${row.to}, ${row.at}, ${row.by}, ${row.note} FROM written`;
}

/**
 * `write` (an INSERT or UPDATE of card_application RETURNING the row) and the row of its history, in
 * one prepared statement: the history row is written only with the application's row, and the
 * application comes back as written (no BEGIN/COMMIT, no second read).
 */
async function withHistory(db: EntityManager, [write, parameters]: Statement, move: Move): Promise<Row[]> {
  const n = parameters.length;
  const text = statement(
    write,
    () => `WITH written AS (${write}), history AS (
      ${historyOfWritten(db, { from: `$${n + 1}::varchar`, to: `$${n + 2}::varchar`, at: `$${n + 3}::timestamptz`, by: `$${n + 4}::varchar`, note: `$${n + 5}::text` })}
    ) SELECT * FROM written`,
  );
  return db.query(text, [...parameters, move.from, move.to, move.at, move.by, move.note ?? null]);
}

/** The UPDATE of `changes` that applies only if nobody changed the application since it was read (its version and status checked in it). */
function guardedUpdate(db: EntityManager, application: CardApplication, changes: Partial<CardApplication>): Statement {
  return entityWrites(db.connection, CardApplication).update(
    { ...changes, version: application.version + 1 },
    { id: application.id, version: application.version, status: application.status },
  );
}

function writtenOrConflict(ctx: RequestContext, db: EntityManager, rows: Row[]): CardApplication {
  if (rows.length !== 1) throw appError("CONFLICT", ctx.lang);
  return entityRows(db.connection, CardApplication).hydrateReturned(rows[0]!);
}

/** Writes `changes` if nobody changed the application since it was read, and returns it as written; CONFLICT otherwise. */
export async function updateIfUnchanged(db: EntityManager, ctx: RequestContext, application: CardApplication, changes: Partial<CardApplication>): Promise<CardApplication> {
  const [text, parameters] = guardedUpdate(db, application, changes);
  // TypeORM answers an UPDATE with its rows and the number written.
  const [rows] = (await db.query(prepared(text), parameters)) as [Row[], number];
  return writtenOrConflict(ctx, db, rows);
}

/** `updateIfUnchanged` of a move: the new status and its history row in the same statement. */
export async function moveIfUnchanged(
  db: EntityManager,
  ctx: RequestContext,
  application: CardApplication,
  changes: Partial<CardApplication>,
  move: Move,
): Promise<CardApplication> {
  return writtenOrConflict(ctx, db, await withHistory(db, guardedUpdate(db, application, { ...changes, status: move.to }), move));
}

/** Inserts a new application with the history row of its first status, and returns it as stored (defaults included). */
export async function insertWithHistory(db: EntityManager, values: Partial<CardApplication>, by: string): Promise<CardApplication> {
  const at = new Date();
  const [created] = await withHistory(db, entityWrites(db.connection, CardApplication).insert({ ...values, createdAt: at }), { from: null, to: values.status!, by, at });
  return entityRows(db.connection, CardApplication).hydrateReturned(created!);
}

/**
 * An applicant's move in one statement, with no read before it: the application moves if it is
 * `applicantId`'s and in one of `from` (its row locked and checked again, so a concurrent move is
 * seen), with its history row, and comes back as written; null when nothing moved. The statuses are
 * written out, as in the open-application check (drafts.ts), and the id is the primary key.
 */
export async function moveOwnIfIn(db: EntityManager, id: string, applicantId: string, from: readonly ApplicationStatus[], to: ApplicationStatus): Promise<CardApplication | null> {
  const applications = entityRows(db.connection, CardApplication);
  const text = statement(
    `move ${from.join(",")} ${to}`,
    () => `WITH locked AS (
      SELECT "id", "status" FROM ${applications.table} WHERE "id" = $1 AND "applicant_id" = $2 AND "status" IN (${from.map((status) => `'${status}'`).join(", ")}) FOR UPDATE
    ), written AS (
      UPDATE ${applications.table} SET "status" = '${to}', "version" = ${applications.table}."version" + 1 FROM locked
      WHERE ${applications.table}."id" = locked."id" RETURNING ${applications.returning()}, locked."status" AS "moved_from"
    ), history AS (
      ${historyOfWritten(db, { from: `"moved_from"`, to: `'${to}'`, at: "$3::timestamptz", by: "$2::varchar", note: "NULL" })}
    ) SELECT * FROM written`,
  );
  const [moved]: Row[] = await db.query(text, [id, applicantId, new Date()]);
  return moved ? applications.hydrateReturned(moved) : null;
}
