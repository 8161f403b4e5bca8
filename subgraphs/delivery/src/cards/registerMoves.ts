import type { EntityManager } from "typeorm";
import type { IssuedCard } from "./issuedCard.entity";

/** The advisory locks' first key: one per person on the card, apart from any other lock. */
const READER_LOCKS = 1776;

/**
 * Who still reads a register's shipments by tracking number: the people its latest card lists. A
 * person belongs to one register, so when a card lists someone an earlier card of another
 * register listed (an adult son who heads a family of his own), he left that register, and when a
 * register's new card leaves someone out (a members update), he left it too: neither looks the
 * earlier cards' shipments up any more, as civil-affairs no longer shows him that family. The
 * cards keep listing him (`member_ids`: the printed card did, and the data-access trail owes him
 * what was read of it then). Events may come out of order (an outbox retries each one on its own),
 * so a card that arrives after its people moved on does not let them read it either.
 */
export async function forgetReadersWhoLeft(tx: EntityManager, card: IssuedCard): Promise<void> {
  // Two cards that share a person, delivered at once (the outbox sends events side by side),
  // would each miss the other's uncommitted row: the second waits here for the first to commit,
  // and its statements then see it. Locked in one order, so two such events never deadlock.
  await tx.query(`SELECT pg_advisory_xact_lock(${READER_LOCKS}, hashtext(id)) FROM (SELECT id FROM unnest($1::text[]) id ORDER BY id) people`, [card.memberIds]);
  // Earlier cards: their register's readers narrowed to this card's people; other registers' lose this card's people.
  await tx.query(
    `UPDATE issued_card SET reader_ids = ARRAY(
       SELECT r FROM unnest(reader_ids) r WHERE CASE WHEN register_number = $2 THEN r = ANY($1::text[]) ELSE r <> ALL($1::text[]) END)
     WHERE issued_at < $3 AND (register_number = $2 OR member_ids && $1::text[])`,
    [card.memberIds, card.registerNumber, card.issuedAt],
  );
  // This card, in case later cards came first: without who is left out of its register's later cards or on another's.
  await tx.query(
    `UPDATE issued_card SET reader_ids = ARRAY(
       SELECT r FROM unnest(reader_ids) r
       WHERE NOT EXISTS (SELECT 1 FROM issued_card later WHERE later.register_number = $1 AND later.issued_at > $2 AND NOT later.member_ids @> ARRAY[r])
         AND NOT EXISTS (SELECT 1 FROM issued_card later WHERE later.member_ids @> ARRAY[r] AND later.register_number <> $1 AND later.issued_at > $2))
     WHERE card_number = $3`,
    [card.registerNumber, card.issuedAt, card.cardNumber],
  );
}
