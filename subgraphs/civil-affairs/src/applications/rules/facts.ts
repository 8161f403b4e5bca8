import type { RequestContext } from "../../../../../kernel/context";
import { BirthRecord } from "../../registry/birthRecord.entity";
import type { Citizen } from "../../registry/citizen.entity";
import { CardStatus } from "../../registry/enums";
import type { Family } from "../../registry/family.entity";
import type { FamilyCard } from "../../registry/familyCard.entity";
import { birthRecordByChild, cardsByRegister, citizenById, familyByHead, marriagesOf, officeById } from "../../registry/loaders";
import type { Marriage } from "../../registry/marriage.entity";
import type { CivilAffairsOffice } from "../../registry/office.entity";
import type { ApplicationDocument } from "../documents/document.entity";
import type { ApplicationKind, DeliveryMethod } from "../enums";
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
  people: Map<string, Citizen>;
  marriages: Marriage[];
  births: Map<string, BirthRecord>;
  /** Spouses and children who head a register of their own. */
  heads: Set<string>;
  office: CivilAffairsOffice | null;
  documents: ApplicationDocument[];
  /** The day the rules judge on ("YYYY-MM-DD", Riyadh): the request's `ctx.today`. */
  today: string;
}

export async function loadFacts(ctx: RequestContext, draft: ApplicationDraft): Promise<ApplicationFacts> {
  const others = [...new Set([...draft.spouseIds, ...draft.childIds])];
  const [applicant, ownFamily, peopleList, marriages, birthList, headsList, office, documents] = await Promise.all([
    ctx.loaders.get(citizenById).load(draft.applicantId),
    ctx.loaders.get(familyByHead).load(draft.applicantId),
    ctx.loaders.get(citizenById).loadMany(others),
    ctx.loaders.get(marriagesOf).load(draft.applicantId),
    ctx.loaders.get(birthRecordByChild).loadMany(draft.childIds),
    ctx.loaders.get(familyByHead).loadMany(others),
    draft.pickupOfficeId ? ctx.loaders.get(officeById).load(draft.pickupOfficeId) : Promise.resolve(null),
    draft.id ? ctx.loaders.get(documentsByApplication).load(draft.id) : Promise.resolve([]),
  ]);
  const cards = ownFamily ? await ctx.loaders.get(cardsByRegister).load(ownFamily.registerNumber) : [];
  const found = <T>(items: Array<T | null | Error>) => items.filter((x): x is T => x !== null && !(x instanceof Error));
  return {
    applicant,
    ownFamily,
    activeCard: cards.find((card) => card.status === CardStatus.ACTIVE) ?? null,
    people: new Map(found(peopleList).map((p) => [p.nationalId, p])),
    marriages,
    births: new Map(found(birthList).map((b) => [b.childId, b])),
    heads: new Set(found(headsList).map((f) => f.headId)),
    office,
    documents,
    today: ctx.today,
  };
}
