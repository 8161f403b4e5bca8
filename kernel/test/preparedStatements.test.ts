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
 * and both still answer and are counted as before. (The embedded database needs no preparing.)
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
