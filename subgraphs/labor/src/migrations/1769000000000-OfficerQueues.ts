import type { MigrationInterface, QueryRunner } from "typeorm";

/** Indexes the labor officers' pending queue reads (pendingEnrollments): the PENDING enrollments in the order they were applied for. */
export class OfficerQueues1769000000000 implements MigrationInterface {
  name = "OfficerQueues1769000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX benefit_enrollment_pending_idx ON benefit_enrollment (applied_at, id) WHERE status = 'PENDING';`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX benefit_enrollment_pending_idx;`);
  }
}
