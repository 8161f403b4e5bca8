/**
 * `npm run seed -- [<agency>] --families N`: adds N more synthetic families (seed/demoCast.ts) to the
 * three subgraphs' databases, or to the named agency's only, starting after the highest synthetic
 * family in civil-affairs' database (read even when another agency is named: seeding labor, then
 * delivery, then civil-affairs, one at a time, writes what one run for all three writes).
 *
 * Databases: CIVIL_AFFAIRS_DATABASE_URL / LABOR_DATABASE_URL / DELIVERY_DATABASE_URL (PostgreSQL),
 * else DATABASE_URL for all three, else the embedded databases under DATA_DIR (default data/).
 * An embedded database can only be opened by one process: stop the services first (npm start).
 * Missing tables are created by the subgraphs' own migrations. Each subgraph's rows are written by
 * its own demo-data seeder (the same builders the services use on start), a chunk of families per
 * transaction with multi-row INSERTs; civil-affairs is written last for each chunk, so its highest
 * register number is the resume point if a run is interrupted. Synthetic people get no account.
 *
 * The benchmark (bench/run.ts) calls seedFamilies() directly.
 */
import path from "node:path";
import type { DataSource } from "typeorm";
import { openDatabase } from "../kernel/database/dataSource";
import { createLogger } from "../kernel/logger";
import { syntheticCast, type Cast } from "../seed/demoCast";
import { AGENCIES, agency, agencySetting, type AgencyName } from "../subgraphs/agencies";
import { SUBGRAPHS } from "../subgraphs";
import { seedCivilAffairs } from "../subgraphs/civil-affairs/src/seed/seedDemo";
import { seedDelivery } from "../subgraphs/delivery/src/seed/seedDemo";
import { seedLabor } from "../subgraphs/labor/src/seed/seedDemo";
import { loadRuleSet } from "../subgraphs/labor/src/rules/loadRuleSet";
import { SHIPPED_RULES_FILE } from "../subgraphs/labor/src/settings";
import { riyadhToday } from "../kernel/riyadhCalendar";


/** The agencies whose synthetic families this script writes, with their own demo-data builders (a new agency's are not here). */
export const SEEDED = ["civil-affairs", "labor", "delivery"] as const satisfies readonly AgencyName[];
type Seeded = (typeof SEEDED)[number];

export interface SeedOptions {
  families: number;
  /** The agencies whose databases get the families (default: all of SEEDED). */
  agencies?: readonly Seeded[];
  /** PostgreSQL URL per subgraph; a missing one means the embedded database under dataDir. */
  urls: Partial<Record<AgencyName, string>>;
  dataDir: string;
  /** Families per transaction (default 2,000). */
  chunk?: number;
  /** Delivery's working days for expected delivery dates (the service default: 5). */
  workingDays?: number;
  progress?(done: number, total: number, elapsedMs: number): void;
}

export interface SeedResult {
  first: number;
  families: number;
  citizens: number;
  ms: number;
}


/** Opens one subgraph's database (migrations applied), quietly. */
export async function openSubgraphDatabase(name: AgencyName, url: string | undefined, dataDir: string): Promise<DataSource> {
  const definition = SUBGRAPHS.find((subgraph) => subgraph.name === name)!;
  const log = createLogger(`seed:${name}`);
  log.level = "warn";
  return openDatabase({
    url,
    dataDir: url ? undefined : path.resolve(dataDir, name, "pgdata"),
    entities: definition.entities,
    migrations: definition.migrations,
    log,
    poolSize: 2,
  });
}

/** The index of the next synthetic family: one after the highest register number `31xxxxxxxx`. */
export async function nextSyntheticIndex(civilAffairsDb: DataSource): Promise<number> {
  const [row] = await civilAffairsDb.query(
    `SELECT max(register_number) AS last FROM family WHERE register_number LIKE '31%' AND length(register_number) = 10`,
  );
  return row?.last ? Number(String(row.last).slice(2)) + 1 : 0;
}

