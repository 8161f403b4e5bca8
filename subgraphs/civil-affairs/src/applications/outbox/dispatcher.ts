import { IsNull, type DataSource } from "typeorm";
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

/** What a send left to write on its message. */
type Outcome = Pick<OutboxMessage, "deliveredAt" | "lastError"> | Pick<OutboxMessage, "nextAttemptAt" | "lastError">;

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
  /** Sends under way: at most `batchSize`, each settled on its own, so one slow subscriber holds up no other message. */
  const sending = new Set<Promise<void>>();
  /** Outcomes the database could not take when they came (it was away). */
  const unsettled = new Map<OutboxMessage, Outcome>();

  const claim = async (limit: number): Promise<OutboxMessage[]> => {
    const runner = db.createQueryRunner();
    try {
      const { records } = await runner.query(
        `UPDATE outbox_message SET next_attempt_at = now() + ($1 || ' milliseconds')::interval, attempts = attempts + 1
         WHERE id IN (SELECT id FROM outbox_message WHERE delivered_at IS NULL AND next_attempt_at <= now()
                      ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING id, subscriber_url, payload, attempts`,
        [String(leaseMs), limit],
        true,
      );
      return (records as Array<Record<string, unknown>>).map((row) =>
        Object.assign(new OutboxMessage(), { id: row.id, subscriberUrl: row.subscriber_url, payload: row.payload, attempts: row.attempts }),
      );
    } finally {
      await runner.release();
    }
  };

  /** The subscriber's answer to one message: delivered, or when to try again and why. */
  const deliver = async (message: OutboxMessage): Promise<Outcome> => {
    const body = JSON.stringify(message.payload);
    try {
      const response = await fetch(message.subscriberUrl, {
        method: "POST",
        headers: { "content-type": "application/json", [SIGNATURE_HEADER]: sign(body, secret) },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return { deliveredAt: new Date(), lastError: null };
    } catch (error) {
      const delay = backoffMs(message.attempts, maxBackoffMs);
      const reason = error instanceof Error ? error.message : String(error);
      log.warn({ messageId: message.id, subscriber: message.subscriberUrl, attempts: message.attempts, retryInMs: delay, reason }, "outbox delivery failed");
      return { nextAttemptAt: new Date(Date.now() + delay), lastError: reason.slice(0, 500) };
    }
  };

  /**
   * Writes an outcome on the message as this dispatcher claimed it (same attempt, not delivered
   * since). When the database is away the outcome is kept and written before the next claim, so
   * the message is neither sent again nor left waiting out its lease once the database is back.
   */
  const settle = async (message: OutboxMessage, outcome: Outcome): Promise<void> => {
    try {
      await db.getRepository(OutboxMessage).update({ id: message.id, attempts: message.attempts, deliveredAt: IsNull() }, outcome);
      unsettled.delete(message);
    } catch (error) {
      unsettled.set(message, outcome);
      throw error;
    }
  };

  /** Sends a claimed message and writes what came of it; a write the database could not take is kept (`settle`). */
  const send = (message: OutboxMessage) => {
    const sent = deliver(message)
      .then((outcome) => settle(message, outcome))
      .catch((error) => log.error({ err: error, messageId: message.id }, "outbox outcome not written; kept for the next claim"))
      .finally(() => {
        sending.delete(sent);
        // A drain that stopped for want of room may have left due messages.
        if (full) tick();
      });
    sending.add(sent);
  };

  // Claims what is due while there is room, and returns without waiting for the sends: a kick starts
  // the next drain at once. A claimed message is always sent, even when a stop comes meanwhile:
  // otherwise it would wait out its lease.
  let full = false;
  const drain = async (): Promise<void> => {
    for (const [message, outcome] of unsettled) await settle(message, outcome);
    for (;;) {
      full = sending.size >= batchSize;
      if (stopped || full) return;
      const batch = await claim(batchSize - sending.size);
      if (batch.length === 0) return;
      batch.forEach(send);
    }
  };

  // A kick during a drain drains again after it: its message may have committed after the drain's last claim.
  let kicked = false;
  const tick = () => {
    if (stopped) return;
    if (running) {
      kicked = true;
      return;
    }
    kicked = false;
    running = drain()
      .catch((error) => log.error({ err: error }, "outbox dispatcher failed"))
      .finally(() => {
        running = null;
        if (kicked) setImmediate(tick);
        else schedule();
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
      await Promise.all(sending);
    },
  };
}
