/**
 * `data_access` as one row per owner, for tests that check whose data a request recorded: a record
 * lists its owners in `owner_ids`, a row of an earlier release names one in `owner_id`
 * (kernel/audit/ownersMigration.ts). Use in place of the table name.
 */
export const DATA_ACCESS_PER_OWNER = `(SELECT unnest(coalesce(owner_ids, ARRAY[owner_id])) AS owner_id, id, at, accessor_id, accessor_roles, action, fields, refused_fields, operation_name, purpose, request_id
  FROM data_access) AS data_access`;
