import { Gauge } from "prom-client";
import type { DataSource } from "typeorm";
import { registry } from "../../../../../kernel/observability/metrics";

let current: DataSource | null = null;

/**
 * Outbox backlog gauges, computed from outbox_message at each scrape: messages not yet
 * acknowledged by their subscriber (by event type) and the age of the oldest one. A growing age
 * means a subscriber (delivery) has been unreachable for that long.
 */
export function registerOutboxMetrics(db: DataSource): void {
  current = db;
  if (registry.getSingleMetric("outbox_undelivered_messages")) return;
  const read = async () => {
    if (!current?.isInitialized) return null;
    try {
      const [row] = await current.query(
        `SELECT count(*)::int AS undelivered, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float AS oldest
         FROM outbox_message WHERE delivered_at IS NULL`,
      );
      return { undelivered: Number(row.undelivered), oldest: Number(row.oldest) };
    } catch {
      return null; // database unavailable: leave the gauges as they were
    }
  };
  let pending: ReturnType<typeof read> | null = null;
  // Both gauges are collected in one scrape: one query for the two.
  const sample = () => (pending ??= read().finally(() => setTimeout(() => (pending = null), 100).unref()));
  new Gauge({
    name: "outbox_undelivered_messages",
    help: "Outbox messages not yet acknowledged by their subscriber",
    registers: [registry],
    async collect() {
      const value = await sample();
      if (value) this.set(value.undelivered);
    },
  });
  new Gauge({
    name: "outbox_oldest_undelivered_age_seconds",
    help: "Age of the oldest outbox message not yet acknowledged (0 when none)",
    registers: [registry],
    async collect() {
      const value = await sample();
      if (value) this.set(value.oldest);
    },
  });
}
