import { setTimeout as sleep } from "node:timers/promises";
import { createLogger } from "../logger";
import { countStatements, DatabaseLogger } from "../database/statementCounter";

/** What TypeORM does for every statement it sends: tells its logger. */
const database = new DatabaseLogger(createLogger("test"));
async function statements(n: number, pauseMs: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await sleep(pauseMs);
    database.logQuery();
  }
}

describe("statements counted per unit of work", () => {
  it("counts each overlapping unit's own statements, also those sent after another unit finished", async () => {
    const [short, long] = await Promise.all([countStatements(() => statements(2, 1)), countStatements(() => statements(5, 10))]);
    expect([short.statements, long.statements]).toEqual([2, 5]);
  });

  it("counts again after every unit finished, and counts nothing sent outside a unit", async () => {
    expect((await countStatements(() => statements(1, 0))).statements).toBe(1);
    await statements(3, 0);
    const later = await countStatements(async () => {
      await statements(2, 0);
      await Promise.all([statements(1, 1), statements(1, 2)]);
    });
    expect(later.statements).toBe(4);
  });
});
