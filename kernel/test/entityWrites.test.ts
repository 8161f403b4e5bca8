import { Column, Entity, PrimaryGeneratedColumn, type DataSource } from "typeorm";
import { createTestDatabase, DATABASE_KINDS } from "../../test/support/database";
import { openDatabase } from "../database/dataSource";
import { entityRows } from "../database/entityRows";
import { entityWrites } from "../database/entityWrites";
import { createLogger } from "../logger";

class Place {
  @Column({ type: "text", nullable: true })
  city!: string | null;

  @Column({ type: "varchar", length: 5, nullable: true })
  postalCode!: string | null;
}

@Entity({ name: "written" })
class Written {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "int" })
  version!: number;

  @Column({ type: "text", array: true })
  names!: string[];

  @Column({ type: "jsonb", nullable: true })
  details!: { amount: number } | null;

  @Column({ type: "boolean", default: false })
  flagged!: boolean;

  @Column(() => Place, { prefix: "place" })
  place!: Place;

  @Column({ type: "timestamptz", nullable: true })
  at!: Date | null;
}

/**
 * Plain-SQL writes store and return what TypeORM's own writes do (arrays, JSON, embedded columns,
 * dates, defaults), on both databases, with one text per set of columns so they can be prepared.
 */
describe.each(DATABASE_KINDS)("entity writes, on %s", (kind) => {
  let db: DataSource;
  let drop: () => Promise<void> = async () => undefined;
  const writes = () => entityWrites(db, Written);
  const returned = (rows: Array<Record<string, unknown>>) => rows.map((row) => entityRows(db, Written).hydrateReturned(row));
  const stored = (id: string) => db.getRepository(Written).findOneByOrFail({ id });

  beforeAll(async () => {
    const database = kind === "postgres" ? await createTestDatabase("writes") : undefined;
    if (database) drop = database.drop;
    db = await openDatabase({ url: database?.url, entities: [Written], migrations: [], log: createLogger("test") });
    await db.query(`CREATE TABLE written (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(), version int NOT NULL, names text[] NOT NULL, details jsonb,
      flagged boolean NOT NULL DEFAULT false, place_city text, place_postal_code varchar(5), at timestamptz)`);
  });
  afterAll(async () => {
    await db?.destroy();
    await drop();
  });

  it("inserts the columns given, leaves the others to their defaults, and returns the row as stored", async () => {
    const at = new Date("2026-12-01T09:00:00Z");
    const [text, parameters] = writes().insert({ version: 1, names: ["أحمد", "Sara"], details: { amount: 5 }, place: { city: "الرياض", postalCode: null }, at });
    const [row] = returned(await db.query(text, parameters));
    expect(row).toEqual(await stored(row!.id));
    expect(row).toMatchObject({ version: 1, names: ["أحمد", "Sara"], details: { amount: 5 }, flagged: false, place: { city: "الرياض", postalCode: null }, at });
    expect(row!.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("updates only the rows its conditions match, and returns each row written", async () => {
    const [insert, values] = writes().insert({ version: 1, names: [], place: { city: "جدة", postalCode: "21411" } });
    const [created] = returned(await db.query(insert, values));
    const update = (version: number) => writes().update({ version: version + 1, names: ["x"], flagged: true, place: { city: null } as Place }, { id: created!.id, version });
    // TypeORM answers an UPDATE with its rows and the number written.
    const [stale] = (await db.query(...update(7))) as [Array<Record<string, unknown>>, number];
    expect(stale).toEqual([]);
    const [rows] = (await db.query(...update(1))) as [Array<Record<string, unknown>>, number];
    const [row] = returned(rows);
    expect(row).toEqual(await stored(created!.id));
    expect(row).toMatchObject({ version: 2, names: ["x"], flagged: true, place: { city: null, postalCode: "21411" }, details: null });
  });

  it("refuses an UPDATE whose conditions are missing or lack a value, instead of writing more rows", () => {
    expect(() => writes().update({ version: 2 }, {})).toThrow(/conditions/);
    expect(() => writes().update({ version: 2 }, { id: "x", version: undefined })).toThrow(/conditions/);
  });

  it("writes the same text for the same columns, whatever their values", () => {
    const [first] = writes().insert({ version: 1, names: ["a"] });
    const [second] = writes().insert({ version: 9, names: [] });
    const [other] = writes().insert({ version: 1, names: ["a"], flagged: true });
    expect(second).toBe(first);
    expect(other).not.toBe(first);
    expect(writes().update({ version: 2 }, { id: "x", version: 1 })[0]).toBe(writes().update({ version: 5 }, { id: "y", version: 4 })[0]);
  });
});
