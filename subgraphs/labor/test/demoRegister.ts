import { hasRole } from "../../../kernel/auth/viewer";
import { requireViewer } from "../../../kernel/context";
import { appError } from "../../../kernel/errors";
import type { FamilyRegister } from "../src/civilAffairs/civilAffairsRegister";
import { laborResolvers } from "../src/definition";
import { loadRuleSet } from "../src/rules/loadRuleSet";
import { SHIPPED_RULES_FILE } from "../src/settings";
import { compositionOf, isDemoFamily } from "./demoFamilies";

/** Stands in for civil-affairs' API: the demo families, readable by officers and by their members. */
export const demoRegister: FamilyRegister = {
  async family(registerNumber, ctx) {
    const viewer = requireViewer(ctx);
    if (!isDemoFamily(registerNumber)) return null;
    const family = compositionOf(registerNumber);
    const member = family.members.some((m) => m.citizen.nationalId === viewer.nationalId);
    if (!member && !hasRole(viewer, "LABOR_OFFICER", "CIVIL_AFFAIRS_OFFICER")) throw appError("FORBIDDEN", ctx.lang);
    return { ...family, viewerMayAct: !member };
  },
  // The stand-in knows no marriage or birth records: only the reader himself is his own, and everyone is born long ago.
  async person(nationalId, ctx) {
    return { viewerMayAct: nationalId !== requireViewer(ctx).nationalId, birthDate: "1900-01-01" };
  },
};

/** Labor's resolver instances with the shipped rules over this stand-in: what `run` executes. */
export const resolversOverDemoRegister = (): object[] => laborResolvers(loadRuleSet(SHIPPED_RULES_FILE), demoRegister);
