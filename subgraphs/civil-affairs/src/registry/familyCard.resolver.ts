import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../../../kernel/context";
import { assertCanReadFamily } from "./access";
import { Family } from "./family.entity";
import { FamilyCard } from "./familyCard.entity";
import { cardByNumber, familyByRegister } from "./loaders";

@Resolver(() => FamilyCard)
export class FamilyCardResolver {
  @FieldResolver(() => Family)
  async family(@Root() card: FamilyCard, @Ctx() ctx: RequestContext): Promise<Family> {
    return (await ctx.loaders.get(familyByRegister).load(card.registerNumber))!;
  }
}

export async function resolveFamilyCardReference(ref: { cardNumber: string }, ctx: RequestContext): Promise<FamilyCard | null> {
  const card = await ctx.loaders.get(cardByNumber).load(ref.cardNumber);
  if (card) await assertCanReadFamily(ctx, card.registerNumber);
  return card;
}
