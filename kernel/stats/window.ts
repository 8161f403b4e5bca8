import { Violations } from "../errors";
import { arabicCount, messages, type Lang } from "../i18n";
import { riyadhDate } from "../riyadhCalendar";

const DAY_MS = 86_400_000;
/** RULES.md "Dashboards": without `from` a window starts 30 days before `to`; it spans at most 366 days. */
export const DEFAULT_WINDOW_DAYS = 30;
export const MAX_WINDOW_DAYS = 366;

export const windowMessages = messages({
  fromAfterTo: {
    en: () => "The window's start (from) is after its end (to).",
    ar: () => "بداية الفترة (from) بعد نهايتها (to).",
  },
  tooLong: {
    en: (p: { max: number }) => `A window spans at most ${p.max} days.`,
    ar: (p: { max: number }) => `لا تتجاوز الفترة ${arabicCount(p.max, { singular: "يوم", dual: "يومين", plural: "أيام", accusative: "يوماً" })}.`,
  },
});

/** A dashboard window: instants [from, to) and the Riyadh calendar days it touches, oldest first. */
export interface StatsWindow {
  from: Date;
  to: Date;
  days: string[];
}

/** The calendar days in Riyadh from the one holding `from` to the one holding the window's last instant. */
export function riyadhDays(from: Date, to: Date): string[] {
  const first = riyadhDate(from);
  const last = riyadhDate(to > from ? new Date(to.getTime() - 1) : from);
  const days: string[] = [];
  for (let day = new Date(`${first}T00:00:00Z`); ; day = new Date(day.getTime() + DAY_MS)) {
    const text = day.toISOString().slice(0, 10);
    days.push(text);
    if (text >= last) return days;
  }
}

/** Resolves the window of a stats query as RULES.md defines it; an invalid one is BAD_USER_INPUT naming `from`. */
export function statsWindow(lang: Lang, from: Date | null | undefined, to: Date | null | undefined, now: Date): StatsWindow {
  const end = to ?? now;
  const start = from ?? new Date(end.getTime() - DEFAULT_WINDOW_DAYS * DAY_MS);
  const violations = new Violations(lang);
  if (start > end) violations.add("from", "AFTER_TO", windowMessages.fromAfterTo, undefined);
  else if (end.getTime() - start.getTime() > MAX_WINDOW_DAYS * DAY_MS) violations.add("from", "WINDOW_TOO_LONG", windowMessages.tooLong, { max: MAX_WINDOW_DAYS });
  violations.throwIfAny();
  return { from: start, to: end, days: riyadhDays(start, end) };
}

/** SQL for the Riyadh calendar day ("YYYY-MM-DD") of a timestamptz column: UTC+3 all year. */
export const riyadhDaySql = (column: string) => `to_char(((${column}) AT TIME ZONE 'UTC') + interval '3 hours', 'YYYY-MM-DD')`;

/** Every day of the window with its count, 0 where the grouped query returned no row. */
export function daySeries(window: StatsWindow, rows: Array<{ day: string; count: number | string }>): Array<{ day: string; count: number }> {
  const counts = new Map(rows.map((row) => [row.day, Number(row.count)]));
  return window.days.map((day) => ({ day, count: counts.get(day) ?? 0 }));
}
