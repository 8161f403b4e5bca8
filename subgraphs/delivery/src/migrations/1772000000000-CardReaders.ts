import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Who may look a card's shipment up by its tracking number (`shipment`): the head, a spouse and
 * the children who were adults when the card was issued (RULES.md: a minor child does not read the
 * family's records). Cards delivery learned of before have none: their people see the delivery
 * through their family's card only.
 */
export class CardReaders1772000000000 implements MigrationInterface {
  name = "CardReaders1772000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE issued_card ADD COLUMN reader_ids text[]`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE issued_card DROP COLUMN reader_ids`);
  }
}
