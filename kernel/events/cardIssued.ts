import type { NationalAddress } from "../graphql/nationalAddress";

/**
 * The CardIssued event, written by civil-affairs into its outbox in the transaction that issues
 * the card, and POSTed (HMAC-signed, at least once) to each subscriber, e.g. delivery's /events.
 */
export interface CardIssuedEvent {
  type: "CardIssued";
  eventId: string;
  occurredAt: string;
  cardNumber: string;
  registerNumber: string;
  version: number;
  applicationId: string;
  deliveryMethod: "SAUDI_POST" | "OFFICE_PICKUP";
  /** The office for OFFICE_PICKUP; for SAUDI_POST the office a returned card waits at. */
  officeId: string | null;
  /** Snapshot of the head's national address for SAUDI_POST, null otherwise. */
  address: NationalAddress | null;
  recipientName: string;
  headNationalId: string;
  /** Everyone on the card: delivery lets these people, and only them, see the delivery. */
  memberIds: string[];
  /**
   * The register's composition as eligibility needs it (added after memberIds: a consumer must
   * accept an event without it, from a publisher not yet upgraded, and ignore fields it does not know).
   */
  members?: RegisterMemberFacts[];
  issuedAt: string;
}

/** One person of a family register, with the facts social support decides on. */
export interface RegisterMemberFacts {
  nationalId: string;
  relation: "HEAD" | "SPOUSE" | "SON" | "DAUGHTER";
  birthDate: string;
  nationality: string;
}

export const EVENTS_PATH = "/events";

/** "FC", the 10-digit register number and the card's version (2 digits, 3 from a family's 100th card). */
export const CARD_NUMBER_MAX_LENGTH = 16;
