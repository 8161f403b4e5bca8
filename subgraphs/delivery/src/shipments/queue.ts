import type { RequestContext } from "../../../../kernel/context";
import { IssuedCard } from "../cards/issuedCard.entity";
import { issuedCardByNumber } from "../cards/loaders";
import { exactInstant, instantCursor, instantThenKey, pageRequest, queuePage } from "../../../../kernel/graphql/paging";
import type { ShipmentConnection } from "./queueTypes";
import { Shipment } from "./shipment.entity";
import { IN_TRANSIT_STATUSES } from "./shipmentStatus";

/** Cursors of this queue: the latest event's instant, then a tracking number as delivery issues them (UPU S10, trackingNumber.ts). */
const READ_CURSOR = instantThenKey(/^[A-Z]{2}\d{9}[A-Z]{2}$/);

/**
 * Shipments not in a final status (neither DELIVERED nor RETURNED_TO_OFFICE): the statuses, as
 * constants, in the statement itself, so that the partial index shipment_awaiting_event_idx serves it.
 */
const AWAITING = `s.status IN (${IN_TRANSIT_STATUSES.map((status) => `'${status}'`).join(", ")})`;

type Row = Shipment & { card?: IssuedCard | null };

/**
 * The postal operators' queue: every shipment still on its way, the one whose latest event is the
 * oldest (waiting longest for the next) first. Two statements whatever the page size: the page
 * with each shipment's card (who is on it: the audit's owners, primed into issuedCardByNumber), and
 * the count.
 */
export async function shipmentsAwaitingEvent(ctx: RequestContext, first: number | null | undefined, after: string | null | undefined): Promise<ShipmentConnection> {
  const { size, after: position } = pageRequest(ctx.lang, first, after, READ_CURSOR);
  const base = ctx.db.getRepository(Shipment).createQueryBuilder("s").where(AWAITING);
  const page = base
    .clone()
    .addSelect(exactInstant("s.last_event_at"), "cursor_at")
    .leftJoinAndMapOne("s.card", IssuedCard, "card", "card.cardNumber = s.cardNumber")
    .orderBy("s.lastEventAt", "ASC")
    .addOrderBy("s.trackingNumber", "ASC")
    .limit(size + 1);
  if (position) page.andWhere("(s.last_event_at, s.tracking_number) > (CAST(:at AS timestamptz), :key)", { at: position.at, key: position.key });
  const [{ entities, raw }, totalCount] = await Promise.all([page.getRawAndEntities(), base.getCount()]);
  const cursorAt = new Map((raw as Array<{ s_tracking_number: string; cursor_at: string }>).map((row) => [row.s_tracking_number, row.cursor_at]));
  const cards = ctx.loaders.get(issuedCardByNumber);
  for (const row of entities as Row[]) {
    cards.prime(row.cardNumber, row.card ?? null);
    delete row.card;
  }
  return queuePage<Shipment>(entities, size, totalCount, (shipment) => instantCursor({ at: cursorAt.get(shipment.trackingNumber)!, key: shipment.trackingNumber }));
}
