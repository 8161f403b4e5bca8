import type { DataSource } from "typeorm";
import { sign, SIGNATURE_HEADER } from "../../../../../kernel/events/signature";
import type { Logger } from "../../../../../kernel/logger";
import type { BackgroundJob } from "../../../../../kernel/subgraph";
import { OutboxMessage } from "./outboxMessage.entity";

export interface DispatcherOptions {
  secret: string;
  pollMs: number;
  maxBackoffMs: number;
  /** How long a claimed message stays hidden from other dispatchers while it is being sent. */
  leaseMs?: number;
  batchSize?: number;
  timeoutMs?: number;
}

export interface OutboxDispatcher extends BackgroundJob {
  /** Sends what is due now instead of at the next poll (called after a commit that enqueued). */
  kick(): void;
}

/** Exponential backoff with full jitter: 0.5 s, 1 s, 2 s, ... up to the cap, times 0.5–1.5. */
export function backoffMs(attempts: number, maxMs: number, random = Math.random): number {
  const base = Math.min(maxMs, 500 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.5 + random()));
}

/**
 * Delivers outbox messages over HTTP (HMAC-signed body), at least once, until each subscriber
 * answers 2xx. Messages are claimed with a lease in one statement, so no transaction is open
 * while calling out, several dispatchers never send the same message at once, and a crash only
 * delays a message until its lease ends. Undelivered messages survive restarts in the table.
 */
export function startOutboxDispatcher(db: DataSource, log: Logger, options: DispatcherOptions): OutboxDispatcher {
  const { secret, pollMs, maxBackoffMs, leaseMs = 30_000, batchSize = 20, timeoutMs = 5_000 } = options;
  let stopped = false;
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;

  const claim = async (): Promise<OutboxMessage[]> => {
    const runner = db.createQueryRunner();
    try {
      const { records } = await runner.query(
        `UPDATE outbox_message SET next_attempt_at = now() + ($1 || ' milliseconds')::interval, attempts = attempts + 1
         WHERE id IN (SELECT id FROM outbox_message WHERE delivered_at IS NULL AND next_attempt_at <= now()
                      ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING id, subscriber_url, payload, attempts`,
        [String(leaseMs), batchSize],
        true,
      );
      return (records as Array<Record<string, unknown>>).map((row) =>
        Object.assign(new OutboxMessage(), { id: row.id, subscriberUrl: row.subscriber_url, payload: row.payload, attempts: row.attempts }),
      );
    } finally {
      await runner.release();
    }
  };

  const send = async (message: OutboxMessage): Promise<void> => {
    const body = JSON.stringify(message.payload);
    try {
      const response = await fetch(message.subscriberUrl, {
        method: "POST",
        headers: { "content-type": "application/json", [SIGNATURE_HEADER]: sign(body, secret) },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      await db.getRepository(OutboxMessage).update({ id: message.id }, { deliveredAt: new Date(), lastError: null });
    } catch (error) {
      const delay = backoffMs(message.attempts, maxBackoffMs);
      const reason = error instanceof Error ? error.message : String(error);
      await db.getRepository(OutboxMessage).update({ id: message.id }, { nextAttemptAt: new Date(Date.now() + delay), lastError: reason.slice(0, 500) });
      log.warn({ messageId: message.id, subscriber: message.subscriberUrl, attempts: message.attempts, retryInMs: delay, reason }, "outbox delivery failed");
    }
  };

  // A claimed batch is always sent, even when a stop comes meanwhile: otherwise its messages
  // would wait out their lease.
  const drain = async (): Promise<void> => {
    while (!stopped) {
      const batch = await claim();
      if (batch.length === 0) return;
      await Promise.all(batch.map(send));
    }
  };

  const tick = () => {
    if (stopped || running) return;
    running = drain()
      .catch((error) => log.error({ err: error }, "outbox dispatcher failed"))
      .finally(() => {
        running = null;
        schedule();
      });
  };
  const schedule = () => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, pollMs);
  };

  schedule();
  return {
    kick: () => setImmediate(tick),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
