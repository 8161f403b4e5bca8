import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A register's cards in issue order (cards/registerMoves.ts): who still reads its earlier
 * shipments is decided on each CardIssued by its register's other cards, found by this index, and
 * by the cards its people are on (the GIN index on member_ids), never by a scan of every card.
 */
export class CardRegisterIndex1776000000000 implements MigrationInterface {
  name = "CardRegisterIndex1776000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX issued_card_register ON issued_card (register_number, issued_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX issued_card_register`);
  }
}
