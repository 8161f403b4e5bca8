import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Who reads a card's delivery (cards/access.ts, every path since): the head, a spouse and the
 * children who were adults when the card was issued (RULES.md: a minor child does not read the
 * family's records). Cards delivery learned of before have none: delivery staff alone read them.
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
