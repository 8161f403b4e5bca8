import type { AuditPolicy } from "../../../../kernel/audit/policy";
import type { RequestContext } from "../../../../kernel/context";
import { issuedCardByNumber } from "../cards/loaders";
import type { OfficePickupQueueItem } from "../pickups/queueTypes";

/** Everyone on the card, as civil-affairs listed them in CardIssued; null for a card delivery does not know. */
async function peopleOnCard(cardNumber: string, ctx: RequestContext): Promise<string[] | null> {
  return (await ctx.loaders.get(issuedCardByNumber).load(cardNumber))?.memberIds ?? null;
}

/**
 * Delivery's personal data: a card's delivery (address, recipient, tracking) belongs to everyone on
 * the card; so does a card's place in an office's queue (its item carries the card's people, read
 * with it).
 */
export const deliveryAudit: AuditPolicy = {
  personal: {
    FamilyCard: { owners: (card: { cardNumber: string }, ctx) => peopleOnCard(card.cardNumber, ctx) },
    Shipment: { owners: (shipment: { cardNumber: string }, ctx) => peopleOnCard(shipment.cardNumber, ctx) },
    OfficePickup: { owners: (pickup: { cardNumber: string }, ctx) => peopleOnCard(pickup.cardNumber, ctx) },
    OfficePickupQueueItem: { owners: (item: OfficePickupQueueItem) => (item.memberIds.length > 0 ? item.memberIds : null) },
  },
};
