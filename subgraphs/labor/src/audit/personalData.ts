import type { AuditPolicy } from "../../../../kernel/audit/policy";
import type { RequestContext } from "../../../../kernel/context";
import type { FamilyRegister } from "../civilAffairs/civilAffairsRegister";
import type { BenefitEnrollment } from "../enrollments/benefitEnrollment.entity";
import type { Family } from "../family/family.type";
import type { WageRecord } from "../wages/wageRecord.entity";

/** The members named in the register facts the gateway handed over; null for a bare key. */
function membersInRepresentation(family: Family): string[] | null {
  if (!family.members) return family.head ? [family.head.nationalId] : null;
  const ids = new Set(family.members.map((member) => member.citizen.nationalId));
  if (family.head) ids.add(family.head.nationalId);
  return [...ids];
}

const registerCache = new WeakMap<RequestContext, Map<string, Promise<string[] | null>>>();

/** An enrollment reached on its own (a mutation's result, `_entities`): its family's members, from civil-affairs. */
function membersFromRegister(register: FamilyRegister, registerNumber: string, ctx: RequestContext): Promise<string[] | null> {
  let cache = registerCache.get(ctx);
  if (!cache) registerCache.set(ctx, (cache = new Map()));
  let members = cache.get(registerNumber);
  if (!members) {
    members = register
      .family(registerNumber, ctx)
      .then((family) => (family ? membersInRepresentation(family) : null))
      .catch(() => null);
    cache.set(registerNumber, members);
  }
  return members;
}

/**
 * Labor's personal data: a family's eligibility, income and enrollments belong to every member;
 * a wage record to its earner.
 */
export function laborAudit(register: FamilyRegister): AuditPolicy {
  return {
    personal: {
      Family: { owners: (family: Family) => membersInRepresentation(family) },
      BenefitEnrollment: {
        ownersFromParent: true,
        owners: (enrollment: BenefitEnrollment, ctx) => membersFromRegister(register, enrollment.registerNumber, ctx),
      },
      WageRecord: { owners: (wage: WageRecord) => [wage.nationalId] },
    },
  };
}
