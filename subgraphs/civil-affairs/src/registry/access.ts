import { requireViewer, type RequestContext } from "../../../../kernel/context";
import { appError } from "../../../../kernel/errors";
import { hasRole, type Viewer } from "../../../../kernel/auth/viewer";
import { isChildRelation, isMinorChild } from "../../../../kernel/adulthood";
import type { FamilyMember } from "./familyMember.entity";
import { activeCardByRegister, citizenById, familyByRegister, membersByRegister, membershipByCitizen } from "./loaders";

/**
 * Who may read the family register (RULES.md, "Identity and roles"): a person their own record;
 * the head, a spouse or an adult child their family; civil-affairs officers everything; labor
 * officers the register facts that eligibility needs. Analysts never read a person.
 */
const REGISTER_READERS = ["CIVIL_AFFAIRS_OFFICER", "LABOR_OFFICER"] as const;

/** The register the viewer may read as a member (head, spouse, or child aged 18 or more on the request's day), if any. */
async function readableRegisterOf(ctx: RequestContext, viewer: Viewer): Promise<string | null> {
  const membership = await ctx.loaders.get(membershipByCitizen).load(viewer.nationalId);
  if (!membership) return null;
  if (isChildRelation(membership.relation)) {
    const self = await ctx.loaders.get(citizenById).load(viewer.nationalId);
    if (!self || isMinorChild(membership.relation, self.birthDate, ctx.today)) return null;
  }
  return membership.registerNumber;
}

/**
 * Whether the viewer reads this register as one of its members, as `readableRegisterOf` would say:
 * a person belongs to one register, so being among its members is being a member of it. Read from
 * the register's members with their citizens, which the request asks for anyway: one statement,
 * where the viewer's membership and then the register's members were two.
 */
export async function readsAsMember(ctx: RequestContext, viewer: Viewer, registerNumber: string): Promise<boolean> {
  const members = await ctx.loaders.get(membersByRegister).load(registerNumber);
  const self = members.find((member) => member.nationalId === viewer.nationalId);
  if (self?.citizen != null && !isMinorChild(self.relation, self.citizen.birthDate, ctx.today)) return true;
  forgetRegister(ctx, registerNumber, members);
  return false;
}

/**
 * What reading a register for a refused viewer put in the request's loaders (its row, card, members
 * and their citizens) is dropped: nothing later in the request may answer from it without a check.
 */
function forgetRegister(ctx: RequestContext, registerNumber: string, members: readonly FamilyMember[]): void {
  ctx.loaders.get(membersByRegister).clear(registerNumber);
  ctx.loaders.get(familyByRegister).clear(registerNumber);
  ctx.loaders.get(activeCardByRegister).clear(registerNumber);
  const citizens = ctx.loaders.get(citizenById);
  for (const member of members) citizens.clear(member.nationalId);
}

export async function assertCanReadFamily(ctx: RequestContext, registerNumber: string): Promise<void> {
  const viewer = requireViewer(ctx);
  if (hasRole(viewer, ...REGISTER_READERS)) return;
  if (await readsAsMember(ctx, viewer, registerNumber)) return;
  throw appError("FORBIDDEN", ctx.lang);
}

/** Civil-affairs' own records of a family (its applications): its officers and the family itself. */
export async function assertCivilAffairsOrMember(ctx: RequestContext, registerNumber: string): Promise<void> {
  const viewer = requireViewer(ctx);
  if (hasRole(viewer, "CIVIL_AFFAIRS_OFFICER")) return;
  if (await readsAsMember(ctx, viewer, registerNumber)) return;
  throw appError("FORBIDDEN", ctx.lang);
}

export async function assertCanReadPerson(ctx: RequestContext, nationalId: string): Promise<void> {
  const viewer = requireViewer(ctx);
  if (viewer.nationalId === nationalId || hasRole(viewer, ...REGISTER_READERS)) return;
  const register = await readableRegisterOf(ctx, viewer);
  if (register !== null) {
    const theirs = await ctx.loaders.get(membershipByCitizen).load(nationalId);
    if (theirs?.registerNumber === register) return;
  }
  throw appError("FORBIDDEN", ctx.lang);
}

/**
 * How much of a person's contact data (mobile, national address) the viewer sees (RULES.md
 * "Identity and roles"): all of it for the person and a civil-affairs officer; none for a labor
 * officer or a postal operator, whose work needs neither (delivery keeps its own address copy on
 * the shipment); the mobile masked for the person's family.
 */
export type ContactView = "FULL" | "MASKED" | "NONE";

function roleContactView(viewer: Viewer | null, ownerId: string): ContactView {
  if (viewer && (viewer.nationalId === ownerId || hasRole(viewer, "CIVIL_AFFAIRS_OFFICER"))) return "FULL";
  if (!viewer || hasRole(viewer, "LABOR_OFFICER", "POST_OPERATOR", "ANALYST")) return "NONE";
  return "MASKED";
}

/** As above; an officer is a citizen too, and in his own register sees what the rest of his family sees. */
export async function contactView(ctx: RequestContext, ownerId: string): Promise<ContactView> {
  const view = roleContactView(ctx.viewer, ownerId);
  if (view !== "NONE" || !ctx.viewer) return view;
  return (await sameRegister(ctx, ctx.viewer.nationalId, ownerId)) ? "MASKED" : "NONE";
}

/** Whether two people are members of one register. */
export async function sameRegister(ctx: RequestContext, one: string, other: string): Promise<boolean> {
  const [a, b] = await ctx.loaders.get(membershipByCitizen).loadMany([one, other]);
  return Boolean(a && b && !(a instanceof Error) && !(b instanceof Error) && a.registerNumber === b.registerNumber);
}

/** "0551234567" → "05******67" for the person's family; the whole number or nothing as contactView says. */
export function visibleMobile(view: ContactView, mobile: string | null): string | null {
  if (!mobile || view === "NONE") return null;
  if (view === "FULL") return mobile;
  return mobile.length <= 4 ? "*".repeat(mobile.length) : `${mobile.slice(0, 2)}${"*".repeat(mobile.length - 4)}${mobile.slice(-2)}`;
}
