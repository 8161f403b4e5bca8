import type { MigrationInterface, QueryRunner } from "typeorm";

/** Indexes the dashboard's statements read (deliveryStats): deliveries by day, the delayed now, pickups per office. */
export class DashboardIndexes1766000000000 implements MigrationInterface {
  name = "DashboardIndexes1766000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX shipment_delivered_idx ON shipment (delivered_at) WHERE delivered_at IS NOT NULL;
      CREATE INDEX shipment_due_idx ON shipment (estimated_delivery_date) WHERE status <> 'DELIVERED';
      CREATE INDEX office_pickup_office_idx ON office_pickup (office_id, status, collected_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX office_pickup_office_idx; DROP INDEX shipment_due_idx; DROP INDEX shipment_delivered_idx;`);
  }
}
