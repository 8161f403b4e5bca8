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
 * A hot read keyed by the values a DataLoader batched (`EntityRows.keyIn`) is prepared once, and
 * PostgreSQL plans it once too when one value is asked for, the usual case (a citizen's own family,
 * an applicant): given a one-element array, it planned the join again on every call
 * (docs/benchmarks.md, "Where PostgreSQL still plans"). Several values still read every row asked for.
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

  it("keyed by one value, is planned once for all values after PostgreSQL's five trial plans", async () => {
    const plans = await onOneConnection(async (connection) => {
      let text = "";
      for (let i = 1; i <= 12; i++) {
        const read = await peopleWithHouseholds(connection, [`p${i}`]);
        expect(read.rows).toEqual([[`p${i}`, i % 2 === 1 ? `h${i}` : null]]);
        text = read.text;
      }
      return (await connection.query(`SELECT generic_plans::int, custom_plans::int FROM pg_prepared_statements WHERE statement = $1`, [text]))[0] as PlanCounts;
    });
    expect(plans).toEqual({ generic_plans: 7, custom_plans: 5 });
  });

  it("keyed by several values, reads each once in another prepared statement, whatever their number", async () => {
    const [two, three, one] = await onOneConnection(async (connection) => [
      await peopleWithHouseholds(connection, ["p3", "p2"]),
      await peopleWithHouseholds(connection, ["p5", "p4", "p4", "missing"]),
      await peopleWithHouseholds(connection, ["p3"]),
    ]);
    expect(two.rows).toEqual([
      ["p2", null],
      ["p3", "h3"],
    ]);
    expect(three.rows).toEqual([
      ["p4", null],
      ["p5", "h5"],
    ]);
    expect(three.text).toBe(two.text);
    expect(one.text).not.toBe(two.text);
    expect(await entityRows(db, Person).whereIn("id", ["p7"])).toEqual([Object.assign(new Person(), { id: "p7", name: "name 7" })]);
  });
});
