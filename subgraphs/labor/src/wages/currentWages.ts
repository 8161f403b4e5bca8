import type { RequestContext } from "../../../../kernel/context";
import { loaderByKey } from "../../../../kernel/loaders";
import { WageRecord } from "./wageRecord.entity";

const today = () => new Date().toISOString().slice(0, 10);

/** Each person's current wage record (the latest already in effect): one statement per batch. */
export const currentWageByPerson = loaderByKey<string, WageRecord, RequestContext>(
  (ids, ctx) =>
    ctx.db
      .getRepository(WageRecord)
      .createQueryBuilder("w")
      .distinctOn(["w.nationalId"])
      .where("w.nationalId IN (:...ids)", { ids: [...ids] })
      .andWhere("w.effectiveFrom <= :today", { today: today() })
      .orderBy("w.nationalId")
      .addOrderBy("w.effectiveFrom", "DESC")
      .addOrderBy("w.id", "DESC")
      .getMany(),
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
