import type { EntityManager } from "typeorm";
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
