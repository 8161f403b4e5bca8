import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The application as its keyed submission left it, so that the same submission repeated later
 * answers with that first result (RULES.md), not with where officers have taken it since. Keys
 * stored before have none: they answer with the application as it is.
 */
export class SubmissionFirstResult1773000000000 implements MigrationInterface {
  name = "SubmissionFirstResult1773000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE submission_key ADD COLUMN first_result jsonb`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE submission_key DROP COLUMN first_result`);
  }
}
