import type { MigrationInterface, QueryRunner } from "typeorm";
import { DATA_ACCESS_DOWN, DATA_ACCESS_UP } from "../../../../kernel/audit/migration";

/** The data-access audit (append-only) and the revoked tokens (logout) until they expire. */
export class DataAccessAndRevocation1765000000000 implements MigrationInterface {
  name = "DataAccessAndRevocation1765000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(DATA_ACCESS_UP);
    await db.query(`
      CREATE TABLE revoked_token (
        jti varchar(64) PRIMARY KEY,
        national_id varchar(10) NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX revoked_token_expires_at ON revoked_token (expires_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE revoked_token;`);
    await db.query(DATA_ACCESS_DOWN);
  }
}
