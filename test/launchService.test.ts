import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { launchService, waitReady } from "../scripts/stack";
import { TEST_SERVICE_NODE_ARGS } from "./support/stack";

/** What a process that fails to start leaves for the person reading the failure (scripts/stack.ts). */
describe("a service that fails to start", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "launch-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("is reported with the last lines it printed, whether its output is ignored or collected", async () => {
    const entry = path.join(dir, "fails.js");
    fs.writeFileSync(entry, `for (let i = 1; i <= 40; i++) console.log("line " + i);\nconsole.error("DATABASE_URL is not a valid URL");\nprocess.exit(1);\n`);
    const collected: string[] = [];
    for (const output of ["ignore", (_service: string, line: string) => collected.push(line)] as const) {
      const child = launchService({ name: "failing", entry, port: 1, env: {} }, { output });
      const failure = await waitReady("http://127.0.0.1:1/ready", child, 20_000).then(() => null, (error: Error) => error.message);
      expect(failure).toContain("the process exited with code 1");
      expect(failure).toContain("DATABASE_URL is not a valid URL");
      // The last 30 lines only: the first ones are gone.
      expect(failure).toContain("line 40");
      expect(failure).not.toMatch(/line 1\n/);
    }
    expect(collected).toHaveLength(41);
  });

  /** A service started by a process of its own (`starter`), which the test then kills: the service's PID. */
  async function startedByStarter(name: string): Promise<{ starter: ReturnType<typeof spawn>; servicePid: number }> {
    const entry = path.join(dir, `${name}.js`);
    fs.writeFileSync(entry, `require(${JSON.stringify(require.resolve("../kernel/process"))}).runProcess("${name}", async () => { const t = setInterval(() => {}, 1000); return { stop: async () => clearInterval(t) }; });\n`);
    const code = `const child = require(${JSON.stringify(require.resolve("../scripts/stack"))}).launchService({ name: "${name}", entry: ${JSON.stringify(entry)}, port: 1, env: {} }, { output: "ignore" }); console.log(child.pid); setInterval(() => {}, 1000);`;
    const starter = spawn(process.execPath, [...TEST_SERVICE_NODE_ARGS, "-r", "@swc-node/register", "-e", code], { stdio: ["ignore", "pipe", "inherit"] });
    const servicePid = await new Promise<number>((resolve) => starter.stdout!.once("data", (chunk: Buffer) => resolve(Number(String(chunk).trim()))));
    return { starter, servicePid };
  }

  /** Running: it exists and is not a zombie waiting to be reaped. */
  function running(pid: number): boolean {
    try {
      return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
    } catch {
      return false;
    }
  }

  async function stopsWithin20s(pid: number): Promise<boolean> {
    for (const deadline = Date.now() + 20_000; Date.now() < deadline && running(pid); ) await new Promise((resolve) => setTimeout(resolve, 200));
    return !running(pid);
  }

  it("stops a service whose starter is killed -9, rather than leaving it running with nobody to stop it", async () => {
    const { starter, servicePid } = await startedByStarter("lives");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(running(servicePid)).toBe(true);
    starter.kill("SIGKILL");
    expect(await stopsWithin20s(servicePid)).toBe(true);
  }, 40_000);

  it("stops a service whose starter is killed -9 before the service has even loaded (it finds itself an orphan at once)", async () => {
    const { starter, servicePid } = await startedByStarter("early");
    starter.kill("SIGKILL"); // the service is still loading its modules
    expect(await stopsWithin20s(servicePid)).toBe(true);
  }, 40_000);
});
