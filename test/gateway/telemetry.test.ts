import path from "node:path";
import { spawn } from "node:child_process";
import { testGatewayEnv } from "../support/gatewayProcess";
import { freePort } from "../support/stack";

/**
 * @apollo/gateway sends anonymous usage metrics to Apollo unless APOLLO_TELEMETRY_DISABLED is set.
 * A gateway started without it in its environment never creates that exporter (a probe preloaded
 * into the process reports if it does). A process of its own: the gateway in the test's process
 * would find the variable set by any gateway started there before.
 */
describe("usage telemetry", () => {
  it("is off even when the environment does not say so", async () => {
    const port = await freePort();
    const env = testGatewayEnv(port, {});
    delete env.APOLLO_TELEMETRY_DISABLED;
    const child = spawn(process.execPath, ["-r", "@swc-node/register", "-r", "./test/support/telemetryProbe.js", "gateway/src/main.ts"], { cwd: path.resolve(__dirname, "../.."), env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      const deadline = Date.now() + 20_000;
      for (;;) {
        if (child.exitCode !== null) throw new Error(`the gateway exited: ${stderr}`);
        if (Date.now() > deadline) throw new Error("the gateway did not start");
        const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
        if (ok) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(stderr).not.toContain("TELEMETRY_EXPORTER_CREATED");
    } finally {
      child.kill("SIGTERM");
    }
  });
});
