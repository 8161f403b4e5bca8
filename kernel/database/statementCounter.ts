import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger as TypeOrmLogger } from "typeorm";
import type { Logger } from "../logger";

/** Counts the SQL statements run on behalf of one unit of work (a request, a test step). */
export class StatementCount {
  statements = 0;
}

const current = new AsyncLocalStorage<StatementCount>();
let countedInFlight = 0;

/**
 * Runs `work` with `count` receiving every statement it sends to the database. While an
 * AsyncLocalStorage is enabled, Node runs its hook on every promise the process makes, and it
 * stays enabled until disabled: it is disabled whenever no counted work is in flight. (In jest each
 * test file makes its own instance, so one never disabled would slow down every file after it.)
 */
export async function runCounted<T>(count: StatementCount, work: () => Promise<T>): Promise<T> {
  countedInFlight++;
  try {
    return await current.run(count, work);
  } finally {
    if (--countedInFlight === 0) current.disable();
  }
}

/** Runs `work`, counting every statement it sends to the database. */
export async function countStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const count = new StatementCount();
  const result = await runCounted(count, work);
  return { result, statements: count.statements };
}

/** TypeORM logger that feeds the statement counter and logs failures and slow queries. */
export class DatabaseLogger implements TypeOrmLogger {
  constructor(private readonly logger: Logger) {}

  logQuery(): void {
    const count = current.getStore();
    if (count) count.statements++;
  }
  logQueryError(error: string | Error, query: string): void {
    this.logger.warn({ err: String(error), query: query.slice(0, 500) }, "query failed");
  }
  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ ms: time, query: query.slice(0, 500) }, "slow query");
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    this.logger.info({ migration: message }, "migration");
  }
  log(level: "log" | "info" | "warn", message: unknown): void {
    if (level === "warn") this.logger.warn({ message }, "database");
  }
}
