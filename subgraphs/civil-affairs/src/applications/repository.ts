import type { EntityManager } from "typeorm";
import type { RequestContext } from "../../../../kernel/context";
import { entityRows } from "../../../../kernel/database/entityRows";
import { appError } from "../../../../kernel/errors";
import { isApplicationId } from "./access";
import { CardApplication } from "./cardApplication.entity";
import { ApplicationStatus } from "./enums";
import { StatusChange } from "./statusChange.entity";

/** Reads an application afresh (mutations never trust a cached copy); NOT_FOUND when absent. */
export async function findApplicationOrFail(ctx: RequestContext, id: string): Promise<CardApplication> {
  const application = isApplicationId(id) ? await ctx.db.getRepository(CardApplication).findOneBy({ id }) : null;
  if (!application) throw appError("NOT_FOUND", ctx.lang);
  return application;
}

/**
 * Writes `changes` only if nobody changed the application since it was read (its version and
 * status are checked in the UPDATE itself), and returns the application as written, from the
 * UPDATE itself (no second read); CONFLICT otherwise.
 */
export async function updateIfUnchanged(
  tx: EntityManager,
  ctx: RequestContext,
  application: CardApplication,
  changes: Partial<CardApplication>,
): Promise<CardApplication> {
  const rows = entityRows(tx.connection, CardApplication);
  const result = await tx
    .createQueryBuilder()
    .update(CardApplication)
    .set({ ...changes, version: application.version + 1 } as never)
    .where("id = :id AND version = :version AND status = :status", {
      id: application.id,
      version: application.version,
      status: application.status,
    })
    .returning(rows.returning())
    .execute();
  if (result.affected !== 1) throw appError("CONFLICT", ctx.lang);
  return rows.hydrateReturned((result.raw as Array<Record<string, unknown>>)[0]!);
}

export function appendHistory(
  tx: EntityManager,
  applicationId: string,
  from: ApplicationStatus | null,
  to: ApplicationStatus,
  by: string,
  note: string | null = null,
): Promise<unknown> {
  return tx.getRepository(StatusChange).insert({ applicationId, from, to, by, note, at: new Date() });
}
