import type { DataSource } from "typeorm";
import { EVENTS_PATH } from "../../../../kernel/events/cardIssued";
import { sendJson, type HttpRoute } from "../../../../kernel/http/server";
import type { Logger } from "../../../../kernel/logger";
import { signedJsonRoute } from "../../../../kernel/events/signedJsonRoute";
import { parseEventPayload } from "./cardIssuedPayload";
import { createDelivery } from "./createDelivery";

/**
 * POST /events: civil-affairs' outbox delivers CardIssued here, at least once, until it gets a 2xx.
 * 201 when the delivery was created (with the shipment's tracking number), 200 when it already
 * existed or the event type is not ours, 400 for a malformed event, 401 for a bad signature; a
 * database failure is a 500, and the outbox retries it.
 */
export function cardIssuedRoute(deps: { db: DataSource; log: Logger; secrets: string[]; workingDays: number }): HttpRoute {
  return signedJsonRoute(EVENTS_PATH, deps.secrets, async (payload, response) => {
    const parsed = parseEventPayload(payload);
    if (parsed.kind === "invalid") {
      deps.log.warn({ problems: parsed.problems }, "malformed CardIssued event refused");
      return sendJson(response, 400, { error: "malformed event", problems: parsed.problems });
    }
    if (parsed.kind === "ignored") return sendJson(response, 200, { outcome: "ignored", type: parsed.type });
    const result = await createDelivery(deps.db, parsed.event, deps.workingDays);
    deps.log.info({ eventId: parsed.event.eventId, cardNumber: parsed.event.cardNumber, outcome: result.outcome }, "CardIssued consumed");
    sendJson(response, result.outcome === "created" ? 201 : 200, { ...result, cardNumber: parsed.event.cardNumber });
  });
}
