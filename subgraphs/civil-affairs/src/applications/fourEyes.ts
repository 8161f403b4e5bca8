import type { RequestContext } from "../../../../kernel/context";
import { appError } from "../../../../kernel/errors";
import { loaderByKey } from "../../../../kernel/loaders";
import { familyByHead, membersByRegister } from "../registry/loaders";
import type { CardApplication } from "./cardApplication.entity";
import { applicationMessages } from "./messages";

/**
 * The officer and his spouses and children as the registry knows them: marriages not ended,
 * birth records naming him as a parent, and everyone in the register he heads or is a spouse in
 * (a child added on a birth certificate has no birth record here). One statement per officer, and
 * a request has one: a queue page asks it once however many applications it lists.
 */
const officerAndFamily = loaderByKey<string, { officerId: string; ids: Set<string> }, RequestContext>(
  (officerIds, ctx) =>
    Promise.all(
      officerIds.map(async (officerId) => {
        const rows: Array<{ id: string }> = await ctx.db.query(
          `SELECT $1::varchar AS id
           UNION SELECT CASE WHEN husband_id = $1 THEN wife_id ELSE husband_id END FROM marriage WHERE (husband_id = $1 OR wife_id = $1) AND ended_on IS NULL
           UNION SELECT child_id FROM birth_record WHERE father_id = $1 OR mother_id = $1
           UNION SELECT other.national_id FROM family_member own JOIN family_member other ON other.register_number = own.register_number
             WHERE own.national_id = $1 AND own.relation IN ('HEAD', 'SPOUSE')`,
          [officerId],
        );
        return { officerId, ids: new Set(rows.map((row) => row.id)) };
      }),
    ),
  (row) => row.officerId,
);

/** The reader and his spouses and children: whom four-eyes keeps him from acting on (a family's, a person's `viewerMayAct`). */
export async function officersOwnPeople(ctx: RequestContext, officerId: string): Promise<Set<string>> {
  return (await ctx.loaders.get(officerAndFamily).load(officerId))!.ids;
}

/** Everyone an application is about: the applicant, the people it names, and his register's members today. */
async function peopleOf(ctx: RequestContext, application: CardApplication): Promise<string[]> {
  const register = await ctx.loaders.get(familyByHead).load(application.applicantId);
  const members = register ? await ctx.loaders.get(membersByRegister).load(register.registerNumber) : [];
  return [application.applicantId, ...application.spouseIds, ...application.childIds, ...members.map((m) => m.nationalId)];
}

/**
 * Four-eyes (RULES.md "Identity and roles"): whether the officer, his spouse or his child is the
 * applicant or a member of this application, so that he may not act on it. Read through the
 * request's loaders: a move reads it before anything is loaded, and the queue's
 * `CardApplication.viewerMayAct` reads it for a page of applications in three statements.
 */
export async function isOwnCase(ctx: RequestContext, officerId: string, application: CardApplication): Promise<boolean> {
  const [own, people] = await Promise.all([officersOwnPeople(ctx, officerId), peopleOf(ctx, application)]);
  return people.some((id) => own.has(id));
}

/** Four-eyes for a move or a read: FORBIDDEN with `reason: "FOUR_EYES"` on the officer's own or his family's application; any other officer may. */
export async function assertNotOwnCase(ctx: RequestContext, officerId: string, application: CardApplication): Promise<void> {
  if (await isOwnCase(ctx, officerId, application)) {
    throw appError("FORBIDDEN", ctx.lang, applicationMessages.ownCase[ctx.lang](), { reason: "FOUR_EYES" });
  }
}
