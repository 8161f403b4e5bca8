import type { DataSource, EntityManager } from "typeorm";
import { OutboxMessage } from "./outboxMessage.entity";

export interface OutboxEvent {
  type: string;
  eventId: string;
}

/** Writes an event for each subscriber, inside the caller's transaction: it is sent only if that commits. */
export async function enqueue(tx: EntityManager, event: OutboxEvent, subscribers: string[]): Promise<void> {
  if (subscribers.length === 0) return;
  const now = new Date();
  await tx.getRepository(OutboxMessage).insert(
    subscribers.map((subscriberUrl) => ({ eventId: event.eventId, eventType: event.type, subscriberUrl, payload: event, nextAttemptAt: now })),
  );
}

/** How often `firstAnswers` looks at the outbox. */
const ANSWER_POLL_MS = 15;

/**
 * Resolves once every subscriber of the event has answered it once (delivered, or failed and due
 * again later), or after `timeoutMs`. A caller that waits for it before answering its client shows
 * what the subscribers made of the event (the card's delivery) when they are up, and does not
 * wait on one that is down. Never rejects: the event is in the outbox either way.
 */
export async function firstAnswers(db: DataSource, eventId: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      const [{ waiting }] = await db.query(`SELECT count(*)::int AS waiting FROM outbox_message WHERE event_id = $1 AND delivered_at IS NULL AND last_error IS NULL`, [eventId]);
      if (waiting === 0) return;
      await new Promise((resolve) => setTimeout(resolve, ANSWER_POLL_MS));
    }
  } catch {
    // The database is away: the dispatcher sends the event when it is back.
  }
}
