import type { EntityManager } from "typeorm";
import type { IssuedCard } from "./issuedCard.entity";

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
  const values = [card.memberIds, card.registerNumber, card.issuedAt];
  // Earlier cards: their register's readers narrowed to this card's people; other registers' lose this card's people.
  await tx.query(
    `UPDATE issued_card SET reader_ids = ARRAY(
       SELECT r FROM unnest(reader_ids) r WHERE CASE WHEN register_number = $2 THEN r = ANY($1::text[]) ELSE r <> ALL($1::text[]) END)
     WHERE issued_at < $3 AND (register_number = $2 OR member_ids && $1::text[])`,
    values,
  );
  // This card, if later cards came first: without those they left for, or were left out of, since.
  await tx.query(
    `UPDATE issued_card SET reader_ids = ARRAY(
       SELECT r FROM unnest(reader_ids) r WHERE NOT EXISTS (
         SELECT 1 FROM issued_card later WHERE later.issued_at > $3
           AND (later.register_number = $2) <> (later.member_ids @> ARRAY[r])))
     WHERE card_number = $4
       AND EXISTS (SELECT 1 FROM issued_card later WHERE later.issued_at > $3 AND (later.register_number = $2 OR later.member_ids && $1::text[]))`,
    [...values, card.cardNumber],
  );
}
