import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../../../kernel/context";
import { assertCivilAffairsOrMember } from "../registry/access";
import { Family } from "../registry/family.entity";
import { FamilyCard } from "../registry/familyCard.entity";
import { CardApplication } from "./cardApplication.entity";
import { applicationById, applicationsByRegister } from "./loaders";

@Resolver(() => Family)
export class FamilyApplicationsResolver {
  @FieldResolver(() => [CardApplication], { description: "For the family and civil-affairs officers." })
  async applications(@Root() family: Family, @Ctx() ctx: RequestContext): Promise<CardApplication[]> {
    await assertCivilAffairsOrMember(ctx, family.registerNumber);
    return ctx.loaders.get(applicationsByRegister).load(family.registerNumber);
  }
}

@Resolver(() => FamilyCard)
export class CardApplicationOfCardResolver {
  @FieldResolver(() => CardApplication, { description: "The application the card was issued for." })
  async application(@Root() card: FamilyCard, @Ctx() ctx: RequestContext): Promise<CardApplication | null> {
    await assertCivilAffairsOrMember(ctx, card.registerNumber);
    return card.applicationId ? ctx.loaders.get(applicationById).load(card.applicationId) : null;
  }
}
