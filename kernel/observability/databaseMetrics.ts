import type { AfterQueryEvent, DataSource, EntitySubscriberInterface } from "typeorm";
import { metrics } from "./metrics";

/** Counts every SQL statement and observes its latency (TypeORM's afterQuery event). */
class QueryMetricsSubscriber implements EntitySubscriberInterface {
  afterQuery(event: AfterQueryEvent): void {
    metrics.dbQueries.inc({ outcome: event.success ? "ok" : "error" });
    if (event.executionTime !== undefined) metrics.dbQueryDuration.observe(event.executionTime / 1000);
  }
}

/** Adds the query metrics to an open DataSource (its subscribers are read at every query). */
export function instrumentDatabase(db: DataSource): void {
  if (db.subscribers.some((s) => s instanceof QueryMetricsSubscriber)) return;
  (db.subscribers as EntitySubscriberInterface[]).push(new QueryMetricsSubscriber());
}
