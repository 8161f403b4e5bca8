import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";

/** The installed PGlite package's folder (node_modules/@electric-sql/pglite). */
const PACKAGE_DIR = path.resolve(path.dirname(require.resolve("@electric-sql/pglite")), "..");

let cachedTemplatePath: string | undefined;

/** Names how a new cluster is shaped (`INITDB_PARAMS`, `dropTemplateDatabases`): change it when that changes, so that no older copy is loaded. */
const TEMPLATE_SHAPE = "small";

/**
 * Where the copy of an empty cluster lives: in the cache folder of the node_modules that holds
 * PGlite, named by its version (a copy made by one version is never loaded by another) and the
 * template's shape, whatever the process's working folder. Read once.
 */
export function templatePath(): string {
  if (cachedTemplatePath === undefined) {
    const { version } = JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, "package.json"), "utf8")) as { version: string };
    cachedTemplatePath = path.join(PACKAGE_DIR, "..", "..", ".cache", "pglite", `${version}-${TEMPLATE_SHAPE}.tar`);
  }
  return cachedTemplatePath;
}

/**
 * A copied cluster starts as after a crash (it was copied running), and PostgreSQL then reports
 * its start-up progress on a repeating timer, which in PGlite is a referenced Node timer that
 * never stops and keeps the process from exiting: no progress reports.
 */
const START_PARAMS = [...PGlite.defaultStartParams, "-c", "log_startup_progress_interval=0"];

/**
 * An in-memory database lives as long as one test or one short run and holds little: PostgreSQL's
 * default 128 MB of shared buffers is zeroed in WebAssembly memory at every start, about half of
 * what opening one costs.
 */
const IN_MEMORY_START_PARAMS = [...START_PARAMS, "-c", "shared_buffers=16MB"];

/**
 * Every open copies the template into memory (tests open a hundred databases a run), so the
 * cluster is made small: 1 MB WAL segments instead of 16 MB, and only the `postgres` database that
 * PGlite connects to (see `dropTemplateDatabases`). 40 MB became 16 MB, and an open half as costly.
 */
const INITDB_PARAMS = ["--wal-segsize=1"];

/**
 * template0 and template1 exist only to copy new databases from, which an embedded database never
 * makes (each subgraph has its own cluster): a third of the cluster's files each.
 */
async function dropTemplateDatabases(database: PGlite): Promise<void> {
  for (const name of ["template0", "template1"]) {
    await database.exec(`ALTER DATABASE ${name} IS_TEMPLATE false`);
    await database.exec(`DROP DATABASE ${name}`);
  }
  await database.exec("CHECKPOINT");
}

/** True when `dataDir` holds no database yet (missing or an empty folder). */
function isNew(dataDir: string): boolean {
  return !fs.existsSync(dataDir) || fs.readdirSync(dataDir).length === 0;
}

/** The buffer's memory as an ArrayBuffer, copied only when the buffer is a slice of a larger one. */
function wholeArrayBuffer(bytes: Buffer): ArrayBuffer {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return (whole ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)) as ArrayBuffer;
}

/**
 * The template's bytes, or null when there is none. PGlite only asks the archive for its bytes
 * (`arrayBuffer()`) and its type: handing it the file's buffer itself spares copying 40 MB into a
 * Blob and reading them back out, a quarter of what opening a database costs.
 */
async function readTemplate(file: string): Promise<Blob | null> {
  let bytes: Buffer;
  try {
    bytes = await fs.promises.readFile(file);
  } catch {
    return null;
  }
  const archive: Pick<Blob, "type" | "arrayBuffer"> = { type: "application/x-tar", arrayBuffer: async () => wholeArrayBuffer(bytes) };
  return archive as Blob;
}

/** Saves a fresh cluster as the template; written aside and renamed so that a concurrent reader never sees half a file. */
async function saveTemplate(database: PGlite, file: string): Promise<void> {
  try {
    const tar = Buffer.from(await (await database.dumpDataDir("none")).arrayBuffer());
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    fs.writeFileSync(partial, tar);
    fs.renameSync(partial, file);
  } catch {
    // Without a template the next database is made by initdb again: slower, never wrong.
  }
}

/**
 * Opens an embedded database (in memory when `dataDir` is absent). PGlite writes its files readable
 * and writable by everyone (0666, whatever the umask), so the folder is closed to all but its owner
 * before and after, as PostgreSQL requires of its own: no other account on the machine reads the
 * register's WAL or changes it.
 */
export async function openPGlite(dataDir?: string, file = templatePath()): Promise<PGlite> {
  if (dataDir === undefined) return createPGlite(undefined, file);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dataDir, 0o700); // a folder made before, by an older version or by hand
  const database = await createPGlite(dataDir, file);
  fs.chmodSync(dataDir, 0o700); // made again by PGlite when the template could not be loaded
  return database;
}

/**
 * A new database is loaded from a copy of an empty cluster instead of running PGlite's initdb,
 * which costs seconds per database (tests and replicas make many); the first new database on the
 * machine makes the copy. A template that cannot be loaded is removed and the database made by
 * initdb as before.
 */
async function createPGlite(dataDir: string | undefined, file: string): Promise<PGlite> {
  if (dataDir !== undefined && !isNew(dataDir)) return PGlite.create({ dataDir, startParams: START_PARAMS });
  const startParams = dataDir === undefined ? IN_MEMORY_START_PARAMS : START_PARAMS;
  const template = await readTemplate(file);
  if (template) {
    try {
      return await PGlite.create({ dataDir, loadDataDir: template, startParams });
    } catch {
      fs.rmSync(file, { force: true });
      if (dataDir !== undefined) fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const database = await PGlite.create({ dataDir, startParams, initDbStartParams: INITDB_PARAMS });
  await dropTemplateDatabases(database);
  await saveTemplate(database, file);
  return database;
}
