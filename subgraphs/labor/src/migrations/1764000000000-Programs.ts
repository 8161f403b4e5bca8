import type { MigrationInterface, QueryRunner } from "typeorm";

export class Programs1764000000000 implements MigrationInterface {
  name = "Programs1764000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE benefit_program (
        code varchar(20) PRIMARY KEY,
        name_ar text NOT NULL,
        name_en text NOT NULL,
        description text NOT NULL
      );
      INSERT INTO benefit_program (code, name_ar, name_en, description) VALUES
        ('CITIZEN_ACCOUNT', 'حساب المواطن', 'Citizen Account', 'Monthly cash support for low- and middle-income Saudi households.'),
        ('SOCIAL_SECURITY', 'الضمان الاجتماعي المطور', 'Social Security', 'Monthly social-security pension for households below the income threshold.'),
        ('LUMP_SUM_AID', 'المساعدات المقطوعة', 'Lump-Sum Aid', 'One-off assistance for households facing hardship.'),
        ('FOOD_SUPPORT', 'دعم الغذاء', 'Food Support', 'Monthly food-basket support for large low-income households.'),
        ('HOUSING_SUPPORT', 'الدعم السكني', 'Housing Support', 'Rent and housing assistance for eligible households.');
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE benefit_program;`);
  }
}
