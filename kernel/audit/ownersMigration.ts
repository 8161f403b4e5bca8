import { sqlMigration } from "../database/sqlMigration";

/**
 * One record for all the people a request read the same fields of: `owner_ids` replaces
 * `owner_id`, indexed with GIN for "who accessed my data". A 50-family review wrote ~250 rows per
 * subgraph, each with its index entry, and that was most of PostgreSQL's CPU per review; it now
 * writes a few (docs/benchmarks.md). Existing rows become one-owner records in place: the column's
 * type change rewrites the table without firing the append-only triggers, and nothing is deleted.
 */
export const DATA_ACCESS_OWNERS_UP = `
  DROP INDEX data_access_owner_at;
  ALTER TABLE data_access ALTER COLUMN owner_id TYPE varchar(10)[] USING ARRAY[owner_id];
  ALTER TABLE data_access RENAME COLUMN owner_id TO owner_ids;
  ALTER TABLE data_access ADD CONSTRAINT data_access_owner_ids_present CHECK (cardinality(owner_ids) > 0);
  CREATE INDEX data_access_owners ON data_access USING gin (owner_ids);
`;

/** Back to one row per owner: a record of several people is appended again for each but the first, which keeps it. */
const DATA_ACCESS_OWNERS_DOWN = `
  DROP INDEX data_access_owners;
  ALTER TABLE data_access DROP CONSTRAINT data_access_owner_ids_present;
  INSERT INTO data_access (at, owner_ids, accessor_id, accessor_roles, action, fields, refused_fields, operation_name, purpose, request_id)
    SELECT at, ARRAY[owner], accessor_id, accessor_roles, action, fields, refused_fields, operation_name, purpose, request_id
    FROM data_access, unnest(owner_ids[2:]) AS owner
    ORDER BY id;
  ALTER TABLE data_access ALTER COLUMN owner_ids TYPE varchar(10) USING owner_ids[1];
  ALTER TABLE data_access RENAME COLUMN owner_ids TO owner_id;
  CREATE INDEX data_access_owner_at ON data_access (owner_id, at DESC, id DESC);
`;

/** The same migration for every subgraph, named for it. */
export const dataAccessOwnersMigration = (subgraph: string) => sqlMigration(`${subgraph}DataAccessOwners1771000000000`, DATA_ACCESS_OWNERS_UP, DATA_ACCESS_OWNERS_DOWN);
