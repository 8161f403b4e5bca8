import type { MigrationInterface, QueryRunner } from "typeorm";

/** Each program's description in Arabic beside the English one: `BenefitProgram.description` answers in the request's language. */
export class ProgramDescriptionsAr1775000000000 implements MigrationInterface {
  name = "ProgramDescriptionsAr1775000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE benefit_program ADD COLUMN description_ar text;
      UPDATE benefit_program SET description_ar = CASE code
        WHEN 'CITIZEN_ACCOUNT' THEN 'دعم نقدي شهري للأسر السعودية منخفضة ومتوسطة الدخل.'
        WHEN 'SOCIAL_SECURITY' THEN 'معاش ضمان اجتماعي شهري للأسر التي يقل دخلها عن الحد.'
        WHEN 'LUMP_SUM_AID' THEN 'مساعدة تُصرف مرة واحدة للأسر التي تمر بضائقة.'
        WHEN 'FOOD_SUPPORT' THEN 'دعم شهري بسلة غذائية للأسر الكبيرة منخفضة الدخل.'
        WHEN 'HOUSING_SUPPORT' THEN 'مساعدة في الإيجار والسكن للأسر المستحقة.'
        ELSE description END;
      ALTER TABLE benefit_program ALTER COLUMN description_ar SET NOT NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE benefit_program DROP COLUMN description_ar;`);
  }
}
