import { hasRole, type Role, type Viewer } from "../../../../kernel/auth/viewer";
import { requireViewer, type RequestContext } from "../../../../kernel/context";
import { appError } from "../../../../kernel/errors";
import { issuedCardByNumber } from "./loaders";
import type { IssuedCard } from "./issuedCard.entity";

/** Staff who handle deliveries: the postal operator and civil-affairs officers (pickups). */
export const DELIVERY_STAFF: Role[] = ["POST_OPERATOR", "CIVIL_AFFAIRS_OFFICER"];

/**
 * The one rule of who reads a card's delivery (its shipment, its office pickup), on every path:
 * `FamilyCard.delivery`, `shipment(trackingNumber)` and `_entities`. Delivery staff any card's;
 * otherwise the card's readers as delivery keeps them (`readerIds`: the head, a spouse, a child of
 * age when the card was issued, less whoever left the register since, see registerMoves.ts), never
 * what a client claims. A minor child and someone a later card leaves out are on the card
 * (`memberIds`, whose data it is) but read nothing of it. Anyone else signed in gets FORBIDDEN (and
 * a null field), as civil-affairs answers for another family's record; without a token,
 * UNAUTHENTICATED. Returns null when delivery knows no such card (yet: its CardIssued may be on its
 * way), as the card's number comes from civil-affairs through the gateway.
 */
export async function readableIssuedCard(ctx: RequestContext, cardNumber: string): Promise<IssuedCard | null> {
  const viewer = requireViewer(ctx);
  const card = await ctx.loaders.get(issuedCardByNumber).load(cardNumber);
  if (!card || mayRead(viewer, card)) return card;
  throw appError("FORBIDDEN", ctx.lang);
}

/** Whether this person reads the card's delivery (readableIssuedCard). */
export function mayRead(viewer: Viewer, card: IssuedCard): boolean {
  return hasRole(viewer, ...DELIVERY_STAFF) || (card.readerIds?.includes(viewer.nationalId) ?? false);
}
