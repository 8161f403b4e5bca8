import type { AuditPolicy } from "../../../../kernel/audit/policy";
import type { RequestContext } from "../../../../kernel/context";
import type { CardApplication } from "../applications/cardApplication.entity";
import type { DocumentContent } from "../applications/documents/documentContent.type";
import type { DocumentRequirement } from "../applications/documentRequirement.type";
import type { Citizen } from "../registry/citizen.entity";
import type { Family } from "../registry/family.entity";
import type { FamilyCard } from "../registry/familyCard.entity";
import type { FamilyMember } from "../registry/familyMember.entity";
import { normalizeDigits } from "../../../../kernel/digits";
import { memberRowsByRegister, membersByRegister } from "../registry/loaders";

/** The members' IDs: from the members the request read, else from a read of the members without their citizens. */
async function membersOf(registerNumber: string, ctx: RequestContext): Promise<string[]> {
  const members = await (ctx.loaders.existing(membersByRegister) ?? ctx.loaders.get(memberRowsByRegister)).load(registerNumber);
  return members.map((member) => member.nationalId);
}

/** Civil-affairs' personal data: whose data each of these types is (kernel/audit). */
export const civilAffairsAudit: AuditPolicy = {
  personal: {
    Citizen: { owners: (citizen: Citizen) => [citizen.nationalId] },
    FamilyMember: { owners: (member: FamilyMember) => [member.nationalId] },
    // A family's register, cards and card are every member's data: recorded for each member.
    Family: { owners: (family: Family, ctx) => membersOf(family.registerNumber, ctx) },
    FamilyCard: { owners: (card: FamilyCard, ctx) => membersOf(card.registerNumber, ctx) },
    CardApplication: { owners: (application: CardApplication) => [application.applicantId] },
    // What the rules ask for a spouse or child named: what the registry says of his link to the applicant, his.
    DocumentRequirement: { owners: (requirement: DocumentRequirement) => (requirement.personId ? [requirement.personId] : null) },
    // A document's bytes: the applicant's and those of the people the document is about (documentContent.ts).
    DocumentContent: { owners: (content: DocumentContent) => content.concerns },
  },
  // Someone refused a person or a register he named: in that person's, or each member's, report.
  // Read aside from the request's loaders, which keep nothing of what the reader was refused.
  namedByArguments: {
    citizen: async (args, ctx) => {
      const nationalId = normalizeDigits(String(args.nationalId).trim());
      const found = (await ctx.db.query(`SELECT 1 FROM citizen WHERE national_id = $1`, [nationalId])) as unknown[];
      return found.length > 0 ? { type: "Citizen", value: { nationalId } } : null;
    },
    family: async (args) => ({ type: "Family", value: { registerNumber: normalizeDigits(String(args.registerNumber).trim()) } }),
  },
};
