import { hasRole } from "../../../../kernel/auth/viewer";
import { requireViewer, type RequestContext } from "../../../../kernel/context";
import { Citizen } from "../registry/citizen.entity";
import { birthRecordByChild, citizenById, marriagesOf, membersByRegister, membershipByCitizen } from "../registry/loaders";
import type { CardApplication } from "./cardApplication.entity";

/**
 * The people an application names whom its reader may see (RULES.md "Identity and roles"): a
 * civil-affairs officer sees the register, so all of them who exist; anyone else (the applicant,
 * his family) only those the registry links to the applicant (a marriage or a birth record) or
 * who are already in the applicant's family (the register he is in, as head or member: an adult
 * son applying for his own card sees his sister there already). The others stay in
 * requestedSpouseIds/ChildIds.
 */
export async function visibleNamedPeople(ctx: RequestContext, application: CardApplication, ids: string[]): Promise<Citizen[]> {
  if (ids.length === 0) return [];
  const applicantId = application.applicantId;
  const visible = hasRole(requireViewer(ctx), "CIVIL_AFFAIRS_OFFICER") ? new Set(ids) : await linkedToApplicant(ctx, applicantId, ids);
  const people = await ctx.loaders.get(citizenById).loadMany(ids.filter((id) => visible.has(id)));
  return people.filter((person): person is Citizen => person instanceof Citizen);
}

async function linkedToApplicant(ctx: RequestContext, applicantId: string, ids: string[]): Promise<Set<string>> {
  const [marriages, births, membership] = await Promise.all([
    ctx.loaders.get(marriagesOf).load(applicantId),
    ctx.loaders.get(birthRecordByChild).loadMany(ids),
    ctx.loaders.get(membershipByCitizen).load(applicantId),
  ]);
  const linked = new Set<string>();
  for (const marriage of marriages) if (!marriage.endedOn) linked.add(marriage.husbandId === applicantId ? marriage.wifeId : marriage.husbandId);
  for (const birth of births) if (birth && !(birth instanceof Error) && (birth.fatherId === applicantId || birth.motherId === applicantId)) linked.add(birth.childId);
  if (membership) for (const member of await ctx.loaders.get(membersByRegister).load(membership.registerNumber)) linked.add(member.nationalId);
  return new Set(ids.filter((id) => linked.has(id)));
}
