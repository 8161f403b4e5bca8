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

  it("stops a service whose starter is killed -9, rather than leaving it running with nobody to stop it", async () => {
    const entry = path.join(dir, "lives.js");
    fs.writeFileSync(entry, `require(${JSON.stringify(require.resolve("../kernel/process"))}).runProcess("lives", async () => { const t = setInterval(() => {}, 1000); return { stop: async () => clearInterval(t) }; });\n`);
    const starter = `const child = require(${JSON.stringify(require.resolve("../scripts/stack"))}).launchService({ name: "lives", entry: ${JSON.stringify(entry)}, port: 1, env: {} }, { output: "ignore" }); console.log(child.pid); setInterval(() => {}, 1000);`;
    const parent = spawn(process.execPath, [...TEST_SERVICE_NODE_ARGS, "-r", "@swc-node/register", "-e", starter], { stdio: ["ignore", "pipe", "inherit"] });
    const childPid = await new Promise<number>((resolve) => parent.stdout!.once("data", (chunk: Buffer) => resolve(Number(String(chunk).trim()))));
    /** Running: it exists and is not a zombie waiting to be reaped. */
    const running = () => {
      try {
        return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${childPid}/stat`, "utf8"));
      } catch {
        return false;
      }
    };
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(running()).toBe(true);
    parent.kill("SIGKILL");
    for (const deadline = Date.now() + 20_000; Date.now() < deadline && running(); ) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(running()).toBe(false);
  }, 40_000);
});
