import { DataSource, type MixedList, type EntitySchema } from "typeorm";
import type { Logger } from "../logger";
import { acquireProcessLock } from "../processLock";
import { PG_TYPES } from "./typeParsers";
import { openPGlite } from "./pglite";
import { pgliteModule } from "./pgliteDriver";
import { PreparingClient } from "./preparedStatements";
import { SnakeNamingStrategy } from "./snakeNaming";
import { DatabaseLogger } from "./statementCounter";

export interface DatabaseOptions {
  /** PostgreSQL connection URL; when absent, an embedded PGlite database is used. */
  url?: string;
  /** Folder of the embedded database; absent means in memory (tests). */
  dataDir?: string;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  log: Logger;
  poolSize?: number;
  /** Work that must run once however many replicas start at once (demo data), after the migrations, under the same lock. */
  prepare?(db: DataSource): Promise<void>;
}

/** Any fixed number: advisory locks are per database, and each subgraph has its own. */
const START_LOCK = 73_420_011;

/**
 * Runs the migrations, then `prepare`, holding a PostgreSQL session advisory lock: replicas that
 * start together on an empty database take turns instead of racing to create the same tables and
 * rows.
 */
async function underStartLock(dataSource: DataSource, work: () => Promise<void>): Promise<void> {
  const holder = dataSource.createQueryRunner();
  await holder.connect();
  try {
    await holder.query(`SELECT pg_advisory_lock(${START_LOCK})`);
    try {
      await work();
    } finally {
      await holder.query(`SELECT pg_advisory_unlock(${START_LOCK})`);
    }
  } finally {
    await holder.release();
  }
}

/** Opens the subgraph's database (PostgreSQL or embedded PGlite), applies pending migrations and runs `prepare`, one replica at a time. */
export async function openDatabase(options: DatabaseOptions): Promise<DataSource> {
  const common = {
    type: "postgres" as const,
    entities: options.entities,
    migrations: options.migrations,
    migrationsRun: false, // run below, under the start lock
    installExtensions: false, // gen_random_uuid() is built into PostgreSQL 13+; PGlite has no uuid-ossp
    migrationsTransactionMode: "each" as const,
    synchronize: false,
    logging: true,
    logger: new DatabaseLogger(options.log),
    namingStrategy: new SnakeNamingStrategy(),
  };
  let dataSource: DataSource;
  if (options.url) {
    dataSource = new DataSource({ ...common, url: options.url, poolSize: options.poolSize ?? 10, extra: { Client: PreparingClient, types: PG_TYPES } });
  } else {
    // Two processes on one PGlite folder diverge and leave it unopenable: one owner at a time.
    const release = options.dataDir ? acquireProcessLock(`${options.dataDir}.lock`, `The embedded database in ${options.dataDir}`) : () => undefined;
    const database = await openPGlite(options.dataDir).catch((error) => {
      release();
      throw error;
    });
    dataSource = new DataSource({ ...common, driver: pgliteModule(database) });
    const destroy = dataSource.destroy.bind(dataSource);
    dataSource.destroy = async () => {
      await destroy();
      release();
    };
  }
  await dataSource.initialize();
  const start = async () => {
    await dataSource.runMigrations({ transaction: "each" });
    await options.prepare?.(dataSource);
  };
  // The embedded database has one connection and one process (its folder is locked): no one to wait for.
  await (options.url ? underStartLock(dataSource, start) : start());
  return dataSource;
}
