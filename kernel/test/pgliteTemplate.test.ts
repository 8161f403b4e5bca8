import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { TEST_SERVICE_NODE_ARGS } from "../../test/support/stack";
import { openPGlite, templatePath } from "../database/pglite";

/**
 * New embedded databases come from a copy of an empty cluster; each must still be its own, empty,
 * working database. The tests run in order on one folder: the first finds the template damaged and
 * makes it again (initdb takes seconds), the others load it. A missing template takes the same path
 * as a damaged one, less the failed load: one initdb covers both.
 */
describe("embedded databases made from the template", () => {
  let folder: string;
  let template: string;
  const opened: PGlite[] = [];
  const open = async (dataDir?: string) => {
    const database = await openPGlite(dataDir, template);
    opened.push(database);
    return database;
  };

  beforeAll(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "pglite-template-"));
    template = path.join(folder, "cache", "template.tar");
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((database) => database.close()));
  });
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  test("keeps the template in the cache of the node_modules that holds PGlite, whatever the working folder", () => {
    const projectModules = path.resolve(__dirname, "../../node_modules");
    const workingFolder = process.cwd();
    process.chdir(folder);
    try {
      expect(templatePath()).toMatch(new RegExp(`^${projectModules}/\\.cache/pglite/\\d+\\.\\d+\\.\\d+-[a-z]+\\.tar$`));
    } finally {
      process.chdir(workingFolder);
    }
  });

  test("the first new database replaces a damaged template by initdb's cluster, and the next one loaded from it is empty and independent", async () => {
    fs.mkdirSync(path.dirname(template), { recursive: true });
    fs.writeFileSync(template, "not a tar file");
    const first = await open();
    expect(fs.statSync(template).size).toBeGreaterThan(1_000_000);
    await first.exec("CREATE TABLE family (id int primary key); INSERT INTO family VALUES (1);");
    const second = await open();
    const tables = await second.query("SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'family'");
    expect(tables.rows).toEqual([{ n: 0 }]);
    await second.exec("CREATE TABLE family (id int primary key); INSERT INTO family VALUES (2);");
    expect((await first.query("SELECT id FROM family")).rows).toEqual([{ id: 1 }]);
    expect((await second.query("SELECT id FROM family")).rows).toEqual([{ id: 2 }]);
    // A copy, not a second initdb: initdb gives every cluster its own system identifier.
    const identifier = "SELECT system_identifier::text AS id FROM pg_control_system()";
    expect((await second.query(identifier)).rows).toEqual((await first.query(identifier)).rows);
  });

  test("the template is small, as every open copies it: only the database PGlite connects to, and 1 MB WAL segments", async () => {
    const database = await open();
    expect((await database.query("SELECT datname FROM pg_database")).rows).toEqual([{ datname: "postgres" }]);
    expect((await database.query("SELECT current_setting('wal_segment_size') AS size")).rows).toEqual([{ size: "1MB" }]);
    expect(fs.statSync(template).size).toBeLessThan(20 * 1024 * 1024);
  });

  test("an in-memory database starts with small shared buffers; one in a folder keeps PostgreSQL's default", async () => {
    const setting = "SELECT current_setting('shared_buffers') AS size";
    expect((await (await open()).query(setting)).rows).toEqual([{ size: "16MB" }]);
    expect((await (await open(path.join(folder, "buffers"))).query(setting)).rows).toEqual([{ size: "128MB" }]);
  });

  test("a database in a new folder made from the template keeps its rows across a reopening", async () => {
    const dataDir = path.join(folder, "data");
    const database = await open(dataDir);
    await database.exec("CREATE TABLE card (number text); INSERT INTO card VALUES ('FC-1');");
    await database.close();
    opened.length = 0;
    const reopened = await open(dataDir);
    expect((await reopened.query("SELECT number FROM card")).rows).toEqual([{ number: "FC-1" }]);
  });

  test("a database's folder is its owner's alone, new or opened again (PGlite writes its files 0666)", async () => {
    const fresh = path.join(folder, "fresh");
    await open(fresh);
    expect(fs.statSync(fresh).mode & 0o777).toBe(0o700);
    const older = path.join(folder, "older");
    await open(older);
    fs.chmodSync(older, 0o755);
    await Promise.all(opened.splice(0).map((database) => database.close()));
    await open(older);
    expect(fs.statSync(older).mode & 0o777).toBe(0o700);
  });

  test("a database made from the template lets its process exit when the work is done", async () => {
    if (!fs.existsSync(template)) await open();
    // Left open on purpose: an open database must not keep Node running (a copy once did, on a timer).
    const script = `require("${require.resolve("../database/pglite")}").openPGlite(undefined, ${JSON.stringify(template)}).then((db) => db.query("SELECT 1"))`;
    const exit = await new Promise<{ code: number | null; signal: string | null }>((resolve) => {
      const child = execFile(process.execPath, [...TEST_SERVICE_NODE_ARGS, "-r", "@swc-node/register", "-e", script], { timeout: 30_000 });
      child.on("exit", (code, signal) => resolve({ code, signal }));
    });
    expect(exit).toEqual({ code: 0, signal: null });
  });
});
