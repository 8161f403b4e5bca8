import { sqlMigration } from "../../../../kernel/database/sqlMigration";

/**
 * When the card whose event set each register's composition was issued: events arrive out of order
 * (the outbox retries each on its own), and a person named by an older card of another register
 * stays where the newer one put him. Null for the rows before it: older than any event.
 */
export const RegisterCopyIssuedAt1777000000000 = sqlMigration(
  "RegisterCopyIssuedAt1777000000000",
  `ALTER TABLE register_family ADD COLUMN issued_at timestamptz`,
  `ALTER TABLE register_family DROP COLUMN issued_at`,
);
