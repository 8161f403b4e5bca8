import { sqlMigration } from "../database/sqlMigration";
import type { Logger } from "../logger";

/**
 * The storage plan of the data-access audit at national scale: `data_access` is partitioned by
 * calendar month (UTC) so that the table a request writes to stays small, and so that records
 * older than the retention period leave as whole partitions, never as edited rows.
 *
 * - `data_access_<yyyy>_<mm>` holds one month; `data_access_undated` (the default partition) takes
 *   any record whose month has no partition yet, so none is ever refused. Each replica creates the
 *   coming months at start and daily (`keepAuditMonthsAhead`).
 * - Append-only as before, on the parent and on every partition: UPDATE, DELETE and TRUNCATE raise.
 * - Retention: the role `data_access_archivist` (no login; granted to the operator who archives)
 *   may call `data_access_detach_expired(retention_months)`, which detaches every month older
 *   than the period and renames it `archive_data_access_<yyyy>_<mm>` for export (pg_dump), and
 *   then `data_access_drop_archived(name)`. Nobody else is granted either; docs/operations.md
 *   gives the procedure and the period.
 */
/** How many months beyond this one always have their partition. */
const MONTHS_AHEAD = 2;

const PARTITIONS_UP = `
  ALTER TABLE data_access RENAME TO data_access_unpartitioned;
  ALTER INDEX data_access_pkey RENAME TO data_access_unpartitioned_pkey;
  ALTER INDEX data_access_owner_at RENAME TO data_access_unpartitioned_owner_at;

  CREATE TABLE data_access (
    id bigint NOT NULL DEFAULT nextval('data_access_id_seq'),
    at timestamptz NOT NULL DEFAULT now(),
    owner_id varchar(10) NOT NULL,
    accessor_id varchar(10) NOT NULL,
    accessor_roles text[] NOT NULL,
    action varchar(6) NOT NULL CHECK (action IN ('READ', 'CHANGE')),
    fields text[] NOT NULL,
    operation_name text,
    purpose text,
    request_id text NOT NULL,
    refused_fields text[] NOT NULL DEFAULT '{}',
    PRIMARY KEY (id, at)
  ) PARTITION BY RANGE (at);
  ALTER SEQUENCE data_access_id_seq OWNED BY data_access.id;
  CREATE INDEX data_access_owner_at ON data_access (owner_id, at DESC, id DESC);
  CREATE TRIGGER data_access_no_update_delete BEFORE UPDATE OR DELETE ON data_access
    FOR EACH ROW EXECUTE FUNCTION data_access_append_only();
  CREATE TRIGGER data_access_no_truncate BEFORE TRUNCATE ON data_access
    FOR EACH STATEMENT EXECUTE FUNCTION data_access_append_only();

  -- TRUNCATE triggers are not inherited: each partition gets its own.
  CREATE FUNCTION data_access_add_partition(partition text, bounds text) RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    IF to_regclass(partition) IS NOT NULL THEN RETURN; END IF;
    EXECUTE format('CREATE TABLE %I PARTITION OF data_access %s', partition, bounds);
    EXECUTE format('CREATE TRIGGER data_access_no_truncate BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION data_access_append_only()', partition);
  END
  $$;

  CREATE FUNCTION data_access_add_month(month date) RETURNS void LANGUAGE plpgsql AS $$
  DECLARE
    first date := date_trunc('month', month)::date;
  BEGIN
    PERFORM data_access_add_partition(
      format('data_access_%s', to_char(first, 'YYYY_MM')),
      format('FOR VALUES FROM (%L) TO (%L)', first || ' 00:00:00+00', (first + interval '1 month')::date || ' 00:00:00+00'));
  END
  $$;

  -- This month and the next ones; a month whose records already went to the default partition
  -- (its partition was missing) keeps them there rather than fail.
  CREATE FUNCTION data_access_prepare_months(months_ahead int) RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    FOR i IN 0..months_ahead LOOP
      BEGIN
        PERFORM data_access_add_month((date_trunc('month', now() AT TIME ZONE 'UTC') + make_interval(months => i))::date);
      EXCEPTION WHEN check_violation THEN
        RAISE WARNING 'data_access: month % has records in data_access_undated; its partition is not created', i;
      END;
    END LOOP;
  END
  $$;

  CREATE FUNCTION data_access_detach_expired(retention_months int) RETURNS SETOF text
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
  DECLARE
    cutoff date := (date_trunc('month', now() AT TIME ZONE 'UTC') - make_interval(months => retention_months))::date;
    partition text;
  BEGIN
    IF retention_months IS NULL OR retention_months < 12 THEN
      RAISE EXCEPTION 'data_access keeps at least 12 months online; % refused', retention_months;
    END IF;
    FOR partition IN
      SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = 'data_access'::regclass AND c.relname ~ '^data_access_[0-9]{4}_[0-9]{2}$'
      ORDER BY c.relname
    LOOP
      IF to_date(substr(partition, 13), 'YYYY_MM') < cutoff THEN
        EXECUTE format('ALTER TABLE data_access DETACH PARTITION %I', partition);
        EXECUTE format('ALTER TABLE %I RENAME TO %I', partition, 'archive_' || partition);
        EXECUTE format('GRANT SELECT ON %I TO data_access_archivist', 'archive_' || partition);
        RETURN NEXT 'archive_' || partition;
      END IF;
    END LOOP;
  END
  $$;

  CREATE FUNCTION data_access_drop_archived(archived text) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
  BEGIN
    IF archived !~ '^archive_data_access_[0-9]{4}_[0-9]{2}$' OR to_regclass(archived) IS NULL THEN
      RAISE EXCEPTION 'not an archived month of data_access: %', archived;
    END IF;
    EXECUTE format('DROP TABLE %I', archived);
  END
  $$;

  -- Roles belong to the cluster, which several agencies' databases may share. An agency's account
  -- without CREATEROLE leaves the role to the cluster's administrator, who then grants it the two
  -- functions (docs/operations.md, "The audit trail's storage and retention").
  REVOKE ALL ON FUNCTION data_access_detach_expired(int), data_access_drop_archived(text) FROM PUBLIC;
  DO $$ BEGIN
    BEGIN
      CREATE ROLE data_access_archivist NOLOGIN;
    EXCEPTION
      WHEN duplicate_object OR unique_violation THEN NULL;
      WHEN insufficient_privilege THEN RAISE NOTICE 'data_access_archivist not created: this account lacks CREATEROLE';
    END;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'data_access_archivist') THEN
      GRANT EXECUTE ON FUNCTION data_access_detach_expired(int), data_access_drop_archived(text) TO data_access_archivist;
    END IF;
  END $$;

  SELECT data_access_add_partition('data_access_undated', 'DEFAULT');
  SELECT data_access_add_month(month)
    FROM (SELECT DISTINCT date_trunc('month', at AT TIME ZONE 'UTC')::date AS month FROM data_access_unpartitioned) AS months;
  SELECT data_access_prepare_months(${MONTHS_AHEAD});
  INSERT INTO data_access (id, at, owner_id, accessor_id, accessor_roles, action, fields, operation_name, purpose, request_id, refused_fields)
    SELECT id, at, owner_id, accessor_id, accessor_roles, action, fields, operation_name, purpose, request_id, refused_fields
    FROM data_access_unpartitioned;
  DROP TABLE data_access_unpartitioned;
`;

