import { requireViewer, type RequestContext } from "../../../../kernel/context";
import { hasRole } from "../../../../kernel/auth/viewer";
import { appError } from "../../../../kernel/errors";
import { isMinorChild } from "../../../../kernel/adulthood";
import type { Family, FamilyComposition } from "./family.type";

/**
 * Who may read a family's labor facts (eligibility, income, enrollments): a labor officer any
 * family's; a citizen their own family's, as civil-affairs lets them read it (any member but a
 * child under 18 on the request's day, `ctx.today`). Membership comes from the register facts the
 * gateway fetched from civil-affairs.
 */
export function requireFamilyReader(ctx: RequestContext, family: Family): FamilyComposition {
  const viewer = requireViewer(ctx);
  if (!family.head || !family.members) {
    throw new Error(`Family ${family.registerNumber} arrived without the register facts its fields @require`);
  }
  const composition = family as FamilyComposition;
  if (hasRole(viewer, "LABOR_OFFICER")) return composition;
  const self = composition.members.find((member) => member.citizen.nationalId === viewer.nationalId);
  if (self && !isMinorChild(self.relation, self.citizen.birthDate, ctx.today)) return composition;
  throw appError("FORBIDDEN", ctx.lang);
}
