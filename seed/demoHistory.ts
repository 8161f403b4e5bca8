import { riyadhMidnight } from "../kernel/riyadhCalendar";
import type { ApplicationKind, ApplicationStatus, Cast, CastApplication, CastCard, CastDelivery, CastFamily } from "./demoCast";
import { random } from "./random";

/** How far back the demo history reaches: the dashboards' longest window picker. */
export const HISTORY_DAYS = 90;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The instant `daysBefore` days before the anchor day, at `hour` o'clock in Riyadh. */
function riyadhTime(anchor: string, daysBefore: number, hour: number): number {
  return riyadhMidnight(anchor).getTime() - daysBefore * DAY + hour * HOUR;
}

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

/**
 * Where a recent card's delivery stands, chosen so that every step of it (seed/demo timings: at most
 * ~5 days to the door, ~3 days to be ready at an office, ~4 more to be collected) ends before the
 * anchor day: nothing in the demo data happens after the first start.
 */
function deliveryOf(method: CastCard["deliveryMethod"], daysBefore: number, rnd: () => number): CastDelivery {
  const roll = rnd();
  if (method === "OFFICE_PICKUP") {
    if (daysBefore <= 3) return "PREPARING";
    return daysBefore <= 8 || roll < 0.15 ? "READY_FOR_PICKUP" : "COLLECTED";
  }
  if (daysBefore <= 5) return "IN_TRANSIT";
  if (daysBefore >= 12 && roll < 0.08) return "RETURNED_TO_OFFICE";
  if (daysBefore >= 10 && daysBefore <= 40 && roll < 0.25) return "DELAYED";
  return "DELIVERED";
}

/** A card issued `daysBefore` days before the anchor: a first card, or a replacement of the family's card. */
function recentCard(card: CastCard, registerNumber: string, daysBefore: number, issuedAt: number, rnd: () => number): CastCard {
  const kind = pick<ApplicationKind>(rnd, ["NEW_CARD", "NEW_CARD", "REPLACEMENT_LOST", "REPLACEMENT_DAMAGED", "MEMBERS_UPDATE"]);
  const version = kind === "NEW_CARD" ? 1 : 2;
  return {
    ...card,
    cardNumber: `FC${registerNumber}${String(version).padStart(2, "0")}`,
    version,
    kind,
    hoursToIssue: 6 + Math.floor(rnd() * 140),
    issuedAt: new Date(issuedAt).toISOString(),
    delivery: deliveryOf(card.deliveryMethod, daysBefore, rnd),
    previous: version === 1 ? null : { cardNumber: card.cardNumber, issuedAt: card.issuedAt },
  };
}

/** Each status's moves from creation, with the hours after it (all within the same day). */
const PATHS: Record<Exclude<ApplicationStatus, "ISSUED">, Array<[ApplicationStatus, number]>> = {
  DRAFT: [["DRAFT", 0]],
  SUBMITTED: [["DRAFT", 0], ["SUBMITTED", 1]],
  UNDER_REVIEW: [["DRAFT", 0], ["SUBMITTED", 1], ["UNDER_REVIEW", 3]],
  NEEDS_CORRECTION: [["DRAFT", 0], ["SUBMITTED", 1], ["UNDER_REVIEW", 3], ["NEEDS_CORRECTION", 5]],
  APPROVED: [["DRAFT", 0], ["SUBMITTED", 1], ["UNDER_REVIEW", 3], ["APPROVED", 5]],
  REJECTED: [["DRAFT", 0], ["SUBMITTED", 1], ["UNDER_REVIEW", 3], ["REJECTED", 5]],
  CANCELLED: [["DRAFT", 0], ["SUBMITTED", 1], ["CANCELLED", 2]],
};

/** An application that has not (or will never) become a card: a replacement, or a first card for a family without one. */
function otherApplication(family: CastFamily, createdAt: number, rnd: () => number): CastApplication {
  const status = pick(rnd, Object.keys(PATHS) as Array<keyof typeof PATHS>);
  const kind = family.card ? pick<ApplicationKind>(rnd, ["REPLACEMENT_LOST", "REPLACEMENT_DAMAGED", "MEMBERS_UPDATE"]) : "NEW_CARD";
  return {
    applicantId: family.headId,
    registerNumber: family.registerNumber,
    // Past its draft, an application passed submission's rules: a damaged card's needs a photo, which the demo has none of.
    kind: kind === "REPLACEMENT_DAMAGED" && status !== "DRAFT" ? "REPLACEMENT_LOST" : kind,
    status,
    moves: PATHS[status].map(([to, hours]) => ({ to, at: new Date(createdAt + hours * HOUR).toISOString() })),
  };
}

/**
 * Spreads the synthetic families' recent activity over the HISTORY_DAYS days before `anchor` (a
 * Riyadh date): about half get a card issued then (every kind; deliveries in transit, delayed,
 * returned, waiting at an office or done), a quarter an application in another state. Family n's
 * day is fixed by n, so every day of the window has some; all of it is a function of the cast and
 * the anchor, so the three agencies, seeding apart, tell one story.
 */
export function withHistory(cast: Cast, anchor: string): Cast {
  const applications: CastApplication[] = [];
  const families = cast.families.map((family) => {
    const index = Number(family.registerNumber.slice(2));
    const rnd = random(1_000_003 + index);
    const daysBefore = 1 + ((index * 37) % HISTORY_DAYS);
    const at = riyadhTime(anchor, daysBefore, 8 + Math.floor(rnd() * 10));
    const roll = rnd();
    if (family.card && roll < 0.55) return { ...family, card: recentCard(family.card, family.registerNumber, daysBefore, at, rnd) };
    if (roll < 0.8) applications.push(otherApplication(family, at, rnd));
    return family;
  });
  return { ...cast, families, applications: [...cast.applications, ...applications] };
}
