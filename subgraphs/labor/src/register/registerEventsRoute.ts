import type { DataSource } from "typeorm";
import { EVENTS_PATH } from "../../../../kernel/events/cardIssued";
import { signedJsonRoute } from "../../../../kernel/events/signedJsonRoute";
import { sendJson, type HttpRoute } from "../../../../kernel/http/server";
import type { Logger } from "../../../../kernel/logger";
import type { RuleSet } from "../rules/ruleSet";
import { refreshEligibility } from "./refreshEligibility";
import { applyComposition } from "./registerCopy";
import { parseRegisterEvent } from "./registerEvent";

/**
 * POST /events: civil-affairs' outbox delivers CardIssued here as it does to delivery. The
 * register's composition replaces labor's copy (an older card's event changes nothing), then the
 * eligibility of every family it touched is recomputed. 200 once stored, so the outbox stops;
 * 400 for a malformed event, 401 for a bad signature; a database failure is a 500 and is retried.
 */
export function registerEventsRoute(deps: { db: DataSource; log: Logger; secrets: string[]; ruleSet: RuleSet }): HttpRoute {
  return signedJsonRoute(EVENTS_PATH, deps.secrets, async (payload, response) => {
    const parsed = parseRegisterEvent(payload);
    if (parsed.kind === "invalid") {
      deps.log.warn({ problems: parsed.problems }, "malformed register event refused");
      return sendJson(response, 400, { error: "malformed event", problems: parsed.problems });
    }
    if (parsed.kind === "ignored") return sendJson(response, 200, { outcome: "ignored", reason: parsed.reason });
    const changed = await deps.db.transaction((tx) => applyComposition(tx, parsed.composition));
    await refreshEligibility(deps.db, deps.ruleSet, changed, new Date());
    deps.log.info({ eventId: parsed.eventId, registers: changed.length }, "register composition consumed");
    sendJson(response, 200, { outcome: changed.length > 0 ? "applied" : "stale" });
  });
}
