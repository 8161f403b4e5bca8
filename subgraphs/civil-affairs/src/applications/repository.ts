import type { EntityManager, UpdateQueryBuilder } from "typeorm";
import type { RequestContext } from "../../../../kernel/context";
import { entityRows } from "../../../../kernel/database/entityRows";
import { appError } from "../../../../kernel/errors";
import { isApplicationId } from "./access";
import { CardApplication } from "./cardApplication.entity";
import { ApplicationStatus } from "./enums";
import { StatusChange } from "./statusChange.entity";

/** Reads an application afresh (mutations never trust a cached copy); NOT_FOUND when absent. */
export async function findApplicationOrFail(ctx: RequestContext, id: string): Promise<CardApplication> {
  const application = isApplicationId(id) ? ((await entityRows(ctx.db, CardApplication).whereIn("id", [id]))[0] ?? null) : null;
  if (!application) throw appError("NOT_FOUND", ctx.lang);
  return application;
}

/** One row of an application's history: who moved it from where to where, and why. */
export interface Move {
  from: ApplicationStatus | null;
  to: ApplicationStatus;
  by: string;
  note?: string | null;
}

type Row = Record<string, unknown>;

/**
 * `write` (an INSERT or UPDATE of card_application RETURNING the row) and the row of its history, in
 * one statement: the history row is written only with the application's row, and the application
 * comes back as written (no BEGIN/COMMIT, no second read).
 */
async function withHistory(db: EntityManager, [write, parameters]: [string, unknown[]], move: Move): Promise<Row[]> {
  const n = parameters.length;
  return db.query(
    `WITH written AS (${write}), history AS (
      INSERT INTO ${entityRows(db.connection, StatusChange).table} ("application_id", "from", "to", "at", "by", "note")
      SELECT ${entityRows(db.connection, CardApplication).returnedColumn("id")}, $${n + 1}::varchar, $${n + 2}::varchar, $${n + 3}::timestamptz, $${n + 4}::varchar, $${n + 5}::text FROM written
    ) SELECT * FROM written`,
    [...parameters, move.from, move.to, new Date(), move.by, move.note ?? null],
  );
}

/** The UPDATE of `changes` that applies only if nobody changed the application since it was read (its version and status checked in it). */
function guardedUpdate(db: EntityManager, application: CardApplication, changes: Partial<CardApplication>): UpdateQueryBuilder<CardApplication> {
  return db
    .createQueryBuilder()
    .update(CardApplication)
    .set({ ...changes, version: application.version + 1 } as never)
    .where("id = :id AND version = :version AND status = :status", { id: application.id, version: application.version, status: application.status })
    .returning(entityRows(db.connection, CardApplication).returning());
}

function writtenOrConflict(ctx: RequestContext, db: EntityManager, rows: Row[]): CardApplication {
  if (rows.length !== 1) throw appError("CONFLICT", ctx.lang);
  return entityRows(db.connection, CardApplication).hydrateReturned(rows[0]!);
}

/** Writes `changes` if nobody changed the application since it was read, and returns it as written; CONFLICT otherwise. */
export async function updateIfUnchanged(db: EntityManager, ctx: RequestContext, application: CardApplication, changes: Partial<CardApplication>): Promise<CardApplication> {
  const { raw } = await guardedUpdate(db, application, changes).execute();
  return writtenOrConflict(ctx, db, raw as Row[]);
}

/** `updateIfUnchanged` of a move: the new status and its history row in the same statement. */
export async function moveIfUnchanged(
  db: EntityManager,
  ctx: RequestContext,
  application: CardApplication,
  changes: Partial<CardApplication>,
  move: Move,
): Promise<CardApplication> {
  return writtenOrConflict(ctx, db, await withHistory(db, guardedUpdate(db, application, { ...changes, status: move.to }).getQueryAndParameters(), move));
}

/** Inserts a new application with the history row of its first status, and returns it as stored (defaults included). */
export async function insertWithHistory(db: EntityManager, values: Partial<CardApplication>, by: string): Promise<CardApplication> {
  const rows = entityRows(db.connection, CardApplication);
  const insert = db.createQueryBuilder().insert().into(CardApplication).values(values as never).returning(rows.returning()).getQueryAndParameters();
  const [created] = await withHistory(db, insert, { from: null, to: values.status!, by });
  return rows.hydrateReturned(created!);
}
