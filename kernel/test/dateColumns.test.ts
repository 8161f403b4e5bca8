import { Column, Entity, PrimaryColumn, type DataSource } from "typeorm";
import { createTestDatabase, DATABASE_KINDS } from "../../test/support/database";
import { openDatabase } from "../database/dataSource";
import { entityRows } from "../database/entityRows";
import { createLogger } from "../logger";

@Entity({ name: "dated" })
class Dated {
  @PrimaryColumn({ type: "varchar" })
  id!: string;

  @Column({ type: "date" })
  day!: string;

  @Column({ type: "timestamptz" })
  at!: Date;
}

/**
 * A `date` column reads as the day PostgreSQL stores, never shifted by the process's time zone, on
 * both databases and whichever way it is read (kernel/database/typeParsers.ts); a timestamp stays a Date.
 */
describe.each(DATABASE_KINDS)("date columns, on %s", (kind) => {
  let db: DataSource;
  let drop: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    const database = kind === "postgres" ? await createTestDatabase("dates") : undefined;
    if (database) drop = database.drop;
    db = await openDatabase({ url: database?.url, entities: [Dated], migrations: [], log: createLogger("test") });
    await db.query(`CREATE TABLE dated (id varchar PRIMARY KEY, day date NOT NULL, at timestamptz NOT NULL)`);
    await db.query(`INSERT INTO dated VALUES ('a', '2008-02-29', '2026-11-30T21:30:00Z'), ('b', '1970-01-01', '2026-01-01T00:00:00Z')`);
  });
  afterAll(async () => {
    await db?.destroy();
    await drop();
  });

  it("read as the stored day by raw SQL, by TypeORM and by the plain-SQL reads", async () => {
    expect(await db.query(`SELECT id, day FROM dated ORDER BY id`)).toEqual([
      { id: "a", day: "2008-02-29" },
      { id: "b", day: "1970-01-01" },
    ]);
    expect((await db.getRepository(Dated).findOneByOrFail({ id: "a" })).day).toBe("2008-02-29");
    const [row] = await entityRows(db, Dated).whereIn("id", ["a"]);
    expect(row).toMatchObject({ id: "a", day: "2008-02-29", at: new Date("2026-11-30T21:30:00Z") });
    expect(row!.at).toBeInstanceOf(Date);
  });
});
