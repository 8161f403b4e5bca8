import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * An office's city in Arabic beside its English one, so that an address typed in Arabic finds the
 * office (registry/cities.ts matches both names in code, so the index on lower(city) goes). The
 * seed fills it for the demo offices; an office without it is found by its English city only.
 */
export class OfficeCityArabic1772000000000 implements MigrationInterface {
  name = "OfficeCityArabic1772000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE civil_affairs_office ADD COLUMN city_ar text`);
    await db.query(`DROP INDEX civil_affairs_office_city_idx`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX civil_affairs_office_city_idx ON civil_affairs_office (lower(city))`);
    await db.query(`ALTER TABLE civil_affairs_office DROP COLUMN city_ar`);
  }
}
