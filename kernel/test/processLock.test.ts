import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { acquireProcessLock, LockedError } from "../processLock";
import { civilAffairs } from "../../subgraphs/civil-affairs/src/definition";
import { startSubgraph } from "../subgraph";

/**
 * One owner per embedded database folder (before: two processes opened one PGlite folder, diverged,
 * and left it unopenable), and one `npm start` per data folder.
 */
describe("process locks", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "locks-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("refuses a second owner while the first lives, naming it, and frees the lock on release", () => {
    const file = path.join(dir, "a.lock");
    const release = acquireProcessLock(file, "The test folder");
    expect(() => acquireProcessLock(file, "The test folder")).toThrow(new RegExp(`The test folder is in use by process ${process.pid}`));
    release();
    expect(fs.existsSync(file)).toBe(false);
    acquireProcessLock(file, "The test folder")();
  });

  it("takes over a lock whose owner died without releasing it (kill -9)", () => {
    const file = path.join(dir, "b.lock");
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString();
    fs.writeFileSync(file, JSON.stringify({ pid: Number(gone), host: os.hostname(), startedAt: "2026-01-01T00:00:00Z" }));
    const release = acquireProcessLock(file, "The test folder");
    expect(JSON.parse(fs.readFileSync(file, "utf8")).pid).toBe(process.pid);
    release();
  });

  it("stops a second subgraph on the same embedded database at once, and the first's data still opens", async () => {
    const env = { ...process.env, NODE_ENV: "test", PORT: "0", DATA_DIR: path.join(dir, "data"), EMBEDDED_DATABASE: "disk", DATABASE_URL: "", DEMO_DATA: "true", DEMO_FAMILIES: "5", OUTBOX_SUBSCRIBERS: "" };
    const first = await startSubgraph(civilAffairs, env);
    const people = async (db: typeof first.db) => (await db.query(`SELECT count(*)::int AS n FROM citizen`))[0].n as number;
    const before = await people(first.db);
    await expect(startSubgraph(civilAffairs, env)).rejects.toThrow(LockedError);
    await first.stop();
    const again = await startSubgraph(civilAffairs, env);
    try {
      expect(await people(again.db)).toBe(before);
    } finally {
      await again.stop();
    }
  });

  it("stops a second `npm start` in the same folder before it touches any data", async () => {
    const dataDir = path.join(dir, "npm-start");
    fs.mkdirSync(dataDir);
    const release = acquireProcessLock(path.join(dataDir, "npm-start.lock"), "The platform's data folder"); // the first `npm start`
    try {
      const second = spawn(process.execPath, ["-r", "@swc-node/register", "scripts/start.ts"], { cwd: path.resolve(__dirname, "../.."), env: { ...process.env, DATA_DIR: dataDir }, stdio: ["ignore", "pipe", "pipe"] });
      let output = "";
      for (const stream of [second.stdout, second.stderr]) stream.on("data", (chunk: Buffer) => (output += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => second.once("exit", resolve));
      expect(code).toBe(1);
      expect(output).toContain(`is in use by process ${process.pid}`);
      expect(output).not.toContain("is running");
      expect(fs.readdirSync(dataDir)).toEqual(["npm-start.lock"]);
    } finally {
      release();
    }
  });
});
