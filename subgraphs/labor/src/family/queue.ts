import type { RequestContext } from "../../../../kernel/context";
import { encodeCursor, pageRequest, queuePage, type CursorReader } from "../../../../kernel/graphql/paging";
import { Family, FamilyRelation } from "./family.type";
import type { FamilyConnection } from "./queueTypes";

/** Cursors of this list: a register number (10 digits). */
const READ_CURSOR: CursorReader<string> = ([registerNumber, ...rest]) => (rest.length === 0 && registerNumber !== undefined && /^\d{10}$/.test(registerNumber) ? registerNumber : null);

/** The families of labor's copy with a head, as refreshStaleEligibility and compositionsOf take them. */
const WITH_HEAD = `EXISTS (SELECT 1 FROM register_member m WHERE m.register_number = f.register_number AND m.relation = '${FamilyRelation.HEAD}')`;

/**
 * The families a labor officer may review, from labor's own copy of the register (fed by
 * civil-affairs' CardIssued events), by register number. Each node is the family's key, as
 * familiesForReview's: the gateway fetches its register facts from civil-affairs and its labor
 * fields from labor. It carries the copy's members (`listedMembers`): whose data the listing is,
 * for the audit. Two statements whatever the page size: the page with its members, and the count.
 */
export async function familiesToReview(ctx: RequestContext, first: number | null | undefined, after: string | null | undefined): Promise<FamilyConnection> {
  const { size, after: position } = pageRequest(ctx.lang, first, after, READ_CURSOR);
  const pageSql = `
    SELECT f.register_number AS "registerNumber",
      ARRAY(SELECT m.national_id FROM register_member m WHERE m.register_number = f.register_number ORDER BY m.national_id) AS "memberIds"
    FROM register_family f
    WHERE ${WITH_HEAD}${position ? " AND f.register_number > $2" : ""}
    ORDER BY f.register_number LIMIT $1`;
  const countSql = `SELECT count(*)::int AS n FROM register_family f WHERE ${WITH_HEAD}`;
  const [rows, [count]]: [Array<{ registerNumber: string; memberIds: string[] }>, Array<{ n: number }>] = await Promise.all([
    ctx.db.query(pageSql, position ? [size + 1, position] : [size + 1]),
    ctx.db.query(countSql),
  ]);
  const families = rows.map((row) => Object.assign(new Family(), { registerNumber: row.registerNumber, listedMembers: row.memberIds }));
  return queuePage(families, size, Number(count!.n), (family) => encodeCursor(family.registerNumber));
}
