import type { MigrationInterface, QueryRunner } from "typeorm";

export class Delivery1764000000000 implements MigrationInterface {
  name = "Delivery1764000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- Serial numbers of S10 tracking numbers (8 digits).
      CREATE SEQUENCE shipment_serial_seq MAXVALUE 99999999;

      -- One row per issued card, from its CardIssued event: the anchor of "exactly one delivery
      -- per card" (unique by card number and by event id) and of who may see it.
      CREATE TABLE issued_card (
        card_number varchar(14) PRIMARY KEY,
        event_id varchar(64) NOT NULL UNIQUE,
        register_number varchar(10) NOT NULL,
        member_ids text[] NOT NULL,
        delivery_method varchar(13) NOT NULL CHECK (delivery_method IN ('SAUDI_POST', 'OFFICE_PICKUP')),
        office_id varchar(16) NOT NULL,
        issued_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE shipment (
        tracking_number varchar(13) PRIMARY KEY,
        card_number varchar(14) NOT NULL UNIQUE REFERENCES issued_card(card_number),
        carrier varchar(8) NOT NULL,
        status varchar(20) NOT NULL,
        address_building_number varchar(4) NOT NULL,
        address_street text NOT NULL,
        address_district text NOT NULL,
        address_city text NOT NULL,
        address_postal_code varchar(5) NOT NULL,
        address_additional_number varchar(4) NOT NULL,
        address_short_address varchar(8),
        recipient_name text NOT NULL,
        attempts int NOT NULL DEFAULT 0,
        estimated_delivery_date date NOT NULL,
        delivered_at timestamptz,
        last_event_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX shipment_status_idx ON shipment (status);

      -- A repeated event (same shipment, status and instant) is the same event: stored once.
      CREATE TABLE tracking_event (
        id bigserial PRIMARY KEY,
        tracking_number varchar(13) NOT NULL REFERENCES shipment(tracking_number),
        status varchar(20) NOT NULL,
        at timestamptz NOT NULL,
        location text,
        description text,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tracking_number, status, at)
      );

      CREATE TABLE office_pickup (
        card_number varchar(14) PRIMARY KEY REFERENCES issued_card(card_number),
        office_id varchar(16) NOT NULL,
        status varchar(16) NOT NULL,
        ready_at timestamptz,
        collected_at timestamptz,
        created_at timestamptz NOT NULL
      );

      CREATE TABLE pickup_event (
        id bigserial PRIMARY KEY,
        card_number varchar(14) NOT NULL REFERENCES office_pickup(card_number),
        status varchar(16) NOT NULL,
        at timestamptz NOT NULL,
        by text NOT NULL
      );
      CREATE INDEX pickup_event_card_idx ON pickup_event (card_number);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE pickup_event;
      DROP TABLE office_pickup;
      DROP TABLE tracking_event;
      DROP TABLE shipment;
      DROP TABLE issued_card;
      DROP SEQUENCE shipment_serial_seq;
    `);
  }
}
