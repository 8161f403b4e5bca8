import type { RequestContext } from "../../../../kernel/context";
import { appError } from "../../../../kernel/errors";
import { cardMessages } from "./messages";

/**
 * Four-eyes for delivery's moves (RULES.md "Identity and roles"): no officer moves the delivery of
 * a card on which he, his spouse or his child is. Delivery knows people only as the cards list
 * them, not how they are related, so his family is everyone on a card he is on: a brother on their
 * father's card counts too, which errs on the side of another officer. One statement, by the GIN
 * index on the cards' members; the card is named by its number or its shipment's tracking number.
 */
export async function assertNotOwnCard(ctx: RequestContext, officerId: string, card: { cardNumber: string } | { trackingNumber: string }): Promise<void> {
  const [row] = (await ctx.db.query(
    `SELECT EXISTS (
       SELECT 1 FROM issued_card c
       WHERE c.card_number = coalesce($2, (SELECT s.card_number FROM shipment s WHERE s.tracking_number = $3))
         AND c.member_ids && ARRAY(SELECT m FROM issued_card own, unnest(own.member_ids) m WHERE own.member_ids @> ARRAY[$1]::text[])
     ) AS "own"`,
    [officerId, "cardNumber" in card ? card.cardNumber : null, "trackingNumber" in card ? card.trackingNumber : null],
  )) as Array<{ own: boolean }>;
  if (row?.own) throw appError("FORBIDDEN", ctx.lang, cardMessages.ownCard[ctx.lang](), { reason: "FOUR_EYES" });
}
