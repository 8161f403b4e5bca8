import { Violations, type Violation } from "../../../../kernel/errors";
import { DateTimeScalar } from "../../../../kernel/graphql/scalars";
import type { Lang } from "../../../../kernel/i18n";
import { textMessages, textProblem } from "../../../../kernel/text";
import { shipmentMessages } from "./messages";
import { ShipmentStatus } from "./shipmentStatus";

/** One tracking event as reported by the postal operator, by hand or through the webhook. */
export interface TrackingReport {
  trackingNumber: string;
  status: ShipmentStatus;
  at: Date;
  location: string | null;
  description: string | null;
}

const MAX_TEXT = 200;
/** Tolerated clock difference between the carrier's systems and ours. */
export const CLOCK_SKEW_MS = 5 * 60_000;

const trimmed = (text: unknown) => (typeof text === "string" && text.trim() !== "" ? text.trim() : null);

/**
 * The checks both entry points share. A future instant (after the request's `now`, give or take
 * the clock skew) is refused: it would become the newest event and make every real event after it
 * look out of order.
 */
export function checkReport(violations: Violations, report: TrackingReport, now: Date): void {
  if (report.at.getTime() > now.getTime() + CLOCK_SKEW_MS) violations.add("at", "FUTURE", shipmentMessages.eventInFuture, undefined);
  for (const field of ["location", "description"] as const) {
    const problem = report[field] === null ? null : textProblem(report[field]!, { maxLength: MAX_TEXT });
    if (problem) violations.add(field, problem, textMessages[problem], { max: MAX_TEXT });
  }
}

/** The mutation's arguments as a report: `at` defaults to the request's `now`, blank texts are null. */
export function reportFromArgs(args: { trackingNumber: string; status: ShipmentStatus; at?: Date | null; location?: string | null }, now: Date): TrackingReport {
  return { trackingNumber: args.trackingNumber, status: args.status, at: args.at ?? now, location: trimmed(args.location), description: null };
}

/** recordTrackingEvent's own input rules (`at` not ahead of the request's `now`, the texts); its arguments as a report. */
export function checkEventArgs(args: Parameters<typeof reportFromArgs>[0], violations: Violations, ctx: { now: Date }): TrackingReport {
  const report = reportFromArgs(args, ctx.now);
  checkReport(violations, report, ctx.now);
  return report;
}

function instantOf(value: unknown): Date | null {
  try {
    return DateTimeScalar.parseValue(value);
  } catch {
    return null;
  }
}

/** One item of a webhook batch, checked field by field like GraphQL would, against the batch's `now`. */
export function reportFromWebhookItem(item: unknown, lang: Lang, now: Date): { report: TrackingReport } | { violations: Violation[] } {
  const fields = (typeof item === "object" && item !== null ? item : {}) as Record<string, unknown>;
  const violations = new Violations(lang);
  const trackingNumber = trimmed(fields.trackingNumber);
  const numberProblem = trackingNumber === null ? null : textProblem(trackingNumber, { maxLength: MAX_TEXT });
  if (!trackingNumber) violations.add("trackingNumber", "REQUIRED", shipmentMessages.required, undefined);
  else if (numberProblem) violations.add("trackingNumber", numberProblem, textMessages[numberProblem], { max: MAX_TEXT });
  const status = Object.values(ShipmentStatus).find((s) => s === fields.status);
  if (!status) violations.add("status", "UNKNOWN_STATUS", shipmentMessages.unknownStatus, undefined);
  const at = instantOf(fields.at);
  if (!at) violations.add("at", "INSTANT", shipmentMessages.badInstant, undefined);
  if (violations.list.length > 0) return { violations: violations.list };
  const report = { trackingNumber: trackingNumber!, status: status!, at: at!, location: trimmed(fields.location), description: trimmed(fields.description) };
  checkReport(violations, report, now);
  return violations.list.length > 0 ? { violations: violations.list } : { report };
}
