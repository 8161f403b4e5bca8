import path from "node:path";
import { spawn } from "node:child_process";
import { freePort } from "./stack";

/** A subgraph URL where nothing listens: gateways that only refuse or answer `{ __typename }` need none. */
export const DEAD_SUBGRAPH = "http://127.0.0.1:9";

/** What a production gateway needs besides NODE_ENV: its own credential to the subgraphs and a metrics token. */
export const PRODUCTION: NodeJS.ProcessEnv = {
  NODE_ENV: "production",
  GATEWAY_CREDENTIAL: "a-production-credential-0123456789abcdef",
  METRICS_TOKEN: "a-metrics-token",
};

export interface GatewayProcess {
  url: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

/** The gateway as its own process (as `npm start` runs it), with these settings; subgraphs dead unless given. */
export async function gatewayProcess(env: NodeJS.ProcessEnv): Promise<GatewayProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ["-r", "@swc-node/register", "gateway/src/main.ts"], {
    cwd: path.resolve(__dirname, "../.."),
    env: {
      ...process.env,
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
      PORT: String(port),
      CIVIL_AFFAIRS_URL: DEAD_SUBGRAPH,
      LABOR_URL: DEAD_SUBGRAPH,
      DELIVERY_URL: DEAD_SUBGRAPH,
      REDIS_URL: "",
      ...env,
    },
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
