import type { MigrationInterface, QueryRunner } from "typeorm";

export class Registry1764000000000 implements MigrationInterface {
  name = "Registry1764000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE citizen (
        national_id varchar(10) PRIMARY KEY,
        full_name_ar text NOT NULL,
        full_name_en text,
        gender varchar(6) NOT NULL CHECK (gender IN ('MALE', 'FEMALE')),
        birth_date date NOT NULL,
        nationality char(2) NOT NULL,
        marital_status varchar(8) NOT NULL,
        mobile varchar(15),
        address_building_number varchar(4),
        address_street text,
        address_district text,
        address_city text,
        address_postal_code varchar(5),
        address_additional_number varchar(4),
        address_short_address varchar(8),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE marriage (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        husband_id varchar(10) NOT NULL REFERENCES citizen(national_id),
        wife_id varchar(10) NOT NULL REFERENCES citizen(national_id),
        registered boolean NOT NULL,
        contracted_on date NOT NULL,
        ended_on date
      );
      CREATE INDEX marriage_husband_idx ON marriage (husband_id);
      CREATE INDEX marriage_wife_idx ON marriage (wife_id);
      CREATE TABLE birth_record (
        child_id varchar(10) PRIMARY KEY REFERENCES citizen(national_id),
        father_id varchar(10) REFERENCES citizen(national_id),
        mother_id varchar(10) REFERENCES citizen(national_id)
      );
      CREATE INDEX birth_record_father_idx ON birth_record (father_id);
      CREATE INDEX birth_record_mother_idx ON birth_record (mother_id);
      CREATE SEQUENCE family_register_seq START 4000000001;
      CREATE TABLE family (
        register_number varchar(10) PRIMARY KEY,
        head_id varchar(10) NOT NULL UNIQUE REFERENCES citizen(national_id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE family_member (
        national_id varchar(10) PRIMARY KEY REFERENCES citizen(national_id),
        register_number varchar(10) NOT NULL REFERENCES family(register_number),
        relation varchar(8) NOT NULL CHECK (relation IN ('HEAD', 'SPOUSE', 'SON', 'DAUGHTER'))
      );
      CREATE INDEX family_member_register_idx ON family_member (register_number);
      CREATE TABLE family_card (
        card_number varchar(14) PRIMARY KEY,
        register_number varchar(10) NOT NULL REFERENCES family(register_number),
        version int NOT NULL,
        status varchar(9) NOT NULL CHECK (status IN ('ACTIVE', 'REPLACED', 'CANCELLED')),
        issued_at timestamptz NOT NULL,
        application_id uuid,
        UNIQUE (register_number, version)
      );
      CREATE UNIQUE INDEX family_card_one_active_idx ON family_card (register_number) WHERE status = 'ACTIVE';
      CREATE TABLE civil_affairs_office (
        id varchar(16) PRIMARY KEY,
        name_ar text NOT NULL,
        name_en text NOT NULL,
        city text NOT NULL
      );
      CREATE INDEX civil_affairs_office_city_idx ON civil_affairs_office (lower(city));
      CREATE TABLE account (
        national_id varchar(10) PRIMARY KEY REFERENCES citizen(national_id),
        password_hash text NOT NULL,
        roles text[] NOT NULL
      );
      CREATE TABLE login_throttle (
        national_id varchar(10) PRIMARY KEY,
        failures int NOT NULL,
        window_started_at timestamptz NOT NULL,
        locked_until timestamptz
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE login_throttle; DROP TABLE account; DROP TABLE civil_affairs_office; DROP TABLE family_card;
      DROP TABLE family_member; DROP TABLE family; DROP SEQUENCE family_register_seq;
      DROP TABLE birth_record; DROP TABLE marriage; DROP TABLE citizen;
    `);
  }
}
