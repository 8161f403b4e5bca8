import type { RequestContext } from "../../../../kernel/context";
import { appError } from "../../../../kernel/errors";
import type { CardApplication } from "./cardApplication.entity";
import { applicationMessages } from "./messages";

/**
 * The officer and his spouses and children as the registry knows them: marriages not ended,
 * birth records naming him as a parent, and everyone in the register he heads or is a spouse in
 * (a child added on a birth certificate has no birth record here).
 */
async function officerAndFamily(ctx: RequestContext, officerId: string): Promise<Set<string>> {
  const rows: Array<{ id: string }> = await ctx.db.query(
    `SELECT $1::varchar AS id
     UNION SELECT CASE WHEN husband_id = $1 THEN wife_id ELSE husband_id END FROM marriage WHERE (husband_id = $1 OR wife_id = $1) AND ended_on IS NULL
     UNION SELECT child_id FROM birth_record WHERE father_id = $1 OR mother_id = $1
     UNION SELECT other.national_id FROM family_member own JOIN family_member other ON other.register_number = own.register_number
       WHERE own.national_id = $1 AND own.relation IN ('HEAD', 'SPOUSE')`,
    [officerId],
  );
  return new Set(rows.map((row) => row.id));
}

/** Everyone an application is about: the applicant, the people it names, and his register's members today. */
async function peopleOf(ctx: RequestContext, application: CardApplication): Promise<string[]> {
  const members: Array<{ national_id: string }> = await ctx.db.query(
    `SELECT m.national_id FROM family_member m JOIN family f ON f.register_number = m.register_number WHERE f.head_id = $1`,
    [application.applicantId],
  );
  return [application.applicantId, ...application.spouseIds, ...application.childIds, ...members.map((m) => m.national_id)];
}

/**
 * Four-eyes (RULES.md "Identity and roles"): no officer acts on an application in which he, his
 * spouse or his child is the applicant or a member. Any other officer may.
 */
export async function assertNotOwnCase(ctx: RequestContext, officerId: string, application: CardApplication): Promise<void> {
  const [own, people] = await Promise.all([officerAndFamily(ctx, officerId), peopleOf(ctx, application)]);
  if (people.some((id) => own.has(id))) {
    throw appError("FORBIDDEN", ctx.lang, applicationMessages.ownCase[ctx.lang](), { reason: "FOUR_EYES" });
  }
}
