import type { MigrationInterface, QueryRunner } from "typeorm";

export class Applications1764000100000 implements MigrationInterface {
  name = "Applications1764000100000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE card_application (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(20) NOT NULL CHECK (kind IN ('NEW_CARD', 'REPLACEMENT_LOST', 'REPLACEMENT_DAMAGED', 'MEMBERS_UPDATE')),
        status varchar(16) NOT NULL,
        version int NOT NULL,
        applicant_id varchar(10) NOT NULL REFERENCES citizen(national_id),
        register_number varchar(10) REFERENCES family(register_number),
        spouse_ids text[] NOT NULL,
        child_ids text[] NOT NULL,
        delivery_method varchar(13),
        pickup_office_id varchar(16) REFERENCES civil_affairs_office(id),
        loss_declaration boolean NOT NULL DEFAULT false,
        delivery_address_building_number varchar(4),
        delivery_address_street text,
        delivery_address_district text,
        delivery_address_city text,
        delivery_address_postal_code varchar(5),
        delivery_address_additional_number varchar(4),
        delivery_address_short_address varchar(8),
        fee_halalas int NOT NULL,
        rejection_reason text,
        correction_notes text,
        card_number varchar(14),
        created_at timestamptz NOT NULL DEFAULT now(),
        submitted_at timestamptz,
        decided_at timestamptz
      );
      -- One open application per applicant, whatever races the check in code.
      CREATE UNIQUE INDEX card_application_one_open_idx ON card_application (applicant_id)
        WHERE status IN ('DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'NEEDS_CORRECTION', 'APPROVED');
      CREATE INDEX card_application_applicant_idx ON card_application (applicant_id, created_at DESC);
      CREATE INDEX card_application_register_idx ON card_application (register_number);
      CREATE INDEX card_application_queue_idx ON card_application (status, created_at, id);
      CREATE INDEX card_application_created_idx ON card_application (created_at, id);
      CREATE TABLE application_history (
        id bigserial PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES card_application(id),
        "from" varchar(16),
        "to" varchar(16) NOT NULL,
        at timestamptz NOT NULL,
        by varchar(10) NOT NULL,
        note text
      );
      CREATE INDEX application_history_application_idx ON application_history (application_id, id);
      CREATE INDEX application_history_to_idx ON application_history ("to", at);
      CREATE TABLE document_blob (
        sha256 char(64) PRIMARY KEY,
        content bytea NOT NULL
      );
      CREATE TABLE application_document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES card_application(id),
        type varchar(24) NOT NULL,
        file_name text NOT NULL,
        mime_type varchar(32) NOT NULL,
        size_bytes int NOT NULL,
        sha256 char(64) NOT NULL REFERENCES document_blob(sha256),
        uploaded_at timestamptz NOT NULL
      );
      CREATE INDEX application_document_application_idx ON application_document (application_id);
      CREATE TABLE submission_key (
        applicant_id varchar(10) NOT NULL,
        idempotency_key varchar(128) NOT NULL,
        application_id uuid NOT NULL REFERENCES card_application(id),
        PRIMARY KEY (applicant_id, idempotency_key)
      );
      ALTER TABLE family_card ADD CONSTRAINT family_card_application_fk FOREIGN KEY (application_id) REFERENCES card_application(id);
      CREATE TABLE outbox_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL,
        event_type varchar(32) NOT NULL,
        subscriber_url text NOT NULL,
        payload jsonb NOT NULL,
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        delivered_at timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (event_id, subscriber_url)
      );
      CREATE INDEX outbox_message_due_idx ON outbox_message (next_attempt_at) WHERE delivered_at IS NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE outbox_message;
      ALTER TABLE family_card DROP CONSTRAINT family_card_application_fk;
      DROP TABLE submission_key; DROP TABLE application_document; DROP TABLE document_blob;
      DROP TABLE application_history; DROP TABLE card_application;
    `);
  }
}
