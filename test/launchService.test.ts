import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { launchService, waitReady } from "../scripts/stack";

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
});
