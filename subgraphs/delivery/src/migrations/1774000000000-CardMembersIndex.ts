import type { MigrationInterface, QueryRunner } from "typeorm";

/** Four-eyes finds the cards an officer is on by their members (cards/fourEyes.ts): a GIN index, not a scan of every card. */
export class CardMembersIndex1774000000000 implements MigrationInterface {
  name = "CardMembersIndex1774000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX issued_card_member_ids ON issued_card USING gin (member_ids)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX issued_card_member_ids`);
  }
}
