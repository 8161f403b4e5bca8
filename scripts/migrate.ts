/**
 * `node dist/scripts/migrate.js <agency>` (`npm run migrate -- <agency>` from the sources): applies
 * the agency's pending migrations to its PostgreSQL database (DATABASE_URL or DATABASE_URL_FILE)
 * and exits. The Kubernetes migration Job runs it before a rollout. The services run the same
 * migrations at start under the same advisory lock, so a replica that starts first does no harm.
 */
import { loadConfig, setting } from "../kernel/config";
import { openDatabase } from "../kernel/database/dataSource";
import { createLogger } from "../kernel/logger";
import { SUBGRAPHS } from "../subgraphs";

export const migrateSettings = {
  DATABASE_URL: setting.string("PostgreSQL URL of the agency's own database"),
};

async function main(): Promise<void> {
  const definition = SUBGRAPHS.find((d) => d.name === process.argv[2]);
  if (!definition) {
    console.error(`usage: migrate <${SUBGRAPHS.map((d) => d.name).join("|")}>`);
    process.exit(2);
  }
  const config = loadConfig(migrateSettings);
  const log = createLogger(definition.name);
  const db = await openDatabase({ url: config.DATABASE_URL, entities: definition.entities, migrations: definition.migrations, log, poolSize: 2 });
  await db.destroy();
  log.info("migrations applied");
}

if (require.main === module) {
  main().catch((error) => {
    console.error(`migrate failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
