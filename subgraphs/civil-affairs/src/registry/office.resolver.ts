import { Arg, Ctx, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../../../kernel/context";
import { CivilAffairsOffice } from "./office.entity";
import { officeById } from "./loaders";

@Resolver(() => CivilAffairsOffice)
export class OfficeResolver {
  @Query(() => [CivilAffairsOffice], { description: "Public: where a family can collect its card." })
  civilAffairsOffices(
    @Arg("city", () => String, { nullable: true }) city: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<CivilAffairsOffice[]> {
    const query = ctx.db.getRepository(CivilAffairsOffice).createQueryBuilder("office").orderBy("office.id");
    if (city?.trim()) query.where("lower(office.city) = lower(:city)", { city: city.trim() });
    return query.getMany();
  }
}

export function resolveOfficeReference(ref: { id: string }, ctx: RequestContext): Promise<CivilAffairsOffice | null> {
  return ctx.loaders.get(officeById).load(ref.id);
}