export async function seedFamilies(options: SeedOptions): Promise<SeedResult> {
  const chunk = options.chunk ?? 2_000;
  const seeded = options.agencies ?? SEEDED;
  const started = Date.now();
  const dbs: Partial<Record<Seeded, DataSource>> = {};
  try {
    for (const name of new Set<Seeded>(["civil-affairs", ...seeded])) dbs[name] = await openSubgraphDatabase(name, options.urls[name], options.dataDir);
    const first = await nextSyntheticIndex(dbs["civil-affairs"]!);
    const ruleSet = loadRuleSet(SHIPPED_RULES_FILE);
    const write: Record<Seeded, (db: DataSource, cast: Cast) => Promise<void>> = {
      "civil-affairs": seedCivilAffairs,
      labor: (db, cast) => seedLabor(db, cast, ruleSet, riyadhToday()),
      delivery: (db, cast) => seedDelivery(db, options.workingDays ?? 5, cast),
    };
    let citizens = 0;
    for (let done = 0; done < options.families; done += chunk) {
      const cast = syntheticCast(Math.min(chunk, options.families - done), first + done);
      citizens += cast.people.length;
      // civil-affairs last: its highest register number is the resume point.
      await Promise.all(seeded.filter((name) => name !== "civil-affairs").map((name) => write[name](dbs[name]!, cast)));
      if (seeded.includes("civil-affairs")) await write["civil-affairs"](dbs["civil-affairs"]!, cast);
      options.progress?.(Math.min(done + chunk, options.families), options.families, Date.now() - started);
    }
    for (const name of seeded) await dbs[name]!.query("ANALYZE");
    return { first, families: options.families, citizens, ms: Date.now() - started };
  } finally {
    await Promise.all(Object.values(dbs).map((db) => db.destroy().catch(() => undefined)));
  }
}

/** Database URLs from the environment: per subgraph, else DATABASE_URL, else embedded. */
export function databaseUrlsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<Record<AgencyName, string>> {
  return Object.fromEntries(AGENCIES.map((agency) => [agency.name, env[agencySetting(agency, "DATABASE_URL")] || env.DATABASE_URL || undefined]));
}

const USAGE = "usage: npm run seed -- [<agency>] --families N [--chunk 2000]";

/** The command line: an optional agency's name (the registry's), --families N, --chunk N. */
export function parseSeedArgs(args: string[]): { families: number; chunk?: number; agencies?: Seeded[] } {
  const value = (flag: string) => (args.includes(flag) ? Number(args[args.indexOf(flag) + 1]) : undefined);
  const families = value("--families");
  const names = args.filter((arg, i) => !arg.startsWith("--") && !args[i - 1]?.startsWith("--"));
  if (families === undefined || !Number.isSafeInteger(families) || families <= 0 || names.length > 1) throw new Error(USAGE);
  const named = names.length > 0 ? agency(names[0]!).name : undefined;
  if (named && !(SEEDED as readonly string[]).includes(named)) throw new Error(`${named} has no synthetic families in scripts/seed.ts (it seeds ${SEEDED.join(", ")}); its demo data loads at its start.`);
  return { families, chunk: value("--chunk"), agencies: named ? [named as Seeded] : undefined };
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseSeedArgs>;
  try {
    parsed = parseSeedArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const { families, chunk, agencies } = parsed;
  const urls = databaseUrlsFromEnv();
  const dataDir = process.env.DATA_DIR ?? "data";
  const seeded = agencies ?? SEEDED;
  for (const name of new Set<Seeded>(["civil-affairs", ...seeded])) {
    const where = urls[name] ? urls[name]!.replace(/\/\/[^@]*@/, "//…@") : `embedded ${path.join(dataDir, name, "pgdata")} (the services must be stopped)`;
    console.log(`${name}: ${where}${seeded.includes(name) ? "" : "; read for the next family's number only"}`);
  }
  const result = await seedFamilies({
    families,
    agencies,
    urls,
    dataDir,
    chunk,
    progress: (done, total, ms) => process.stdout.write(`\r${done}/${total} families, ${Math.round((done / ms) * 1000)} families/s   `),
  });
  console.log(
    `\nadded families ${result.first}..${result.first + result.families - 1} (${result.citizens} citizens) in ${(result.ms / 1000).toFixed(1)} s` +
      ` (${Math.round((result.citizens / result.ms) * 1000)} citizens/s)`,
  );
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
