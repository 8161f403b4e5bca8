import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { requireViewer, type RequestContext } from "../../../../kernel/context";
import { hasRole } from "../../../../kernel/auth/viewer";
import { assertCivilAffairsOrMember } from "../registry/access";
import { Family } from "../registry/family.entity";
import { FamilyCard } from "../registry/familyCard.entity";
import { CardApplication } from "./cardApplication.entity";
import { applicationById, applicationsByRegister } from "./loaders";

@Resolver(() => Family)
export class FamilyApplicationsResolver {
  @FieldResolver(() => [CardApplication], { description: "For the family (a draft only to its applicant) and civil-affairs officers." })
  async applications(@Root() family: Family, @Ctx() ctx: RequestContext): Promise<CardApplication[]> {
    await assertCivilAffairsOrMember(ctx, family.registerNumber);
    const applications = await ctx.loaders.get(applicationsByRegister).load(family.registerNumber);
    const viewer = requireViewer(ctx);
    if (hasRole(viewer, "CIVIL_AFFAIRS_OFFICER")) return applications;
    // Until it is submitted an application is its applicant's own work: it may name people the rest of the family may not see.
    return applications.filter((application) => application.applicantId === viewer.nationalId || application.submittedAt !== null);
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
