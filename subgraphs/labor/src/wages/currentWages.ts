import type { DataSource } from "typeorm";
import type { RequestContext } from "../../../../kernel/context";
import { entityRows } from "../../../../kernel/database/entityRows";
import { prepared } from "../../../../kernel/database/preparedStatements";
import { loaderByKey } from "../../../../kernel/loaders";
import { WageRecord } from "./wageRecord.entity";

/** Each person's wage record in effect on `day` (the latest that started by then): one statement, plain SQL (a hot read). */
export async function currentWages(db: DataSource, nationalIds: readonly string[], day: string): Promise<WageRecord[]> {
  if (nationalIds.length === 0) return [];
  const wages = entityRows(db, WageRecord);
  const people = wages.keyIn("w", "nationalId", "$1", nationalIds);
  const rows: Array<Record<string, unknown>> = await db.query(
    prepared(`SELECT DISTINCT ON ("w"."national_id") ${wages.select("w")} FROM ${wages.table} "w"
     WHERE ${people.condition} AND "w"."effective_from" <= $2
     ORDER BY "w"."national_id", "w"."effective_from" DESC, "w"."id" DESC`),
    [people.value, day],
  );
  return rows.map((row) => wages.hydrate(row, "w")!);
}

/** Each person's wage record in effect on the request's day (`ctx.today`), batched per request. */
export const currentWageByPerson = loaderByKey<string, WageRecord, RequestContext>(
  (ids, ctx) => currentWages(ctx.db, ids, ctx.today),
  (row) => row.nationalId,
);

/** A household's monthly income: the sum of its members' current wages (0 for members without one). */
export async function householdIncome(ctx: RequestContext, memberIds: string[]): Promise<number> {
  const wages = await ctx.loaders.get(currentWageByPerson).loadMany(memberIds);
  return wages.reduce<number>((sum, wage) => {
    if (wage instanceof Error) throw wage;
    return sum + (wage?.monthlyHalalas ?? 0);
  }, 0);
}
