import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { Authenticated } from "../../../../kernel/graphql/authorization";
import type { RequestContext } from "../../../../kernel/context";
import { assertCanReadFamily } from "./access";
import { Citizen } from "./citizen.entity";
import { Family } from "./family.entity";
import { FamilyCard } from "./familyCard.entity";
import { FamilyMember } from "./familyMember.entity";
import { activeCardByRegister, cardsByRegister, citizenById, familyByRegister, membersByRegister } from "./loaders";

@Resolver(() => Family)
export class FamilyResolver {
  @Authenticated()
  @Query(() => Family, { nullable: true })
  async family(@Arg("registerNumber", () => ID) registerNumber: string, @Ctx() ctx: RequestContext): Promise<Family | null> {
    await assertCanReadFamily(ctx, registerNumber);
    // What a family query asks for, in one statement: the register's row with its members, their
    // citizens and its active card (membersByRegister, which a citizen's access check has read already).
    await ctx.loaders.get(membersByRegister).load(registerNumber);
    return ctx.loaders.get(familyByRegister).load(registerNumber);
  }

  @FieldResolver(() => Citizen)
  async head(@Root() family: Family, @Ctx() ctx: RequestContext): Promise<Citizen> {
    // The head is a member: reading the members brings every member's citizen (membersByRegister).
    await ctx.loaders.get(membersByRegister).load(family.registerNumber);
    return (await ctx.loaders.get(citizenById).load(family.headId))!;
  }

  @FieldResolver(() => [FamilyMember], { description: "Every member, the head included." })
  members(@Root() family: Family, @Ctx() ctx: RequestContext): Promise<FamilyMember[]> {
    return ctx.loaders.get(membersByRegister).load(family.registerNumber);
  }

  @FieldResolver(() => Int)
  async memberCount(@Root() family: Family, @Ctx() ctx: RequestContext): Promise<number> {
    return (await ctx.loaders.get(membersByRegister).load(family.registerNumber)).length;
  }

  @FieldResolver(() => FamilyCard, { nullable: true, description: "The active card, if one was issued." })
  card(@Root() family: Family, @Ctx() ctx: RequestContext): Promise<FamilyCard | null> {
    return ctx.loaders.get(activeCardByRegister).load(family.registerNumber);
  }

  @FieldResolver(() => [FamilyCard])
  cards(@Root() family: Family, @Ctx() ctx: RequestContext): Promise<FamilyCard[]> {
    return ctx.loaders.get(cardsByRegister).load(family.registerNumber);
  }
}

export async function resolveFamilyReference(ref: { registerNumber: string }, ctx: RequestContext): Promise<Family | null> {
  await assertCanReadFamily(ctx, ref.registerNumber);
  return ctx.loaders.get(familyByRegister).load(ref.registerNumber);
}
