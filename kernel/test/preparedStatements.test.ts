import type { DataSource } from "typeorm";
import { createTestDatabase, TEST_DATABASE_URL } from "../../test/support/database";
import { openDatabase } from "../database/dataSource";
import { prepared } from "../database/preparedStatements";
import { countStatements } from "../database/statementCounter";
import { createLogger } from "../logger";

const MARKED = prepared("SELECT $1::int + 1 AS next");
const PLAIN = "SELECT $1::int + 2 AS next";

/**
 * The hot statements are prepared once per PostgreSQL connection (kernel/database/preparedStatements.ts):
 * a marked statement is known to the server by name after its first run, anything else is not,
 * and both still answer and are counted as before. The embedded database prepares them too
 * (kernel/database/pgliteStatements.ts).
 */
(TEST_DATABASE_URL ? describe : describe.skip)("statements marked as prepared, on PostgreSQL", () => {
  let database: { url: string; drop(): Promise<void> };
  let db: DataSource;
  beforeAll(async () => {
    database = await createTestDatabase("prepared");
    db = await openDatabase({ url: database.url, entities: [], migrations: [], log: createLogger("test") });
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it("go by name once run, answer as before, and are counted like any statement", async () => {
    // One connection of the pool, held: what the test asks about is the connection that ran the statements.
    const connection = db.createQueryRunner();
    try {
      const { result, statements } = await countStatements(async () => [await connection.query(MARKED, [1]), await connection.query(MARKED, [41]), await connection.query(PLAIN, [1])]);
      expect(result).toEqual([[{ next: 2 }], [{ next: 42 }], [{ next: 3 }]]);
      expect(statements).toBe(3);
      const known: Array<{ statement: string }> = await connection.query("SELECT statement FROM pg_prepared_statements");
      expect(known.map((row) => row.statement)).toEqual([MARKED]);
    } finally {
      await connection.release();
    }
  });
});

/**
 * On the embedded database, a marked statement is a named prepared statement of PGlite's one session:
 * it answers and converts values as PGlite's own queries do, and a failing run leaves the session usable.
 */
describe("statements marked as prepared, on the embedded database", () => {
  let db: DataSource;
  const INSERT = prepared(`INSERT INTO marked (id, names, at, note) VALUES ($1, $2, $3, $4) RETURNING id, names, at, note, day`);
  beforeAll(async () => {
    db = await openDatabase({ entities: [], migrations: [], log: createLogger("test") });
    await db.query(`CREATE TABLE marked (id int PRIMARY KEY, names text[] NOT NULL, at timestamptz NOT NULL, note text, day date NOT NULL DEFAULT '2026-12-01')`);
  });
  afterAll(() => db?.destroy());

  it("go by name once run, with values and rows converted as PGlite converts them", async () => {
    const at = new Date("2026-12-01T09:30:00Z");
    const { result, statements } = await countStatements(async () => [await db.query(INSERT, [1, ["أ", "b,c"], at, null]), await db.query(MARKED, [41])]);
    expect(result).toEqual([[{ id: 1, names: ["أ", "b,c"], at, note: null, day: "2026-12-01" }], [{ next: 42 }]]);
    expect(statements).toBe(2);
    const known: Array<{ statement: string }> = await db.query("SELECT statement FROM pg_prepared_statements ORDER BY statement");
    expect(known.map((row) => row.statement).sort()).toEqual([INSERT, MARKED].sort());
  });

  it("answer each caller with its own rows when one holder runs several at once, preparing each once", async () => {
    const FIRST_USE = prepared("SELECT $1::int * 10 AS times_ten");
    const runner = db.createQueryRunner();
    try {
      const answers = await Promise.all([runner.query(MARKED, [1]), runner.query(FIRST_USE, [2]), runner.query(FIRST_USE, [3]), runner.query(MARKED, [4])]);
      expect(answers).toEqual([[{ next: 2 }], [{ times_ten: 20 }], [{ times_ten: 30 }], [{ next: 5 }]]);
    } finally {
      await runner.release();
    }
  });

  it("answer a reply longer than one piece of PGlite's output whole, and count the rows a write changed", async () => {
    const MANY = prepared(`SELECT n, repeat('ب', $2::int) AS text, CASE WHEN n % 2 = 0 THEN NULL ELSE n END AS odd FROM generate_series(1, $1::int) AS n`);
    // PGlite hands a reply over in pieces of a few kilobytes: these are tens and hundreds of them.
    const rows: Array<{ n: number; text: string; odd: number | null }> = await db.query(MANY, [3000, 7]);
    expect(rows).toEqual(Array.from({ length: 3000 }, (_, i) => ({ n: i + 1, text: "ببببببب", odd: (i + 1) % 2 === 0 ? null : i + 1 })));
    const [long] = await db.query(MANY, [1, 100_000]);
    expect(long.text).toBe("ب".repeat(100_000));

    const runner = db.createQueryRunner();
    try {
      await runner.query(INSERT, [7, ["x"], new Date(), null]);
      await runner.query(INSERT, [8, ["y"], new Date(), null]);
      const changed = await runner.query(prepared(`UPDATE marked SET note = $1 WHERE id = ANY($2::int[])`), ["seen", [7, 8, 9]], true);
      expect(changed.affected).toBe(2);
    } finally {
      await runner.query(`DELETE FROM marked WHERE id IN (7, 8)`);
      await runner.release();
    }
  });

  it("fail whole when PostgreSQL fails after some rows, and pass over a notice in the reply", async () => {
    const FAILS_AT_THREE = prepared(`SELECT 10 / (3 - n) AS quotient FROM generate_series(1, 5) AS n`);
    await expect(db.query(FAILS_AT_THREE)).rejects.toMatchObject({ driverError: expect.objectContaining({ code: "22012" }) });
    await db.query(`CREATE FUNCTION noisy(n int) RETURNS int LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE 'n is %', n; RETURN n + 1; END $$`);
    const NOISY = prepared(`SELECT noisy(n) AS next FROM generate_series(1, $1::int) AS n`);
    expect(await db.query(NOISY, [3])).toEqual([{ next: 2 }, { next: 3 }, { next: 4 }]);
    expect(await db.query(MARKED, [1])).toEqual([{ next: 2 }]);
  });

  it("fail with PostgreSQL's error, and the session goes on", async () => {
    await expect(db.query(INSERT, [1, [], new Date(), "again"])).rejects.toMatchObject({
      driverError: expect.objectContaining({ code: "23505", severity: "ERROR", table: "marked", constraint: "marked_pkey", detail: "Key (id)=(1) already exists." }),
    });
    await expect(db.transaction((tx) => tx.query(INSERT, [1, [], new Date(), "again"]))).rejects.toMatchObject({ driverError: expect.objectContaining({ code: "23505" }) });
    expect(await db.query(MARKED, [1])).toEqual([{ next: 2 }]);
    expect(await db.query(`SELECT count(*)::int AS n FROM marked`)).toEqual([{ n: 1 }]);
  });
});
