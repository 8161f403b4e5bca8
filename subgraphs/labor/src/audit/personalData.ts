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

/** The members a queue listed the object with; null when it was not listed so, or its register has none in the copy. */
const listed = (value: { listedMembers?: string[] }): string[] | null => (value.listedMembers?.length ? value.listedMembers : null);

const registerCache = new WeakMap<RequestContext, Map<string, Promise<string[] | null>>>();

/** An enrollment reached on its own (a mutation's result, `_entities`) and not listed with its members: its family's members, from civil-affairs. */
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
 * Labor's personal data: a family's eligibility, income, wages and enrollments belong to every
 * member; a wage record to its earner. A family or an enrollment listed by an officers' queue
 * (familiesToReview, pendingEnrollments) carries its members as labor's copy of the register lists
 * them (`listedMembers`, read with the page).
 */
export function laborAudit(register: FamilyRegister): AuditPolicy {
  return {
    personal: {
      Family: { owners: (family: Family) => membersInRepresentation(family) ?? listed(family) },
      BenefitEnrollment: {
        ownersFromParent: true,
        owners: (enrollment: BenefitEnrollment, ctx) => listed(enrollment) ?? membersFromRegister(register, enrollment.registerNumber, ctx),
      },
      WageRecord: { owners: (wage: WageRecord) => [wage.nationalId] },
    },
  };
}
