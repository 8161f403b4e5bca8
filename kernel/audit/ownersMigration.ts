import { sqlMigration } from "../database/sqlMigration";

/**
 * One record for all the people a request read the same fields of: `owner_ids`, GIN-indexed for
 * "who accessed my data". A 50-family review wrote ~250 rows per subgraph, each with its index
 * entry, and that was most of PostgreSQL's CPU per review; it now writes a few (docs/benchmarks.md).
 *
 * Added beside `owner_id`, not in its place, so that a rolling release works: replicas of the
 * previous release keep appending one-owner rows (`owner_id`) while new ones append records
 * (`owner_ids`), and the report reads both. Nothing is rewritten: the column is added empty and the
 * check is NOT VALID (it holds for every row appended from now on; the rows before have
 * `owner_id`). A record must name someone, and no owner may be missing: an owner the code could
 * not tell fails the write, and the response is withheld, as a NULL `owner_id` did. The one-owner
 * rows stay as they are and leave with their months (docs/operations.md).
 */
export const DATA_ACCESS_OWNERS_UP = `
  ALTER TABLE data_access ADD COLUMN owner_ids varchar(10)[];
  ALTER TABLE data_access ALTER COLUMN owner_id DROP NOT NULL;
  ALTER TABLE data_access ADD CONSTRAINT data_access_owners CHECK (
    num_nonnulls(owner_id, owner_ids) = 1
    AND (owner_ids IS NULL OR (cardinality(owner_ids) > 0 AND array_position(owner_ids, NULL) IS NULL))
  ) NOT VALID;
  CREATE INDEX data_access_owner_ids ON data_access USING gin (owner_ids);
`;

/**
 * Back to one row per owner: a record of several people is appended again for each but the first,
 * and keeps the first as its `owner_id` (the type change rewrites rows without firing the
 * append-only triggers; nothing is deleted).
 */
const DATA_ACCESS_OWNERS_DOWN = `
  DROP INDEX data_access_owner_ids;
  ALTER TABLE data_access DROP CONSTRAINT data_access_owners;
  INSERT INTO data_access (at, owner_id, accessor_id, accessor_roles, action, fields, refused_fields, operation_name, purpose, request_id)
    SELECT at, owner, accessor_id, accessor_roles, action, fields, refused_fields, operation_name, purpose, request_id
    FROM data_access, unnest(owner_ids[2:]) AS owner
    ORDER BY id;
  ALTER TABLE data_access ALTER COLUMN owner_id TYPE varchar(10) USING coalesce(owner_id, owner_ids[1]);
  ALTER TABLE data_access ALTER COLUMN owner_id SET NOT NULL;
  ALTER TABLE data_access DROP COLUMN owner_ids;
`;

/** The same migration for every subgraph, named for it. */
export const dataAccessOwnersMigration = (subgraph: string) => sqlMigration(`${subgraph}DataAccessOwners1771000000000`, DATA_ACCESS_OWNERS_UP, DATA_ACCESS_OWNERS_DOWN);
