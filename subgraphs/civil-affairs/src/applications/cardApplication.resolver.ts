import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { DocumentRequirement } from "./documentRequirement.type";
import { Authenticated, RequiresRole } from "../../../../kernel/graphql/authorization";
import { requireViewer, type RequestContext } from "../../../../kernel/context";
import { money, Money } from "../../../../kernel/graphql/money";
import { NationalAddress } from "../../../../kernel/graphql/nationalAddress";
import { Citizen } from "../registry/citizen.entity";
import { Family } from "../registry/family.entity";
import { FamilyCard } from "../registry/familyCard.entity";
import { cardByNumber, citizenById, familyByRegister, officeById } from "../registry/loaders";
import { CivilAffairsOffice } from "../registry/office.entity";
import { mayReadApplication, readableApplication } from "./access";
import { trailOf } from "../../../../kernel/audit/trail";
import { CardApplication } from "./cardApplication.entity";
import { draftOf } from "./drafts";
import { isOwnCase } from "./fourEyes";
import { visibleNamedPeople } from "./namedPeople";
import { ApplicationDocument } from "./documents/document.entity";
import { DeliveryMethod, DocumentType } from "./enums";
import { documentsByApplication, historyByApplication } from "./loaders";
import { evaluate } from "./rules/evaluate";
import { loadFacts } from "./rules/facts";
import { StatusChange } from "./statusChange.entity";

