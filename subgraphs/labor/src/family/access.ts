import { requireViewer, type RequestContext } from "../../../../kernel/context";
import { hasRole } from "../../../../kernel/auth/viewer";
import { appError } from "../../../../kernel/errors";
import { isMinorChild } from "../../../../kernel/adulthood";
import { copiedComposition } from "../register/registerCopy";
import type { Family, FamilyComposition } from "./family.type";

/**
 * Who may read a family's labor facts (eligibility, income, wages, enrollments), and from which
 * composition: a labor officer any family's, from the register facts the gateway fetched from
 * civil-affairs; a citizen their own family's (any member but a child under 18 on the request's
 * day, `ctx.today`), from labor's own copy of the register. A citizen's read never rests on the
 * representation: whoever holds the gateway credential could list anyone in it and read his wage.
 * The copy's composition replaces the representation's on `family`, read or refused, so the audit
 * records its real members. A register the copy does not know yet (its CardIssued on its way) is FORBIDDEN until it arrives.
 */
export async function requireFamilyReader(ctx: RequestContext, family: Family): Promise<FamilyComposition> {
  const viewer = requireViewer(ctx);
  if (hasRole(viewer, "LABOR_OFFICER")) {
    if (!family.head || !family.members) throw new Error("A family arrived without the register facts its fields @require");
    return family as FamilyComposition;
  }
  const copy = await ctx.loaders.get(copiedComposition).load(family.registerNumber);
  // Read or refused, the family is the copy's: the audit records its members, never whom a representation named.
  family.head = copy?.head;
  family.members = copy?.members ?? [];
  const self = copy?.members.find((member) => member.citizen.nationalId === viewer.nationalId);
  if (!copy || !self || isMinorChild(self.relation, self.citizen.birthDate, ctx.today)) throw appError("FORBIDDEN", ctx.lang);
  return copy;
}
