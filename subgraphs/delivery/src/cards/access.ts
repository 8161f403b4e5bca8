import type { Role } from "../../../../kernel/auth/viewer";
import { hasRole } from "../../../../kernel/auth/viewer";
import { requireViewer, type RequestContext } from "../../../../kernel/context";
import { appError } from "../../../../kernel/errors";
import { issuedCardByNumber } from "./loaders";
import type { IssuedCard } from "./issuedCard.entity";

/** Staff who handle deliveries: the postal operator and civil-affairs officers (pickups). */
export const DELIVERY_STAFF: Role[] = ["POST_OPERATOR", "CIVIL_AFFAIRS_OFFICER"];

/**
 * Who sees a card's delivery: delivery staff, and the people on the card as civil-affairs listed
 * them in CardIssued (never what a client claims). Anyone else signed in gets FORBIDDEN (and a null
 * field), as civil-affairs answers for another family's record; without a token, UNAUTHENTICATED.
 * Returns null when delivery knows no such card.
 */
export async function readableIssuedCard(ctx: RequestContext, cardNumber: string): Promise<IssuedCard | null> {
  const viewer = requireViewer(ctx);
  const card = await ctx.loaders.get(issuedCardByNumber).load(cardNumber);
  if (!card || hasRole(viewer, ...DELIVERY_STAFF) || card.memberIds.includes(viewer.nationalId)) return card;
  throw appError("FORBIDDEN", ctx.lang);
}
