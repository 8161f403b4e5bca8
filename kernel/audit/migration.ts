import { sqlMigration } from "../database/sqlMigration";

/**
 * The data-access audit table, the same in every subgraph's own database: append-only, refused
 * UPDATE, DELETE and TRUNCATE by a trigger (PostgreSQL and PGlite alike).
 */
export const DATA_ACCESS_UP = `
  CREATE TABLE data_access (
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    owner_id varchar(10) NOT NULL,
    accessor_id varchar(10) NOT NULL,
    accessor_roles text[] NOT NULL,
    action varchar(6) NOT NULL CHECK (action IN ('READ', 'CHANGE')),
    fields text[] NOT NULL,
    operation_name text,
    purpose text,
    request_id text NOT NULL
  );
  CREATE INDEX data_access_owner_at ON data_access (owner_id, at DESC, id DESC);

  CREATE FUNCTION data_access_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'data_access is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
  END
  $$;
  CREATE TRIGGER data_access_no_update_delete BEFORE UPDATE OR DELETE ON data_access
    FOR EACH ROW EXECUTE FUNCTION data_access_append_only();
  CREATE TRIGGER data_access_no_truncate BEFORE TRUNCATE ON data_access
    FOR EACH STATEMENT EXECUTE FUNCTION data_access_append_only();
`;

export const DATA_ACCESS_DOWN = `
  DROP TABLE data_access;
  DROP FUNCTION data_access_append_only();
`;

/**
 * Reads refused while they ran (a FORBIDDEN field of a record the reader reached) are kept apart
 * from the fields read: the report lists them with outcome REFUSED, never as reads. The same
 * migration for every subgraph, named for it.
 */
export const DATA_ACCESS_REFUSALS_UP = `ALTER TABLE data_access ADD COLUMN refused_fields text[] NOT NULL DEFAULT '{}';`;

export const dataAccessRefusalsMigration = (subgraph: string) =>
  sqlMigration(`${subgraph}DataAccessRefusals1767000000001`, DATA_ACCESS_REFUSALS_UP, `ALTER TABLE data_access DROP COLUMN refused_fields`);
