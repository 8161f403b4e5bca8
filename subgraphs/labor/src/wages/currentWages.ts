import type { EntityManager } from "typeorm";
import type { RequestContext } from "../../../../kernel/context";
import { loaderByKey } from "../../../../kernel/loaders";
import { WageRecord } from "./wageRecord.entity";

/** Each person's wage record in effect on `day` (the latest that started by then): one statement. */
export function currentWages(db: Pick<EntityManager, "getRepository">, nationalIds: readonly string[], day: string): Promise<WageRecord[]> {
  if (nationalIds.length === 0) return Promise.resolve([]);
  return db
    .getRepository(WageRecord)
    .createQueryBuilder("w")
    .distinctOn(["w.nationalId"])
    .where("w.nationalId IN (:...ids)", { ids: [...nationalIds] })
    .andWhere("w.effectiveFrom <= :day", { day })
    .orderBy("w.nationalId")
    .addOrderBy("w.effectiveFrom", "DESC")
    .addOrderBy("w.id", "DESC")
    .getMany();
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
