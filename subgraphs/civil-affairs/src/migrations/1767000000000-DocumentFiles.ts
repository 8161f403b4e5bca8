import type { MigrationInterface, QueryRunner } from "typeorm";

/** With the embedded database, document bytes live in files beside it: the row keeps only the hash. */
export class DocumentFiles1767000000000 implements MigrationInterface {
  name = "DocumentFiles1767000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE document_blob ALTER COLUMN content DROP NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM application_document WHERE sha256 IN (SELECT sha256 FROM document_blob WHERE content IS NULL)`);
    await db.query(`DELETE FROM document_blob WHERE content IS NULL`);
    await db.query(`ALTER TABLE document_blob ALTER COLUMN content SET NOT NULL`);
  }
}
