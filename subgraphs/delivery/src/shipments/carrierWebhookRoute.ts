import type { DataSource } from "typeorm";
import { AppError } from "../../../../kernel/errors";
import { sendJson, type HttpRoute } from "../../../../kernel/http/server";
import type { Logger } from "../../../../kernel/logger";
import { signedJsonRoute } from "../../../../kernel/events/signedJsonRoute";
import { recordTrackingEvent } from "./recordTrackingEvent";
import { reportFromWebhookItem, type TrackingReport } from "./trackingReport";

export const CARRIER_WEBHOOK_PATH = "/carrier/webhook";
export const CARRIER_WEBHOOK = "carrier-webhook";
const MAX_BATCH = 1000;

type ItemResult = { index: number; trackingNumber: unknown } & ({ outcome: string } | { error: { code: string; message: string; violations?: unknown } });

/**
 * POST /carrier/webhook: the postal operator's systems push batches of tracking events,
 * `{ "events": [{ trackingNumber, status, at, location?, description? }] }`, signed with
 * CARRIER_WEBHOOK_SECRET. Each event goes through recordTrackingEvent on its own, in time order
 * (a batch is not always sorted); the answer is 200 with one result per event, in the batch's
 * order, so that one refused event does not make the carrier resend the others.
 */
export function carrierWebhookRoute(deps: { db: DataSource; log: Logger; secrets: string[] }): HttpRoute {
  return signedJsonRoute(CARRIER_WEBHOOK_PATH, deps.secrets, async (payload, response) => {
    const events = (payload as { events?: unknown } | null)?.events;
    if (!Array.isArray(events) || events.length > MAX_BATCH) {
      return sendJson(response, 400, { error: `expected { "events": [...] } with at most ${MAX_BATCH} events` });
    }
    const results: ItemResult[] = new Array(events.length);
    const valid: Array<{ index: number; report: TrackingReport }> = [];
    const now = new Date(); // one now for the whole batch, as a GraphQL request has `ctx.now`
    events.forEach((item, index) => {
      const checked = reportFromWebhookItem(item, "en", now);
      const trackingNumber = (item as { trackingNumber?: unknown } | null)?.trackingNumber ?? null;
      if ("report" in checked) valid.push({ index, report: checked.report });
      else results[index] = { index, trackingNumber, error: { code: "BAD_USER_INPUT", message: "invalid event", violations: checked.violations } };
    });
    valid.sort((a, b) => a.report.at.getTime() - b.report.at.getTime() || a.index - b.index);
    for (const { index, report } of valid) {
      try {
        const { outcome } = await recordTrackingEvent(deps.db, report, CARRIER_WEBHOOK, "en");
        results[index] = { index, trackingNumber: report.trackingNumber, outcome };
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        results[index] = { index, trackingNumber: report.trackingNumber, error: { code: String(error.extensions.code), message: error.message } };
      }
    }
    deps.log.info({ events: events.length, refused: results.filter((r) => "error" in r).length }, "carrier webhook batch");
    sendJson(response, 200, { results });
  });
}
