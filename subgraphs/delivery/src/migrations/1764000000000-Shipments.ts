import type { MigrationInterface, QueryRunner } from "typeorm";

export class Shipments1764000000000 implements MigrationInterface {
  name = "Shipments1764000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE shipment (
        tracking_number varchar(20) PRIMARY KEY,
        card_number varchar(14) NOT NULL UNIQUE,
        carrier text NOT NULL,
        status varchar(20) NOT NULL,
        address_building_number varchar(4),
        address_street text,
        address_district text,
        address_city text,
        address_postal_code varchar(5),
        address_additional_number varchar(4),
        address_short_address varchar(8),
        recipient_name text NOT NULL,
        attempts int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE shipment;`);
  }
}
