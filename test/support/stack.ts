import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { startStack, type Stack, type StackOptions, type StackPorts } from "../../scripts/stack";
import { AGENCY_NAMES } from "../../subgraphs/agencies";
import { graphql } from "./http";

/** The first local port the kernel hands to outgoing connections (Linux's default otherwise). */
function ephemeralPortsStart(): number {
  try {
    return Number(fs.readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/)[0]) || 32768;
  } catch {
    return 32768;
  }
}

const LOWEST_TEST_PORT = 20000;

function listensOn(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/**
 * A port nobody listens on right now, chosen below the ephemeral range: a port the kernel picks for
 * `listen(0)` can be handed to another test's outgoing connection before the service listens on it
 * (EADDRINUSE), and ports below that range are never handed out so.
 */
export async function freePort(): Promise<number> {
  // A machine whose ephemeral range starts low still gets a range to choose from (then overlapping it).
  const span = Math.max(ephemeralPortsStart() - LOWEST_TEST_PORT, 10_000);
  for (;;) {
    const port = LOWEST_TEST_PORT + crypto.randomInt(span);
    if (await listensOn(port)) return port;
  }
}

/** A free port for the gateway and each agency. */
async function freePorts(): Promise<StackPorts> {
  const ports: Record<string, number> = {};
  for (const name of ["gateway", ...AGENCY_NAMES]) ports[name] = await freePort();
  return ports as StackPorts;
}

const START_ATTEMPTS = 3;

/**
 * V8 flags for the services a test starts on embedded databases: PGlite's WebAssembly compiled by
 * Liftoff only. TurboFan recompiling PGlite's hot functions costs ~2 s of CPU per process in
 * background threads (of ~5 s to start one), which a process living for one test file never earns
 * back; `npm test` runs jest's own workers so too. Not for `npm start`: a long run earns it back.
 */
export const TEST_SERVICE_NODE_ARGS = ["--liftoff-only"];

export interface TestStack extends Stack {
  logs: string[];
  login(nationalId: string, password?: string): Promise<string>;
}

/**
 * The whole platform as `npm start` runs it (four processes, embedded databases seeded with the
 * demo data) on free ports and a fresh data folder, for end-to-end tests through the gateway.
 */
export async function startTestStack(env: NodeJS.ProcessEnv = {}, options: Pick<StackOptions, "databaseUrls"> = {}): Promise<TestStack> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "stack-"));
  const logs: string[] = [];
  const start = async () =>
    startStack({
      ports: await freePorts(),
      dataDir,
      // In-memory embedded databases and a smaller synthetic population keep start-up quick.
      env: { NODE_ENV: "test", LOG_LEVEL: "info", DATABASE_URL: "", EMBEDDED_DATABASE: "memory", DEMO_FAMILIES: "60", ...env },
      output: (service, line) => logs.push(`[${service}] ${line}`),
      databaseUrls: options.databaseUrls,
      nodeArgs: () => TEST_SERVICE_NODE_ARGS,
    });
  let stack: Stack;
  for (let attempt = 1; ; attempt++) {
    try {
      stack = await start();
      break;
    } catch (error) {
      // Two tests can still choose one free port at the same moment: startStack has stopped what it
      // started, so start again on new ports.
      if (attempt === START_ATTEMPTS || !(error instanceof Error && error.message.includes("EADDRINUSE"))) throw error;
    }
  }
  return {
    ...stack,
    logs,
    async login(nationalId, password = "demo-password") {
      const response = await graphql(stack.gatewayUrl, `mutation($id: ID!, $pw: String!) { login(nationalId: $id, password: $pw) { accessToken } }`, { id: nationalId, pw: password });
      if (!response.data?.login) throw new Error(`login ${nationalId} failed: ${JSON.stringify(response.errors)}`);
      return response.data.login.accessToken as string;
    },
    async stop() {
      await stack.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
