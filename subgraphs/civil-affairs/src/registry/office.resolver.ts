import { Arg, Ctx, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../../../kernel/context";
import { officesIn } from "./cities";
import { CivilAffairsOffice } from "./office.entity";
import { officeById } from "./loaders";

@Resolver(() => CivilAffairsOffice)
export class OfficeResolver {
  @Query(() => [CivilAffairsOffice], { description: "Public: where a family can collect its card." })
  async civilAffairsOffices(
    @Arg("city", () => String, { nullable: true }) city: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<CivilAffairsOffice[]> {
    // A few rows, read whole and matched in code (registry/cities.ts) as issuing matches them.
    const offices = await ctx.db.getRepository(CivilAffairsOffice).find({ order: { id: "ASC" } });
    return city?.trim() ? officesIn(offices, city) : offices;
  }
}

export function resolveOfficeReference(ref: { id: string }, ctx: RequestContext): Promise<CivilAffairsOffice | null> {
  return ctx.loaders.get(officeById).load(ref.id);
}
