import type { DataSource } from "typeorm";
import type { Logger } from "../../../../kernel/logger";
import type { BackgroundJob } from "../../../../kernel/subgraph";
import type { RuleSet } from "../rules/ruleSet";
import { refreshStaleEligibility } from "./refreshEligibility";

/**
 * Keeps the stored eligibility current as days pass (a child turns 18, a wage change takes effect)
 * and after the rules change: every `intervalMs` it recomputes the families not yet computed today
 * under the rules in force. Idempotent, so any number of replicas may run it.
 */
export function startEligibilityRefresher(db: DataSource, ruleSet: RuleSet, log: Logger, intervalMs: number): BackgroundJob {
  let running: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    running = running
      .then(() => refreshStaleEligibility(db, ruleSet, new Date()))
      .then((refreshed) => refreshed > 0 && log.info({ refreshed }, "family eligibility refreshed"))
      .catch((error: unknown) => log.error({ err: error }, "family eligibility refresh failed; retried at the next interval"))
      .then(() => undefined);
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
