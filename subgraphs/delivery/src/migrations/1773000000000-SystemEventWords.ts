import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A card's return to the office was stored with an English description, shown as it was on Arabic
 * screens. The system's events are now worded when read, in the reader's language: the stored text goes.
 */
export class SystemEventWords1773000000000 implements MigrationInterface {
  name = "SystemEventWords1773000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`UPDATE tracking_event SET description = NULL WHERE recorded_by = 'system' AND status = 'RETURNED_TO_OFFICE'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `UPDATE tracking_event SET description = 'Returned to the office after 3 failed delivery attempts' WHERE recorded_by = 'system' AND status = 'RETURNED_TO_OFFICE'`,
    );
  }
}
