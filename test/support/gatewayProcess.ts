import path from "node:path";
import { spawn } from "node:child_process";
import { AGENCIES } from "../../subgraphs/agencies";
import { freePort } from "./stack";

/** A subgraph URL where nothing listens: gateways that only refuse or answer `{ __typename }` need none. */
export const DEAD_SUBGRAPH = "http://127.0.0.1:9";

/** What a production gateway needs besides NODE_ENV: its own credential to the subgraphs and a metrics token. */
export const PRODUCTION: NodeJS.ProcessEnv = {
  NODE_ENV: "production",
  GATEWAY_CREDENTIAL: "a-production-credential-0123456789abcdef",
  METRICS_TOKEN: "a-metrics-token",
};

/** What every test gateway shares, whether in its own process or in the test's: every agency of the registry dead, no Redis. */
export function testGatewayEnv(port: number, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "test",
    LOG_LEVEL: "warn",
    PORT: String(port),
    ...Object.fromEntries(AGENCIES.map((agency) => [agency.urlSetting, DEAD_SUBGRAPH])),
    REDIS_URL: "",
    ...env,
  };
}

/** A gateway started by a test: where it answers, and how to stop it. */
export interface TestGateway {
  /** Its GraphQL endpoint. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface GatewayProcess extends TestGateway {
  pid: number;
}

/**
 * The gateway as its own process (as `npm start` runs it), with these settings; subgraphs dead
 * unless given. Seconds of start-up: for what needs a process of its own (its CPU time measured,
 * its exit at start); test/support/inProcessGateway.ts starts one in the test's process.
 */
export async function gatewayProcess(env: NodeJS.ProcessEnv): Promise<GatewayProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ["-r", "@swc-node/register", "gateway/src/main.ts"], {
    cwd: path.resolve(__dirname, "../.."),
    env: testGatewayEnv(port, env),
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the gateway exited with code ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error("the gateway did not start");
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
