import type { QueryRunner } from "typeorm";
import { DATA_ACCESS_REFUSALS_UP, DATA_ACCESS_UP } from "../audit/migration";
import { dataAccessPartitionsMigration } from "../audit/partitions";
import { Client } from "pg";
import { createTestDatabase, DATABASE_KINDS, TEST_DATABASE_URL } from "../../test/support/database";
import { openRawSql, type RawSql } from "../../test/support/rawSql";

const month = (offset: number) => {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
  return `${first.getUTCFullYear()}_${String(first.getUTCMonth() + 1).padStart(2, "0")}`;
};
const insert = (at: string, requestId: string) =>
  `INSERT INTO data_access (at, owner_id, accessor_id, accessor_roles, action, fields, request_id)
   VALUES (${at}, '1000000016', '1000000909', '{CIVIL_AFFAIRS_OFFICER}', 'READ', '{Citizen.fullName}', '${requestId}')`;

describe.each(DATABASE_KINDS)("data_access by month, on %s", (kind) => {
  let sql: RawSql;
  beforeAll(async () => {
    sql = await openRawSql(kind, "audit_partitions");
    // The table as the earlier migrations left it, with records of three years ago and of today.
    await sql.run(DATA_ACCESS_UP + DATA_ACCESS_REFUSALS_UP);
    await sql.run(insert("now() - interval '3 years'", "old") + ";" + insert("now()", "today"));
    const Migration = dataAccessPartitionsMigration("Test");
    await new Migration().up({ query: (text: string) => sql.run(text) } as unknown as QueryRunner);
  });
  afterAll(() => sql.close());

  const partitions = async () =>
    (await sql.run<{ name: string }>(`SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'data_access'::regclass ORDER BY 1`)).map((r) => r.name);

  it("keeps every earlier record, each in its month, with this month and the next two ready", async () => {
    expect((await sql.run(`SELECT relkind FROM pg_class WHERE relname = 'data_access'`))[0]).toEqual({ relkind: "p" });
    expect(await partitions()).toEqual(expect.arrayContaining([`data_access_${month(-36)}`, `data_access_${month(0)}`, `data_access_${month(1)}`, `data_access_${month(2)}`, "data_access_undated"]));
    const placed = await sql.run<{ request_id: string; partition: string }>(`SELECT request_id, tableoid::regclass::text AS partition FROM data_access ORDER BY id`);
    expect(placed).toEqual([
      { request_id: "old", partition: `data_access_${month(-36)}` },
      { request_id: "today", partition: `data_access_${month(0)}` },
    ]);
    await sql.run(insert("now()", "after"));
    expect((await sql.run<{ id: string }>(`SELECT id::text FROM data_access ORDER BY id`)).map((r) => Number(r.id))).toEqual([1, 2, 3]);
  });

  it("stays append-only on the table and on every month", async () => {
    for (const statement of [`UPDATE data_access SET purpose = 'x'`, `DELETE FROM data_access`, `TRUNCATE data_access`, `TRUNCATE data_access_${month(0)}`, `DELETE FROM data_access_${month(-36)}`]) {
      await expect(sql.run(statement)).rejects.toThrow(/append-only/);
    }
    expect(await sql.run(`SELECT count(*)::int AS n FROM data_access`)).toEqual([{ n: 3 }]);
  });

  it("lets the archivist detach the months older than the retention period, export and drop them, and nothing else", async () => {
    await expect(sql.run(`SELECT * FROM data_access_detach_expired(6)`)).rejects.toThrow(/at least 12 months/);
    const detached = await sql.run<{ name: string }>(`SELECT data_access_detach_expired AS name FROM data_access_detach_expired(24)`);
    expect(detached).toEqual([{ name: `archive_data_access_${month(-36)}` }]);
    expect((await sql.run<{ request_id: string }>(`SELECT request_id FROM data_access ORDER BY id`)).map((r) => r.request_id)).toEqual(["today", "after"]);
    expect(await sql.run(`SELECT request_id FROM archive_data_access_${month(-36)}`)).toEqual([{ request_id: "old" }]);

    await expect(sql.run(`SELECT data_access_drop_archived('data_access_${month(0)}')`)).rejects.toThrow(/not an archived month/);
    await sql.run(`SELECT data_access_drop_archived('archive_data_access_${month(-36)}')`);
    expect(await sql.run(`SELECT to_regclass('archive_data_access_${month(-36)}') AS archive`)).toEqual([{ archive: null }]);

    const granted = await sql.run<{ grantee: string }>(
      `SELECT DISTINCT grantee::regrole::text AS grantee FROM pg_proc, aclexplode(proacl) WHERE proname = 'data_access_detach_expired' AND privilege_type = 'EXECUTE'`,
    );
    expect(granted.map((g) => g.grantee).filter((g) => g !== "postgres")).toEqual(["data_access_archivist"]);
  });
});

/**
 * An agency's database account is rarely allowed to create roles: the migration then leaves the
 * archivist's role to the cluster's administrator instead of failing (it failed with "permission
 * denied to create role", and every replica with it).
 */
(TEST_DATABASE_URL ? describe : describe.skip)("data_access by month, migrated by an account without CREATEROLE", () => {
  it("migrates, and grants the two functions once the role exists", async () => {
    const database = await createTestDatabase("audit_no_createrole");
    const owner = `agency_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new Client({ connectionString: database.url });
    await admin.connect();
    const url = new URL(database.url);
    url.username = owner;
    const agency = new Client({ connectionString: url.toString() });
    try {
      await admin.query(`CREATE ROLE ${owner} LOGIN NOCREATEROLE; GRANT ALL ON SCHEMA public TO ${owner}`);
      await agency.connect();
      await agency.query(DATA_ACCESS_UP + DATA_ACCESS_REFUSALS_UP);
      const Migration = dataAccessPartitionsMigration("Test");
      await new Migration().up({ query: (text: string) => agency.query(text) } as unknown as QueryRunner);
      const granted = await admin.query(`SELECT has_function_privilege('data_access_archivist', 'data_access_detach_expired(int)', 'EXECUTE') AS granted`).catch(() => null);
      // On a cluster where another database made the role, the grant is made; where none did, it waits for the administrator.
      expect(granted === null || granted.rows[0].granted === true).toBe(true);
    } finally {
      await agency.end().catch(() => undefined);
      await admin.end();
      await database.drop();
      const cleanup = new Client({ connectionString: TEST_DATABASE_URL });
      await cleanup.connect();
      await cleanup.query(`DROP ROLE IF EXISTS ${owner}`).finally(() => cleanup.end());
    }
  });
});
