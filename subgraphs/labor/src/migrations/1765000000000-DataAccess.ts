import type { MigrationInterface, QueryRunner } from "typeorm";
import { DATA_ACCESS_DOWN, DATA_ACCESS_UP } from "../../../../kernel/audit/migration";

/** The data-access audit: who read or changed whose data here (append-only). */
export class LaborDataAccess1765000000000 implements MigrationInterface {
  name = "LaborDataAccess1765000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(DATA_ACCESS_UP);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(DATA_ACCESS_DOWN);
  }
}
