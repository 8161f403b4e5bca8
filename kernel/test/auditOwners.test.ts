import type { QueryRunner } from "typeorm";
import { DATA_ACCESS_REFUSALS_UP, DATA_ACCESS_UP } from "../audit/migration";
import { dataAccessOwnersMigration } from "../audit/ownersMigration";
import { dataAccessPartitionsMigration } from "../audit/partitions";
import { ACCESSES_OF_OWNER } from "../audit/report";
import { DATABASE_KINDS } from "../../test/support/database";
import { openRawSql, type RawSql } from "../../test/support/rawSql";

const [FAHAD, NOURA, SARAH] = ["1000000016", "1000000024", "1000000032"];
/** A row as the releases before records listed their owners append it: one owner. */
const oneOwnerRow = (at: string, owner: string, requestId: string) =>
  `INSERT INTO data_access (at, owner_id, accessor_id, accessor_roles, action, fields, request_id)
   VALUES (${at}, '${owner}', '1000000909', '{CIVIL_AFFAIRS_OFFICER}', 'READ', '{Citizen.fullName}', '${requestId}');`;

describe.each(DATABASE_KINDS)("data_access records listing their owners beside one-owner rows, on %s", (kind) => {
  let sql: RawSql;
  const migration = (name: string) => new (dataAccessOwnersMigration(name))();
  const runner = () => ({ query: (text: string) => sql.run(text) }) as unknown as QueryRunner;
  beforeAll(async () => {
    sql = await openRawSql(kind, "audit_owners");
    // The table as the earlier migrations left it: one row per owner, of today and of three years ago.
    await sql.run(DATA_ACCESS_UP + DATA_ACCESS_REFUSALS_UP);
    await new (dataAccessPartitionsMigration("Test"))().up(runner());
    await sql.run(oneOwnerRow("now()", FAHAD, "review") + oneOwnerRow("now()", NOURA, "review") + oneOwnerRow("now() - interval '3 years'", FAHAD, "old"));
    await migration("Test").up(runner());
  });
  afterAll(() => sql.close());

  const insertRecord = (owners: string, requestId: string) =>
    sql.run(`INSERT INTO data_access (owner_ids, accessor_id, accessor_roles, action, fields, request_id)
      VALUES ('${owners}', '1000000917', '{LABOR_OFFICER}', 'READ', '{Family.eligibility}', '${requestId}')`);

  it("leaves every earlier row as it was, and still takes a one-owner row from a replica of the previous release", async () => {
    await sql.run(oneOwnerRow("now()", SARAH, "previous-release"));
    expect(await sql.run(`SELECT request_id, owner_id, owner_ids FROM data_access ORDER BY id`)).toEqual([
      { request_id: "review", owner_id: FAHAD, owner_ids: null },
      { request_id: "review", owner_id: NOURA, owner_ids: null },
      { request_id: "old", owner_id: FAHAD, owner_ids: null },
      { request_id: "previous-release", owner_id: SARAH, owner_ids: null },
    ]);
  });

  it("finds a person's records of either shape, newest first, through the owners' indexes", async () => {
    await insertRecord(`{${NOURA},${SARAH}}`, "grouped");
    const accessesOf = (owner: string) => `EXECUTE accesses('${owner}', 10)`;
    await sql.run(`PREPARE accesses AS ${ACCESSES_OF_OWNER}`);
    expect((await sql.run<{ request_id: string }>(accessesOf(SARAH))).map((r) => r.request_id)).toEqual(["grouped", "previous-release"]);
    expect((await sql.run<{ request_id: string }>(accessesOf(NOURA))).map((r) => r.request_id)).toEqual(["grouped", "review"]);
    expect((await sql.run<{ request_id: string }>(accessesOf(FAHAD))).map((r) => r.request_id)).toEqual(["review", "old"]);
    const plan = (await sql.run<{ "QUERY PLAN": string }>(`SET enable_seqscan = off; EXPLAIN ${accessesOf(SARAH)}`)).map((line) => line["QUERY PLAN"]).join("\n");
    expect(plan).toMatch(/Bitmap Index Scan on data_access_\d{4}_\d{2}_owner_ids_idx/);
    expect(plan).toMatch(/Bitmap Index Scan on data_access_\d{4}_\d{2}_owner_id_at_id_idx/);
    await sql.run(`RESET enable_seqscan; DEALLOCATE accesses`);
  });

  it("refuses a record of nobody, one with an owner missing or with both shapes, and stays append-only", async () => {
    await expect(insertRecord("{}", "nobody")).rejects.toThrow(/data_access_owners/);
    await expect(insertRecord(`{${NOURA},NULL}`, "missing")).rejects.toThrow(/data_access_owners/);
    await expect(
      sql.run(`INSERT INTO data_access (owner_id, owner_ids, accessor_id, accessor_roles, action, fields, request_id)
        VALUES ('${FAHAD}', '{${FAHAD}}', '1000000909', '{}', 'READ', '{Citizen.fullName}', 'both')`),
    ).rejects.toThrow(/data_access_owners/);
    await expect(sql.run(`UPDATE data_access SET owner_ids = '{${SARAH}}'`)).rejects.toThrow(/append-only/);
    await expect(sql.run(`DELETE FROM data_access`)).rejects.toThrow(/append-only/);
  });

  it("goes back to one row per owner, losing none", async () => {
    await migration("Test").down(runner());
    expect(await sql.run(`SELECT request_id, owner_id FROM data_access ORDER BY request_id, owner_id`)).toEqual([
      { request_id: "grouped", owner_id: NOURA },
      { request_id: "grouped", owner_id: SARAH },
      { request_id: "old", owner_id: FAHAD },
      { request_id: "previous-release", owner_id: SARAH },
      { request_id: "review", owner_id: FAHAD },
      { request_id: "review", owner_id: NOURA },
    ]);
    await migration("Test").up(runner());
  });
});
