import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Labor's own copy of each family register (fed by civil-affairs' CardIssued events), the
 * eligibility the rules in force give each family (recomputed, never written by a read), and the
 * enrollments' monthly amounts as a column, so that programStats counts from indexes.
 */
export class RegisterCopy1766000000000 implements MigrationInterface {
  name = "RegisterCopy1766000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE register_family (
        register_number varchar(10) PRIMARY KEY,
        -- the card version whose event last set the composition: an older event changes nothing
        card_version int NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      -- A person is in one register at a time, as in civil-affairs.
      CREATE TABLE register_member (
        national_id varchar(10) PRIMARY KEY,
        register_number varchar(10) NOT NULL REFERENCES register_family(register_number),
        relation varchar(8) NOT NULL CHECK (relation IN ('HEAD', 'SPOUSE', 'SON', 'DAUGHTER')),
        birth_date date NOT NULL,
        nationality varchar(3) NOT NULL
      );
      CREATE INDEX register_member_register_idx ON register_member (register_number);

      CREATE TABLE family_eligibility (
        register_number varchar(10) NOT NULL REFERENCES register_family(register_number),
        program varchar(20) NOT NULL REFERENCES benefit_program(code),
        rules_version varchar(20) NOT NULL,
        eligible boolean NOT NULL,
        monthly_halalas integer,
        computed_at timestamptz NOT NULL,
        PRIMARY KEY (register_number, program)
      );
      CREATE INDEX family_eligibility_eligible_idx ON family_eligibility (program, rules_version) WHERE eligible;
      CREATE INDEX family_eligibility_computed_idx ON family_eligibility (computed_at);

      ALTER TABLE benefit_enrollment ADD COLUMN monthly_halalas integer;
      UPDATE benefit_enrollment SET monthly_halalas = (evidence->>'monthlyHalalas')::int;
      CREATE INDEX benefit_enrollment_program_status_idx ON benefit_enrollment (program, status);

      -- Reads no longer record evaluations: a decision is kept with the enrollment it was made for.
      DROP TABLE eligibility_evaluation;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE eligibility_evaluation (
        id bigserial PRIMARY KEY, register_number varchar(10) NOT NULL, program varchar(20) NOT NULL REFERENCES benefit_program(code),
        rules_version varchar(20) NOT NULL, inputs_digest char(64) NOT NULL, inputs jsonb NOT NULL, eligible boolean NOT NULL,
        monthly_halalas integer, reasons jsonb NOT NULL, evaluated_at timestamptz NOT NULL
      );
      DROP INDEX benefit_enrollment_program_status_idx;
      ALTER TABLE benefit_enrollment DROP COLUMN monthly_halalas;
      DROP TABLE family_eligibility; DROP TABLE register_member; DROP TABLE register_family;
    `);
  }
}
