import type { DataSource } from "typeorm";
import { openDatabase } from "../database/dataSource";
import { prepared } from "../database/preparedStatements";
import { createLogger } from "../logger";
import { capturingLogger } from "../../test/support/capturingLogger";

/**
 * A failed statement's error, logged whole as every "unexpected error" is, names no parameter and no
 * row: whichever way the embedded database ran it, plain or prepared.
 */
describe("a failed statement in the logs", () => {
  let db: DataSource;
  const PLAIN = "INSERT INTO person (national_id, address) VALUES ($1, $2)";
  const MARKED = prepared("INSERT INTO person (national_id, address) VALUES ($1, $2) RETURNING national_id");
  beforeAll(async () => {
    db = await openDatabase({ entities: [], migrations: [], log: createLogger("test") });
    await db.query(`CREATE TABLE person (national_id varchar(10) PRIMARY KEY, address text NOT NULL)`);
    await db.query(PLAIN, ["1000000016", "7421 King Fahd Road"]);
  });
  afterAll(() => db?.destroy());

  it.each([
    ["plain", PLAIN],
    ["prepared", MARKED],
  ])("carries no national ID and no address (%s)", async (_kind, statement) => {
    const error = await db.query(statement, ["1000000016", "7421 King Fahd Road"]).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ driverError: expect.objectContaining({ code: "23505" }) });
    const { log, lines } = capturingLogger();
    log.error({ err: error }, "unexpected error");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("duplicate key");
    expect(lines[0]).not.toContain("1000000016");
    expect(lines[0]).not.toContain("King Fahd");
  });
});
