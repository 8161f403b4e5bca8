import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { Authenticated } from "../../../../kernel/graphql/authorization";
import type { RequestContext } from "../../../../kernel/context";
import { requireViewer } from "../../../../kernel/context";
import { NationalAddress } from "../../../../kernel/graphql/nationalAddress";
import { requireNationalId } from "../../../../kernel/validation";
import { assertCanReadFamily, assertCanReadPerson, contactView, sameRegister, visibleMobile } from "./access";
import { Citizen } from "./citizen.entity";
import { Family } from "./family.entity";
import { toHijri } from "./hijri";
import { trailOf } from "../../../../kernel/audit/trail";
import { citizenById, familyByRegister, membershipByCitizen } from "./loaders";
import { officersOwnPeople } from "../applications/fourEyes";

/** A contact field the viewer may not see, whether or not the person has one: null in the answer, refused (not read) in the owner's data-access report. */
function withheld(ctx: RequestContext, citizen: Citizen, field: string): null {
  if (ctx.viewer) trailOf(ctx).noteRefused("Citizen", citizen, field);
  return null;
}

@Resolver(() => Citizen)
export class CitizenResolver {
  @Authenticated()
  @Query(() => Citizen, { nullable: true, description: "The signed-in citizen." })
  me(@Ctx() ctx: RequestContext): Promise<Citizen | null> {
    return ctx.loaders.get(citizenById).load(requireViewer(ctx).nationalId);
  }

  @Authenticated()
  @Query(() => Citizen, { nullable: true })
  async citizen(@Arg("nationalId", () => ID) nationalId: string, @Ctx() ctx: RequestContext): Promise<Citizen | null> {
    const id = requireNationalId(ctx.lang, "nationalId", nationalId);
    await assertCanReadPerson(ctx, id);
    return ctx.loaders.get(citizenById).load(id);
  }

  @FieldResolver(() => String, { description: "Umm al-Qura date, YYYY-MM-DD." })
  birthDateHijri(@Root() citizen: Citizen): string {
    return toHijri(citizen.birthDate);
  }

  @FieldResolver(() => Boolean, {
    description: "Four-eyes (RULES.md): false when this person is the reader, his spouse or his child, so that as an officer he may not act on him (labor asks it before recording a wage).",
  })
  async viewerMayAct(@Root() citizen: Citizen, @Ctx() ctx: RequestContext): Promise<boolean> {
    return !(await officersOwnPeople(ctx, requireViewer(ctx).nationalId)).has(citizen.nationalId);
  }

  @FieldResolver(() => Boolean)
  isSaudi(@Root() citizen: Citizen): boolean {
    return citizen.nationality === "SA";
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Whole for the citizen and civil-affairs officers, masked (e.g. 05******67) for the family (an officer's own family included), null for labor officers and postal operators otherwise.",
  })
  async mobile(@Root() citizen: Citizen, @Ctx() ctx: RequestContext): Promise<string | null> {
    const view = await contactView(ctx, citizen.nationalId);
    if (view === "NONE") return withheld(ctx, citizen, "Citizen.mobile");
    return visibleMobile(view, citizen.mobile);
  }

  @FieldResolver(() => NationalAddress, {
    nullable: true,
    description: "For the citizen, civil-affairs officers and the citizen's own register; null for anyone else, labor officers and postal operators included.",
  })
  async nationalAddress(@Root() citizen: Citizen, @Ctx() ctx: RequestContext): Promise<NationalAddress | null> {
    const view = await contactView(ctx, citizen.nationalId);
    // The family shares its address; a person named in a draft but in another register does not.
    if (view === "NONE" || (view === "MASKED" && !(await sameRegister(ctx, ctx.viewer!.nationalId, citizen.nationalId)))) {
      return withheld(ctx, citizen, "Citizen.nationalAddress");
    }
    return citizen.address?.buildingNumber ? citizen.address : null;
  }

  @Authenticated()
  @FieldResolver(() => Family, { nullable: true })
  async family(@Root() citizen: Citizen, @Ctx() ctx: RequestContext): Promise<Family | null> {
    const membership = await ctx.loaders.get(membershipByCitizen).load(citizen.nationalId);
    if (!membership) return null;
    await assertCanReadFamily(ctx, membership.registerNumber); // e.g. a child under 18 does not
    return ctx.loaders.get(familyByRegister).load(membership.registerNumber);
  }
}

/** Entity resolver for `_entities`: the same access rule as the root query. */
export async function resolveCitizenReference(ref: { nationalId: string }, ctx: RequestContext): Promise<Citizen | null> {
  await assertCanReadPerson(ctx, ref.nationalId);
  return ctx.loaders.get(citizenById).load(ref.nationalId);
}