const PARTITIONS_DOWN = `
  ALTER TABLE data_access RENAME TO data_access_partitioned;
  ALTER INDEX data_access_owner_at RENAME TO data_access_partitioned_owner_at;
  CREATE TABLE data_access (LIKE data_access_partitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
  ALTER TABLE data_access ADD PRIMARY KEY (id);
  ALTER SEQUENCE data_access_id_seq OWNED BY data_access.id;
  CREATE INDEX data_access_owner_at ON data_access (owner_id, at DESC, id DESC);
  INSERT INTO data_access SELECT * FROM data_access_partitioned;
  CREATE TRIGGER data_access_no_update_delete BEFORE UPDATE OR DELETE ON data_access
    FOR EACH ROW EXECUTE FUNCTION data_access_append_only();
  CREATE TRIGGER data_access_no_truncate BEFORE TRUNCATE ON data_access
    FOR EACH STATEMENT EXECUTE FUNCTION data_access_append_only();
  DROP TABLE data_access_partitioned;
  DROP FUNCTION data_access_drop_archived(text), data_access_detach_expired(int), data_access_prepare_months(int),
    data_access_add_month(date), data_access_add_partition(text, text);
`;

/** The partitioning of data_access, the same migration for every subgraph, named for it. */
export const dataAccessPartitionsMigration = (subgraph: string) => sqlMigration(`${subgraph}DataAccessPartitions1768000000000`, PARTITIONS_UP, PARTITIONS_DOWN);

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Creates this month's and the coming months' partitions now and then daily, so records never
 * wait for one (they would land in `data_access_undated`). Every replica does it; it is idempotent.
 * Returns the function that stops the daily run.
 */
export function keepAuditMonthsAhead(db: { query(sql: string): Promise<unknown> }, log: Logger): { ready: Promise<void>; stop(): void } {
  const prepare = () =>
    db.query(`SELECT data_access_prepare_months(${MONTHS_AHEAD})`).then(
      () => undefined,
      (error: unknown) => log.warn({ err: error }, "could not create the coming months of data_access"),
    );
  const timer = setInterval(prepare, DAY_MS);
  timer.unref();
  return { ready: prepare(), stop: () => clearInterval(timer) };
}
