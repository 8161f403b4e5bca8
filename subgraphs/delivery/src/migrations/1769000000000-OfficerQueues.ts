import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Indexes the officers' queues read: shipments awaiting an event by their latest event
 * (shipmentsAwaitingEvent), and the cards waiting at an office by how long they have waited
 * (pickupsAwaitingCollection), at every office and at one. Partial: only what is still waiting.
 */
export class OfficerQueues1769000000000 implements MigrationInterface {
  name = "OfficerQueues1769000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX shipment_awaiting_event_idx ON shipment (last_event_at, tracking_number)
        WHERE status IN ('CREATED', 'PICKED_UP', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERY_FAILED');
      CREATE INDEX office_pickup_waiting_idx ON office_pickup ((coalesce(ready_at, created_at)), card_number)
        WHERE status IN ('PREPARING', 'READY_FOR_PICKUP');
      CREATE INDEX office_pickup_office_waiting_idx ON office_pickup (office_id, (coalesce(ready_at, created_at)), card_number)
        WHERE status IN ('PREPARING', 'READY_FOR_PICKUP');
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX office_pickup_office_waiting_idx; DROP INDEX office_pickup_waiting_idx; DROP INDEX shipment_awaiting_event_idx;`);
  }
}
