import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * When the card whose event set each register's composition was issued: events arrive out of order
 * (the outbox retries each on its own), and a person named by an older card of another register
 * stays where the newer one put him. Null for the rows before it: older than any event.
 */
export class RegisterCopyIssuedAt1777000000000 implements MigrationInterface {
  name = "RegisterCopyIssuedAt1777000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE register_family ADD COLUMN issued_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE register_family DROP COLUMN issued_at`);
  }
}
