import type { MigrationInterface, QueryRunner } from "typeorm";

export class Eligibility1764100000000 implements MigrationInterface {
  name = "Eligibility1764100000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE wage_record (
        id bigserial PRIMARY KEY,
        national_id varchar(10) NOT NULL,
        monthly_halalas integer NOT NULL CHECK (monthly_halalas >= 0),
        employer text NOT NULL,
        source varchar(8) NOT NULL CHECK (source IN ('GOSI', 'OFFICER')),
        effective_from date NOT NULL,
        recorded_by varchar(10),
        recorded_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX wage_record_person_idx ON wage_record (national_id, effective_from DESC, id DESC);

      -- Every distinct evaluation of a family for a program: a new row only when the inputs' digest
      -- or the rules version differs from the family's latest one for that program.
      CREATE TABLE eligibility_evaluation (
        id bigserial PRIMARY KEY,
        register_number varchar(10) NOT NULL,
        program varchar(20) NOT NULL REFERENCES benefit_program(code),
        rules_version varchar(20) NOT NULL,
        inputs_digest char(64) NOT NULL,
        inputs jsonb NOT NULL,
        eligible boolean NOT NULL,
        monthly_halalas integer,
        reasons jsonb NOT NULL,
        evaluated_at timestamptz NOT NULL
      );
      CREATE INDEX eligibility_evaluation_latest_idx ON eligibility_evaluation (program, register_number, id DESC);

      CREATE TABLE benefit_enrollment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        register_number varchar(10) NOT NULL,
        program varchar(20) NOT NULL REFERENCES benefit_program(code),
        status varchar(9) NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
        applied_by varchar(10) NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now(),
        decided_by varchar(10),
        decided_at timestamptz,
        rules_version varchar(20) NOT NULL,
        evidence jsonb NOT NULL
      );
      CREATE INDEX benefit_enrollment_register_idx ON benefit_enrollment (register_number);
      CREATE UNIQUE INDEX benefit_enrollment_one_open_idx ON benefit_enrollment (register_number, program)
        WHERE status IN ('PENDING', 'APPROVED');

      CREATE TABLE enrollment_event (
        id bigserial PRIMARY KEY,
        enrollment_id uuid NOT NULL REFERENCES benefit_enrollment(id),
        from_status varchar(9),
        to_status varchar(9) NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        by varchar(10) NOT NULL
      );
      CREATE INDEX enrollment_event_enrollment_idx ON enrollment_event (enrollment_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE enrollment_event; DROP TABLE benefit_enrollment; DROP TABLE eligibility_evaluation; DROP TABLE wage_record;`);
  }
}
