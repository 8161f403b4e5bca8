import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { DataSource, type MixedList, type EntitySchema } from "typeorm";
import type { Logger } from "../logger";
import { pgliteModule } from "./pgliteDriver";
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
}

/** Opens the subgraph's database (PostgreSQL or embedded PGlite) and applies pending migrations. */
export async function openDatabase(options: DatabaseOptions): Promise<DataSource> {
  const common = {
    type: "postgres" as const,
    entities: options.entities,
    migrations: options.migrations,
    migrationsRun: true,
    installExtensions: false, // gen_random_uuid() is built into PostgreSQL 13+; PGlite has no uuid-ossp
    migrationsTransactionMode: "each" as const,
    synchronize: false,
    logging: true,
    logger: new DatabaseLogger(options.log),
    namingStrategy: new SnakeNamingStrategy(),
  };
  let dataSource: DataSource;
  if (options.url) {
    dataSource = new DataSource({ ...common, url: options.url, poolSize: options.poolSize ?? 10 });
  } else {
    if (options.dataDir) fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
    const database = await PGlite.create(options.dataDir);
    dataSource = new DataSource({ ...common, driver: pgliteModule(database) });
  }
  return dataSource.initialize();
}
