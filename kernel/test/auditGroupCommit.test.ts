import { openPGlite } from "../database/pglite";
import { Client } from "pg";
import { AuditGroupCommit, type Queryable } from "../audit/groupCommit";
import { DATA_ACCESS_REFUSALS_UP, DATA_ACCESS_UP } from "../audit/migration";
import { DATA_ACCESS_OWNERS_UP } from "../audit/ownersMigration";
import type { DataAccessRow } from "../audit/plugin";
import { createTestDatabase, DATABASE_KINDS } from "../../test/support/database";

const row = (ownerId: string, requestId: string): DataAccessRow => ({
  ownerIds: [ownerId],
  accessorId: "1000000909",
  accessorRoles: ["CIVIL_AFFAIRS_OFFICER"],
  action: "READ",
  fields: ["Citizen.fullName", "Citizen.birthDate"],
  refusedFields: [],
  operationName: "Review",
  purpose: "case 17",
  requestId,
});

/** The real database, with each INSERT counted and, while `gate` is set, held before it is sent. */
class CountedDatabase implements Queryable {
  inserts = 0;
  gate: Promise<void> | null = null;
  constructor(private readonly database: Queryable) {}
  async query(sql: string, parameters: unknown[]): Promise<unknown> {
    if (sql.startsWith("INSERT")) {
      this.inserts += 1;
      await this.gate;
    }
    return this.database.query(sql, parameters);
  }
}

async function openDatabase(kind: string): Promise<{ db: Queryable; rows(): Promise<Array<{ request_id: string; owner_ids: string[]; fields: string[] }>>; close(): Promise<void> }> {
  if (kind === "embedded") {
    const pglite = await openPGlite();
    await pglite.exec(DATA_ACCESS_UP + DATA_ACCESS_REFUSALS_UP + DATA_ACCESS_OWNERS_UP);
    return {
      db: pglite,
      rows: async () => (await pglite.query<{ request_id: string; owner_ids: string[]; fields: string[] }>("SELECT request_id, owner_ids, fields FROM data_access ORDER BY id")).rows,
      close: () => pglite.close(),
    };
  }
  const database = await createTestDatabase("audit_group");
  const client = new Client({ connectionString: database.url });
  await client.connect();
  await client.query(DATA_ACCESS_UP + DATA_ACCESS_REFUSALS_UP + DATA_ACCESS_OWNERS_UP);
  return {
    db: client,
    rows: async () => (await client.query("SELECT request_id, owner_ids, fields FROM data_access ORDER BY id")).rows,
    close: async () => {
      await client.end();
      await database.drop();
    },
  };
}

describe.each(DATABASE_KINDS)("the audit's group commit, on %s", (kind) => {
  // One database for the file (PGlite takes seconds to start); each test names its own requests.
  let database: Awaited<ReturnType<typeof openDatabase>>;
  beforeAll(async () => {
    database = await openDatabase(kind);
  });
  afterAll(() => database.close());
  const rowsOf = async (prefix: string) => (await database.rows()).filter((r) => r.request_id.startsWith(prefix));

  it("writes the records of requests that finish together in one INSERT, every row kept", async () => {
    const counted = new CountedDatabase(database.db);
    const writer = new AuditGroupCommit(counted);
    const owners = Array.from({ length: 20 }, (_, i) => `10000001${String(i).padStart(2, "0")}`);
    await Promise.all(owners.map((owner, i) => writer.append([row(owner, `many-${i}`), row("1000000016", `many-${i}`)])));
    // The first request finds the writer idle and goes alone; the other 19 wait for it and go together.
    expect(counted.inserts).toBe(2);
    const written = await rowsOf("many-");
    expect(written).toHaveLength(40);
    expect(new Set(written.map((r) => r.request_id)).size).toBe(20);
    expect(written[0]!.fields).toEqual(["Citizen.fullName", "Citizen.birthDate"]);
  });

  it("settles a request's append only once the INSERT holding its rows has committed", async () => {
    const counted = new CountedDatabase(database.db);
    let release!: () => void;
    counted.gate = new Promise<void>((resolve) => (release = resolve));
    const writer = new AuditGroupCommit(counted);
    let settled = false;
    const appended = writer.append([row("1000000057", "held")]).then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toBe(false);
    expect(await rowsOf("held")).toHaveLength(0);
    release();
    await appended;
    expect((await rowsOf("held")).map((r) => r.request_id)).toEqual(["held"]);
  });

  it("does not let one request's unwritable rows withhold the others' responses", async () => {
    const counted = new CountedDatabase(database.db);
    let release!: () => void;
    counted.gate = new Promise<void>((resolve) => (release = resolve));
    const writer = new AuditGroupCommit(counted);
    const first = writer.append([row("1000000016", "group-first")]);
    // These three queue behind the held first INSERT and form one group; one owner ID does not fit the column.
    const group = [
      writer.append([row("1000000057", "group-a")]),
      writer.append([row("10000000999999", "group-bad")]),
      writer.append([row("1000000099", "group-b")]),
    ];
    release();
    await first;
    const outcomes = await Promise.allSettled(group);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((await rowsOf("group-")).map((r) => r.request_id).sort()).toEqual(["group-a", "group-b", "group-first"]);
  });
});
