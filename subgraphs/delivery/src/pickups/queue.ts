import type { RequestContext } from "../../../../kernel/context";
import { CARD_NUMBER_MAX_LENGTH } from "../../../../kernel/events/cardIssued";
import { exactInstant, instantCursor, instantThenKey, pageRequest, queuePage } from "../../../../kernel/graphql/paging";
import { CivilAffairsOfficeRef } from "./civilAffairsOffice.type";
import { PickupStatus } from "./pickupStatus";
import { OfficePickupQueueItem, type OfficePickupQueueConnection } from "./queueTypes";

/** Cursors of this queue: the instant a card waits since, then its card number (FC + register number + version). */
const READ_CURSOR = instantThenKey(new RegExp(`^[A-Z0-9]{1,${CARD_NUMBER_MAX_LENGTH}}$`));
const HOUR = 3_600_000;

/** Pickups still waiting, as constants in the statement, so that the partial indexes office_pickup_*waiting_idx serve it. */
const WAITING = `p.status IN ('${PickupStatus.PREPARING}', '${PickupStatus.READY_FOR_PICKUP}')`;
/** Since when a card waits: its pickup's creation (issue, or return by Saudi Post), through PREPARING and READY_FOR_PICKUP alike. */
const SINCE = "p.created_at";

interface Row {
  cardNumber: string;
  officeId: string;
  status: PickupStatus;
  readyAt: Date | null;
  waitingSince: Date;
  cursorAt: string;
  memberIds: string[];
}

/**
 * The offices' queue: the cards waiting at an office (or at every office), the one waiting longest
 * first. Two statements whatever the page size: the page, with who is on each card (issued_card),
 * and the count.
 */
export async function pickupsAwaitingCollection(
  ctx: RequestContext,
  officeId: string | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<OfficePickupQueueConnection> {
  const { size, after: position } = pageRequest(ctx.lang, first, after, READ_CURSOR);
  const office = officeId?.trim() || null;
  const filters = [WAITING, ...(office ? ["p.office_id = $1"] : [])];
  const params: unknown[] = office ? [office] : [];
  const countSql = `SELECT count(*)::int AS n FROM office_pickup p WHERE ${filters.join(" AND ")}`;
  const pageFilters = [...filters];
  const pageParams = [...params];
  if (position) {
    pageParams.push(position.at, position.key);
    pageFilters.push(`(${SINCE}, p.card_number) > (CAST($${pageParams.length - 1} AS timestamptz), $${pageParams.length})`);
  }
  pageParams.push(size + 1);
  const pageSql = `
    SELECT p.card_number AS "cardNumber", p.office_id AS "officeId", p.status, p.ready_at AS "readyAt",
      ${SINCE} AS "waitingSince", ${exactInstant(SINCE)} AS "cursorAt", coalesce(c.member_ids, '{}') AS "memberIds"
    FROM office_pickup p LEFT JOIN issued_card c ON c.card_number = p.card_number
    WHERE ${pageFilters.join(" AND ")}
    ORDER BY ${SINCE}, p.card_number
    LIMIT $${pageParams.length}`;
  const [rows, [count]]: [Row[], Array<{ n: number }>] = await Promise.all([ctx.db.query(pageSql, pageParams), ctx.db.query(countSql, params)]);
  const cursorAt = new Map(rows.map((row) => [row.cardNumber, row.cursorAt]));
  const items = rows.map((row) => {
    const waitingSince = new Date(row.waitingSince);
    return Object.assign(new OfficePickupQueueItem(), {
      cardNumber: row.cardNumber,
      office: Object.assign(new CivilAffairsOfficeRef(), { id: row.officeId }),
      status: row.status,
      readyAt: row.readyAt === null ? null : new Date(row.readyAt),
      waitingSince,
      waitingHours: Math.max(0, Math.round(((ctx.now.getTime() - waitingSince.getTime()) / HOUR) * 100) / 100),
      memberIds: row.memberIds,
    });
  });
  return queuePage(items, size, Number(count!.n), (item) => instantCursor({ at: cursorAt.get(item.cardNumber)!, key: item.cardNumber }));
}
