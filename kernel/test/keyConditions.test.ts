import { Column, Entity, PrimaryColumn, type DataSource, type QueryRunner } from "typeorm";
import { createTestDatabase, DATABASE_KINDS } from "../../test/support/database";
import { openDatabase } from "../database/dataSource";
import { entityRows } from "../database/entityRows";
import { prepared } from "../database/preparedStatements";
import { createLogger } from "../logger";

@Entity({ name: "person" })
class Person {
  @PrimaryColumn({ type: "varchar" })
  id!: string;

  @Column({ type: "text" })
  name!: string;
}

@Entity({ name: "household" })
class Household {
  @PrimaryColumn({ type: "varchar" })
  number!: string;

  @Column({ type: "varchar" })
  headId!: string;
}

interface PlanCounts {
  generic_plans: number;
  custom_plans: number;
}

/**
 * A hot read keyed by the values a DataLoader batched (`EntityRows.keyIn`) is prepared once per
 * number of values up to ten, and PostgreSQL plans it once too: given an array of fewer than ten
 * values (a citizen's own family, an applicant, a family's members), it planned the join again on
 * every call (docs/benchmarks.md, "Where PostgreSQL still plans"). Every row asked for is read,
 * whatever the number of values.
 */
describe.each(DATABASE_KINDS)("a read keyed by one value or several, on %s", (kind) => {
  let db: DataSource;
  let drop: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    const database = kind === "postgres" ? await createTestDatabase("keys") : undefined;
    if (database) drop = database.drop;
    db = await openDatabase({ url: database?.url, entities: [Person, Household], migrations: [], log: createLogger("test") });
    await db.query(`CREATE TABLE person (id varchar PRIMARY KEY, name text NOT NULL)`);
    await db.query(`CREATE TABLE household (number varchar PRIMARY KEY, head_id varchar NOT NULL UNIQUE REFERENCES person(id))`);
    await db.query(`INSERT INTO person SELECT 'p' || i, 'name ' || i FROM generate_series(1, 2000) AS i`);
    await db.query(`INSERT INTO household SELECT 'h' || i, 'p' || i FROM generate_series(1, 2000, 2) AS i`);
    await db.query(`ANALYZE`);
  });
  afterAll(async () => {
    await db?.destroy();
    await drop();
  });

  /** People with the household each heads, keyed like `personById` (subgraphs/civil-affairs/src/registry/loaders.ts). */
  async function peopleWithHouseholds(connection: QueryRunner, ids: string[]): Promise<{ text: string; rows: Array<[string, string | null]> }> {
    const [people, households] = [entityRows(db, Person), entityRows(db, Household)];
    const key = people.keyIn("p", "id", "$1", ids);
    const text = prepared(`SELECT ${people.select("p")}, ${households.select("h")} FROM ${people.table} "p"
      LEFT JOIN ${households.table} "h" ON "h"."head_id" = "p"."id" WHERE ${key.condition} ORDER BY "p"."id"`);
    const rows: Array<Record<string, unknown>> = await connection.query(text, [key.value]);
    return { text, rows: rows.map((row) => [people.hydrate(row, "p")!.id, households.hydrate(row, "h")?.number ?? null]) };
  }

  /** Runs `work` on one connection of the pool, held: what the test asks the server is about the connection that ran the statements. */
  async function onOneConnection<T>(work: (connection: QueryRunner) => Promise<T>): Promise<T> {
    const connection = db.createQueryRunner();
    try {
      return await work(connection);
    } finally {
      await connection.release();
    }
  }

  /** Reads people keyed by `batches` (one batch per call) on one connection, and how PostgreSQL planned the last batch's statement. */
  async function plansFor(batches: string[][]): Promise<PlanCounts> {
    return onOneConnection(async (connection) => {
      let text = "";
      for (const ids of batches) {
        const read = await peopleWithHouseholds(connection, ids);
        expect(read.rows).toEqual([...ids].sort().map((id) => [id, Number(id.slice(1)) % 2 === 1 ? `h${id.slice(1)}` : null]));
        text = read.text;
      }
      return (await connection.query(`SELECT generic_plans::int, custom_plans::int FROM pg_prepared_statements WHERE statement = $1`, [text]))[0] as PlanCounts;
    });
  }

  const batchesOf = (size: number) => Array.from({ length: 12 }, (_, call) => Array.from({ length: size }, (_, i) => `p${100 * call + i + 1}`));

  it("keyed by one value, is planned once for all values after PostgreSQL's five trial plans", async () => {
    expect(await plansFor(batchesOf(1))).toEqual({ generic_plans: 7, custom_plans: 5 });
  });

  it("keyed by a few values (a family's members), is planned once too", async () => {
    expect(await plansFor(batchesOf(2))).toEqual({ generic_plans: 7, custom_plans: 5 });
  });

  it("reads every row asked for once, whatever the number of values, in a statement per number up to ten", async () => {
    const [two, three, four, one, many] = await onOneConnection(async (connection) => [
      await peopleWithHouseholds(connection, ["p3", "p2"]),
      await peopleWithHouseholds(connection, ["p5", "p4", "missing"]),
      await peopleWithHouseholds(connection, ["p5", "p4", "p4", "missing"]),
      await peopleWithHouseholds(connection, ["p3"]),
      await peopleWithHouseholds(connection, Array.from({ length: 11 }, (_, i) => `p${i + 1}`)),
    ]);
    expect(two.rows).toEqual([
      ["p2", null],
      ["p3", "h3"],
    ]);
    expect(three.rows).toEqual([
      ["p4", null],
      ["p5", "h5"],
    ]);
    expect(four.rows).toEqual(three.rows);
    expect(many.rows).toHaveLength(11);
    expect(new Set([one.text, two.text, three.text, four.text, many.text]).size).toBe(5);
    expect(await entityRows(db, Person).whereIn("id", ["p7"])).toEqual([Object.assign(new Person(), { id: "p7", name: "name 7" })]);
  });

  // Prepared statements belong to the connection that made them, and `whereIn` takes any of the
  // pool's: only the embedded database, one session, shows them all.
  (kind === "embedded" ? it : it.skip)("is how `whereIn` keys its reads", async () => {
    await entityRows(db, Person).whereIn("id", ["p8"]);
    await entityRows(db, Person).whereIn("id", ["p8", "p9"]);
    const texts: Array<{ statement: string }> = await db.query(`SELECT statement FROM pg_prepared_statements WHERE statement LIKE '%FROM "person" "e"%'`);
    expect(texts.map((row) => row.statement.slice(row.statement.indexOf(" WHERE ")))).toEqual(
      expect.arrayContaining([' WHERE "e"."id" = $1', ' WHERE "e"."id" IN (($1::character varying[])[1], ($1::character varying[])[2])']),
    );
  });
});