@Resolver(() => CardApplication)
export class CardApplicationResolver {
  @Authenticated()
  @Query(() => CardApplication, { nullable: true })
  async cardApplication(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<CardApplication | null> {
    return readableApplication(ctx, id);
  }

  @Authenticated()
  @Query(() => [CardApplication], { description: "The signed-in citizen's applications, newest first." })
  myCardApplications(@Ctx() ctx: RequestContext): Promise<CardApplication[]> {
    const viewer = requireViewer(ctx);
    return ctx.db.getRepository(CardApplication).find({ where: { applicantId: viewer.nationalId }, order: { createdAt: "DESC" } });
  }

  @FieldResolver(() => Citizen)
  async applicant(@Root() application: CardApplication, @Ctx() ctx: RequestContext): Promise<Citizen> {
    return (await ctx.loaders.get(citizenById).load(application.applicantId))!;
  }

  @FieldResolver(() => Family, { nullable: true })
  family(@Root() application: CardApplication, @Ctx() ctx: RequestContext): Promise<Family | null> | null {
    return application.registerNumber ? ctx.loaders.get(familyByRegister).load(application.registerNumber) : null;
  }

  @FieldResolver(() => [Citizen], { description: "The spouses named whom the reader may see: linked to the applicant by the registry or in his family (all of them for a civil-affairs officer)." })
  spouses(@Root() application: CardApplication, @Ctx() ctx: RequestContext): Promise<Citizen[]> {
    return visibleNamedPeople(ctx, application, application.spouseIds);
  }

  @FieldResolver(() => [Citizen], { description: "The children named whom the reader may see, as for spouses." })
  children(@Root() application: CardApplication, @Ctx() ctx: RequestContext): Promise<Citizen[]> {
    return visibleNamedPeople(ctx, application, application.childIds);
  }

  @FieldResolver(() => [ID], { description: "The national IDs the applicant entered as spouses, as entered (normalised digits); to the rest of his family, only those of the spouses it sees." })
  requestedSpouseIds(@Root() application: CardApplication, @Ctx() ctx: RequestContext): string[] | Promise<string[]> {
    return requestedIds(ctx, application, application.spouseIds);
  }

  @FieldResolver(() => [ID], { description: "The national IDs the applicant entered as children, as entered (normalised digits); to the rest of his family, as for spouses." })
  requestedChildIds(@Root() application: CardApplication, @Ctx() ctx: RequestContext): string[] | Promise<string[]> {
    return requestedIds(ctx, application, application.childIds);
  }

  @FieldResolver(() => [ApplicationDocument], {
    description: "Only the applicant and civil-affairs officers see documents; the family's other members, who read its applications through Family, see none.",
  })
  async documents(@Root() application: CardApplication, @Ctx() ctx: RequestContext): Promise<ApplicationDocument[]> {
    // Refusing with an error would null the whole Family through this non-null list: none are shown,
    // and the owner's data-access report lists the field as refused, not read.
    if (!mayReadApplication(ctx, application)) {
      trailOf(ctx).noteRefused("CardApplication", application, "CardApplication.documents");
      return [];
    }
    return ctx.loaders.get(documentsByApplication).load(application.id);
  }

  @RequiresRole("CIVIL_AFFAIRS_OFFICER")
  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      "Civil-affairs officers: whether four-eyes lets the reading officer act on this application (review, correction, decision, issue); false when he, his spouse or his child is its applicant, a person it names or a member of the applicant's register. Which moves the status allows is the status's business.",
  })
  async viewerMayAct(@Root() application: CardApplication, @Ctx() ctx: RequestContext): Promise<boolean> {
    return !(await isOwnCase(ctx, requireViewer(ctx).nationalId, application));
  }

  @FieldResolver(() => [DocumentType], { description: "What the rules still require before this application can be submitted." })
  async missingDocuments(@Root() application: CardApplication, @Ctx() ctx: RequestContext): Promise<DocumentType[]> {
    const draft = draftOf(application);
    return evaluate(draft, await loadFacts(ctx, draft), ctx.lang, "save").missingDocuments;
  }

  @FieldResolver(() => [DocumentRequirement], {
    description: "Every document the rules ask of this application, person by person, met or not: a spouse or child with none is linked to the applicant by the registry.",
  })
  async documentRequirements(@Root() application: CardApplication, @Ctx() ctx: RequestContext): Promise<DocumentRequirement[]> {
    const draft = draftOf(application);
    const { requirements } = evaluate(draft, await loadFacts(ctx, draft), ctx.lang, "save");
    const people = requirements.flatMap((requirement) => (requirement.subject ? [requirement.subject] : []));
    const visible = new Set(await requestedIds(ctx, application, people));
    // Of people the reader may not see nothing is said, not even that a document was asked for them.
    return requirements.filter(({ subject }) => !subject || visible.has(subject)).map(({ type, subject, met }) => ({ type, personId: subject, met }));
  }

  @FieldResolver(() => CivilAffairsOffice, { nullable: true })
  pickupOffice(@Root() application: CardApplication, @Ctx() ctx: RequestContext): Promise<CivilAffairsOffice | null> | null {
    return application.pickupOfficeId ? ctx.loaders.get(officeById).load(application.pickupOfficeId) : null;
  }

  @FieldResolver(() => NationalAddress, { nullable: true, description: "Where the card is posted: the address confirmed at submission, or the one the applicant gave since (updateNationalAddress) while it is not issued; before submission, his current one." })
  async deliveryAddress(@Root() application: CardApplication, @Ctx() ctx: RequestContext): Promise<NationalAddress | null> {
    if (application.deliveryMethod !== DeliveryMethod.SAUDI_POST) return null;
    if (application.deliveryAddressSnapshot?.buildingNumber) return application.deliveryAddressSnapshot;
    const applicant = await ctx.loaders.get(citizenById).load(application.applicantId);
    return applicant?.address?.buildingNumber ? applicant.address : null;
  }

  @FieldResolver(() => Money)
  fee(@Root() application: CardApplication, @Ctx() ctx: RequestContext): Money {
    return money(application.feeHalalas, ctx.lang);
  }

  @FieldResolver(() => [StatusChange])
  async history(@Root() application: CardApplication, @Ctx() ctx: RequestContext): Promise<StatusChange[]> {
    const history = await ctx.loaders.get(historyByApplication).load(application.id);
    const upTo = application.historyUpTo;
    return upTo === undefined ? history : history.filter((change) => change.id <= upTo);
  }

  @FieldResolver(() => FamilyCard, { nullable: true })
  card(@Root() application: CardApplication, @Ctx() ctx: RequestContext): Promise<FamilyCard | null> | null {
    return application.cardNumber ? ctx.loaders.get(cardByNumber).load(application.cardNumber) : null;
  }
}

/** The IDs entered, whole to the applicant and officers; to his family (who read it through Family) only the people it may see. */
async function requestedIds(ctx: RequestContext, application: CardApplication, ids: string[]): Promise<string[]> {
  if (mayReadApplication(ctx, application)) return ids;
  const visible = new Set((await visibleNamedPeople(ctx, application, ids)).map((person) => person.nationalId));
  return ids.filter((id) => visible.has(id));
}

export function resolveApplicationReference(ref: { id: string }, ctx: RequestContext): Promise<CardApplication | null> {
  return readableApplication(ctx, ref.id);
}
