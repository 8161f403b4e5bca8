import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The offices' queue orders the waiting cards by when each started waiting (the pickup's creation:
 * the card's issue, or its return by Saudi Post), no longer by when it was made ready: a card
 * marked ready keeps its place, with the time it spent PREPARING (pickups/queue.ts).
 */
export class PickupWaitingSince1777000000000 implements MigrationInterface {
  name = "PickupWaitingSince1777000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX office_pickup_office_waiting_idx;
      DROP INDEX office_pickup_waiting_idx;
      CREATE INDEX office_pickup_waiting_idx ON office_pickup (created_at, card_number)
        WHERE status IN ('PREPARING', 'READY_FOR_PICKUP');
      CREATE INDEX office_pickup_office_waiting_idx ON office_pickup (office_id, created_at, card_number)
        WHERE status IN ('PREPARING', 'READY_FOR_PICKUP');
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX office_pickup_office_waiting_idx;
      DROP INDEX office_pickup_waiting_idx;
      CREATE INDEX office_pickup_waiting_idx ON office_pickup ((coalesce(ready_at, created_at)), card_number)
        WHERE status IN ('PREPARING', 'READY_FOR_PICKUP');
      CREATE INDEX office_pickup_office_waiting_idx ON office_pickup (office_id, (coalesce(ready_at, created_at)), card_number)
        WHERE status IN ('PREPARING', 'READY_FOR_PICKUP');
    `);
  }
}
