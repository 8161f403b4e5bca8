import type { RequestContext } from "../../../../kernel/context";
import { exactInstant, instantCursor, instantThenKey, pageRequest, queuePage } from "../../../../kernel/graphql/paging";
import { BenefitEnrollment, EnrollmentStatus } from "./benefitEnrollment.entity";
import type { BenefitEnrollmentConnection } from "./queueTypes";

/** Cursors of this queue: when the family applied, then the enrollment's id (a UUID). */
const READ_CURSOR = instantThenKey(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

/** The status as a constant in the statement, so that the partial index benefit_enrollment_pending_idx serves it. */
const PENDING = `e.status = '${EnrollmentStatus.PENDING}'`;

/** Each enrollment's family members in labor's copy of the register: whose data it is, for the audit. */
const MEMBERS = `ARRAY(SELECT m.national_id FROM register_member m WHERE m.register_number = e.register_number ORDER BY m.national_id)`;

interface RawRow {
  e_id: string;
  cursor_at: string;
  listed_members: string[];
}

/**
 * The labor officers' queue: every PENDING enrollment, across all families, in the order they were
 * applied for. Two statements whatever the page size: the page, with each enrollment's family
 * members in labor's copy (`listedMembers`), and the count.
 */
export async function pendingEnrollments(ctx: RequestContext, first: number | null | undefined, after: string | null | undefined): Promise<BenefitEnrollmentConnection> {
  const { size, after: position } = pageRequest(ctx.lang, first, after, READ_CURSOR);
  const base = ctx.db.getRepository(BenefitEnrollment).createQueryBuilder("e").where(PENDING);
  const page = base
    .clone()
    .addSelect(exactInstant("e.applied_at"), "cursor_at")
    .addSelect(MEMBERS, "listed_members")
    .orderBy("e.appliedAt", "ASC")
    .addOrderBy("e.id", "ASC")
    .limit(size + 1);
  if (position) page.andWhere("(e.applied_at, e.id) > (CAST(:at AS timestamptz), CAST(:id AS uuid))", { at: position.at, id: position.key.toLowerCase() });
  const [{ entities, raw }, totalCount] = await Promise.all([page.getRawAndEntities(), base.getCount()]);
  const rawOf = new Map((raw as RawRow[]).map((row) => [row.e_id, row]));
  for (const enrollment of entities) enrollment.listedMembers = rawOf.get(enrollment.id)!.listed_members;
  return queuePage(entities, size, totalCount, (enrollment) => instantCursor({ at: rawOf.get(enrollment.id)!.cursor_at, key: enrollment.id }));
}
