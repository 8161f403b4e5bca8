import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "./stack";

const run = promisify(execFile);

/** The folder of this machine's PostgreSQL server programs (Debian's layout), if it has them. */
export const POSTGRES_BIN = (() => {
  const root = "/usr/lib/postgresql";
  const version = fs.existsSync(root) ? fs.readdirSync(root).sort().at(-1) : undefined;
  const bin = version ? path.join(root, version, "bin") : undefined;
  return bin && fs.existsSync(path.join(bin, "initdb")) && fs.existsSync(path.join(bin, "pg_ctl")) ? bin : undefined;
})();

/** PostgreSQL refuses to run as root: as root, its programs run as the postgres user. */
const AS_SERVER_USER = process.getuid?.() === 0 ? ["runuser", "-u", "postgres", "--"] : [];

async function postgres(program: string, args: string[]): Promise<void> {
  const [command, ...rest] = [...AS_SERVER_USER, path.join(POSTGRES_BIN!, program), ...args];
  await run(command!, rest, { timeout: 60_000 });
}

export interface PrivatePostgres {
  /** The server's `postgres` database, user postgres, no password. */
  url: string;
  /** A fast shutdown and a start, as an operator's restart: every connection is cut. */
  restart(): Promise<void>;
  /** Stops the server at once and removes its folder. */
  stop(): Promise<void>;
}

/**
 * A PostgreSQL server of the test's own (initdb in a temporary folder, on a free port), for a test
 * that restarts or stops the server: the machine's shared server keeps serving the test files that
 * run beside it. Needs `POSTGRES_BIN`.
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  if (!POSTGRES_BIN) throw new Error("No PostgreSQL server programs under /usr/lib/postgresql");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pg-"));
  if (AS_SERVER_USER.length) fs.chownSync(dir, ...(await serverUser()));
  const dataDir = path.join(dir, "data");
  const port = await freePort();
  // The server's output goes to a file, or the server would hold pg_ctl's output open, and the wait for pg_ctl would never end.
  const pgCtl = (...args: string[]) => postgres("pg_ctl", ["-D", dataDir, "-l", path.join(dir, "server.log"), "-w", "-t", "60", ...args]);
  try {
    await postgres("initdb", ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
    await pgCtl("-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, "start");
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart: () => pgCtl("-m", "fast", "restart"),
    async stop() {
      await pgCtl("-m", "immediate", "stop").catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The postgres user's uid and gid. */
async function serverUser(): Promise<[number, number]> {
  const { stdout } = await run("id", ["-u", "postgres"]);
  const { stdout: group } = await run("id", ["-g", "postgres"]);
  return [Number(stdout.trim()), Number(group.trim())];
}
