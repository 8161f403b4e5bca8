/** Saudi Arabia keeps UTC+3 all year (no daylight saving), so a fixed offset gives the local date. */
const RIYADH_OFFSET_MS = 3 * 60 * 60 * 1000;

const FRIDAY = 5;
const SATURDAY = 6;

/** The calendar date ("YYYY-MM-DD") in Riyadh at an instant. */
export function riyadhDate(instant: Date): string {
  return new Date(instant.getTime() + RIYADH_OFFSET_MS).toISOString().slice(0, 10);
}

/** The local time in Riyadh at an instant, to the minute ("YYYY-MM-DDTHH:mm", a `datetime-local` input's value). */
export function riyadhLocalMinute(instant: Date): string {
  return new Date(instant.getTime() + RIYADH_OFFSET_MS).toISOString().slice(0, 16);
}

/** A local time in Riyadh ("YYYY-MM-DDTHH:mm", seconds optional) as a DateTime with its offset. */
export function riyadhLocalToDateTime(local: string): string {
  return `${local.length === 16 ? `${local}:00` : local}+03:00`;
}

/**
 * Today in Riyadh by the clock: for process-level defaults and scripts (the demo anchor, seeding).
 * A rule never calls it: it takes the request's `ctx.today` (kernel/context.ts) as an argument.
 */
export function riyadhToday(): string {
  return riyadhDate(new Date());
}

/** `date` plus `days` working days; Friday and Saturday (the Saudi weekend) are not counted. */
export function addWorkingDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    day.setUTCDate(day.getUTCDate() + 1);
    const weekday = day.getUTCDay();
    if (weekday !== FRIDAY && weekday !== SATURDAY) left--;
  }
  return day.toISOString().slice(0, 10);
}

/** The instant a Riyadh calendar day ("YYYY-MM-DD") begins. */
export function riyadhMidnight(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - RIYADH_OFFSET_MS);
}
