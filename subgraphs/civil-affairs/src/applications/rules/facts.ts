import type { RequestContext } from "../../../../../kernel/context";
import { BirthRecord } from "../../registry/birthRecord.entity";
import type { Citizen } from "../../registry/citizen.entity";
import { FamilyRelation } from "../../registry/enums";
import type { Family } from "../../registry/family.entity";
import type { FamilyCard } from "../../registry/familyCard.entity";
import { activeCardByRegister, birthRecordByChild, marriagesOf, membershipByCitizen, officeById, personById } from "../../registry/loaders";
import type { Marriage } from "../../registry/marriage.entity";
import type { CivilAffairsOffice } from "../../registry/office.entity";
import type { ApplicationDocument } from "../documents/document.entity";
import { ApplicationKind, type DeliveryMethod } from "../enums";
import { documentsByApplication } from "../loaders";

/** What an application asks for: the fields the rules look at. */
export interface ApplicationDraft {
  id: string | null;
  kind: ApplicationKind;
  applicantId: string;
  spouseIds: string[];
  childIds: string[];
  deliveryMethod: DeliveryMethod | null;
  pickupOfficeId: string | null;
  lossDeclaration: boolean;
}

/** What the civil registry says about a draft's people, read in a few batched statements. */
export interface ApplicationFacts {
  applicant: Citizen | null;
  ownFamily: Family | null;
  activeCard: FamilyCard | null;
  /**
   * The applicant is a spouse or child in a register someone else heads. Read only when he heads
   * no register with an active card: no statement on the usual path (a head's replacement).
   */
  inAnotherHeadsRegister: boolean;
  /**
   * The applicant is a spouse in a register someone else heads, and that register has an active
   * card: her family has its card, so a NEW_CARD of hers is refused (an adult son may still head
   * a family of his own), and its head applies for the rest.
   */
  spouseInCardedFamily: boolean;
  people: Map<string, Citizen>;
  marriages: Marriage[];
  /** The registry's marriages of the people named: a wife of another man joins on no contract or certificate. */
  namedMarriages: Marriage[];
  births: Map<string, BirthRecord>;
  /** Spouses and children who head a register of their own. */
  heads: Set<string>;
  /**
   * The people named who are already in the applicant's own register, by their relation: an
   * officer accepted their marriage contract or birth certificate when that card was issued, so a
   * members update does not ask for it again.
   */
  inOwnRegister: Map<string, FamilyRelation>;
  office: CivilAffairsOffice | null;
  documents: ApplicationDocument[];
  /** The day the rules judge on ("YYYY-MM-DD", Riyadh): the request's `ctx.today`. */
  today: string;
}

export async function loadFacts(ctx: RequestContext, draft: ApplicationDraft): Promise<ApplicationFacts> {
  const others = [...new Set([...draft.spouseIds, ...draft.childIds])];
  const [applicant, otherPeople, marriages, namedMarriages, birthList, office, documents] = await Promise.all([
    ctx.loaders.get(personById).load(draft.applicantId),
    ctx.loaders.get(personById).loadMany(others),
    ctx.loaders.get(marriagesOf).load(draft.applicantId),
    ctx.loaders.get(marriagesOf).loadMany(others),
    ctx.loaders.get(birthRecordByChild).loadMany(draft.childIds),
    draft.pickupOfficeId ? ctx.loaders.get(officeById).load(draft.pickupOfficeId) : Promise.resolve(null),
    draft.id ? ctx.loaders.get(documentsByApplication).load(draft.id) : Promise.resolve([]),
  ]);
  const membership = applicant && !applicant.activeCard ? await ctx.loaders.get(membershipByCitizen).load(draft.applicantId) : null;
  const spousesFamilyCard = membership?.relation === FamilyRelation.SPOUSE ? await ctx.loaders.get(activeCardByRegister).load(membership.registerNumber) : null;
  const found = <T>(items: Array<T | null | Error>) => items.filter((x): x is T => x !== null && !(x instanceof Error));
  const people = found(otherPeople);
  const ownFamily = applicant?.headedFamily ?? null;
  // Only a head names people who may be in his register: no statement for a first card.
  const memberships = ownFamily && others.length > 0 ? found(await ctx.loaders.get(membershipByCitizen).loadMany(others)) : [];
  return {
    applicant: applicant?.citizen ?? null,
    ownFamily,
    activeCard: applicant?.activeCard ?? null,
    inAnotherHeadsRegister: membership !== null && membership.relation !== FamilyRelation.HEAD,
    spouseInCardedFamily: spousesFamilyCard !== null,
    people: new Map(people.map((person) => [person.citizen.nationalId, person.citizen])),
    marriages,
    namedMarriages: found(namedMarriages).flat(),
    births: new Map(found(birthList).map((b) => [b.childId, b])),
    heads: new Set(people.filter((person) => person.headedFamily).map((person) => person.citizen.nationalId)),
    inOwnRegister: new Map(memberships.filter((member) => member.registerNumber === ownFamily?.registerNumber).map((member) => [member.nationalId, member.relation])),
    office,
    documents,
    today: ctx.today,
  };
}
