import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { Authenticated } from "../../../../kernel/graphql/authorization";
import { requireViewer, type RequestContext } from "../../../../kernel/context";
import { officersOwnPeople } from "../applications/fourEyes";
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
    return familyWithItsPeople(ctx, registerNumber);
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

  @FieldResolver(() => Boolean, {
    description:
      "Four-eyes (RULES.md): false when the reader, his spouse or his child is a member of this register, so that as an officer he may not act on the family (labor asks it before deciding an enrollment).",
  })
  async viewerMayAct(@Root() family: Family, @Ctx() ctx: RequestContext): Promise<boolean> {
    const [own, members] = await Promise.all([officersOwnPeople(ctx, requireViewer(ctx).nationalId), ctx.loaders.get(membersByRegister).load(family.registerNumber)]);
    return !members.some((member) => own.has(member.nationalId));
  }

  @FieldResolver(() => [FamilyCard])
  cards(@Root() family: Family, @Ctx() ctx: RequestContext): Promise<FamilyCard[]> {
    return ctx.loaders.get(cardsByRegister).load(family.registerNumber);
  }
}

/**
 * The register's row read with its members, their citizens and its active card, in one statement
 * (membersByRegister, which a citizen's access check has read already): what a family's fields and
 * its audit ask for next. Read alone, the row, the members and the card were three statements, for 50
 * families as for one.
 */
async function familyWithItsPeople(ctx: RequestContext, registerNumber: string): Promise<Family | null> {
  await ctx.loaders.get(membersByRegister).load(registerNumber);
  return ctx.loaders.get(familyByRegister).load(registerNumber);
}

export async function resolveFamilyReference(ref: { registerNumber: string }, ctx: RequestContext): Promise<Family | null> {
  await assertCanReadFamily(ctx, ref.registerNumber);
  return familyWithItsPeople(ctx, ref.registerNumber);
}
