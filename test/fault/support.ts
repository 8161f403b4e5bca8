import { freePort } from "../support/stack";
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";
import type { GraphQLResponse } from "../support/http";

export const ROOT = path.resolve(__dirname, "../..");

/** The unified family query of the issue: civil-affairs, delivery and labor in one answer. */
export const FAMILY_QUERY = `query Family {
  me {
    nationalId
    fullNameAr
    family {
      registerNumber
      members { relation citizen { nationalId } }
      card { cardNumber status delivery { __typename ... on Shipment { trackingNumber status } } }
      eligibility { program { code } eligible }
    }
  }
}`;

/** A lost card's replacement, from application to issue: Fahad applies, the officer decides. */
export const CARD_CYCLE = {
  create: `mutation { createCardApplication(input: { kind: REPLACEMENT_LOST, lossDeclaration: true, deliveryMethod: SAUDI_POST }) { id } }`,
  submit: `mutation($id: ID!) { submitCardApplication(id: $id) { status } }`,
  review: `mutation($id: ID!) { startReview(id: $id) { status } }`,
  approve: `mutation($id: ID!) { approveCardApplication(id: $id) { status } }`,
  issue: `mutation($id: ID!) { issueFamilyCard(applicationId: $id) { cardNumber } }`,
};

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Sample {
  at: number;
  ms: number;
  status: number;
  response: GraphQLResponse | null;
  /** A transport failure (the gateway did not answer at all). */
  failure?: string;
}

/**
 * A bounded load: `total` requests spread over about `durationMs` by `concurrency` workers, each
 * worker pacing itself; `during(elapsedMs)` hooks let the test inject faults at given moments.
 */
export async function load(options: {
  total: number;
  durationMs: number;
  concurrency: number;
  send: () => Promise<GraphQLResponse>;
}): Promise<Sample[]> {
  const { total, durationMs, concurrency, send } = options;
  const started = Date.now();
  const samples: Sample[] = [];
  let next = 0;
  const interval = (durationMs * concurrency) / total;
  const worker = async () => {
    for (;;) {
      const index = next++;
      if (index >= total) return;
      const due = started + (index / concurrency) * interval;
      if (due > Date.now()) await sleep(due - Date.now());
      const at = Date.now();
      try {
        const response = await send();
        samples.push({ at: at - started, ms: Date.now() - at, status: response.status, response });
      } catch (error) {
        const cause = (error as { cause?: unknown }).cause;
        samples.push({ at: at - started, ms: Date.now() - at, status: 0, response: null, failure: `${String(error)}${cause ? ` (${String(cause)})` : ""}` });
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return samples.sort((a, b) => a.at - b.at);
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export type ProxyMode = "forward" | "blackhole" | "unavailable" | "slow" | "reset";

/**
 * An HTTP proxy in front of a subgraph, for the faults a real network has: forward as is, never
 * answer (a hung subgraph), answer 503, cut the connection (a dead one), or forward after a delay. Counts the requests it saw.
 */
export async function startProxy(target: string): Promise<{ url: string; mode: ProxyMode; delayMs: number; seen: number; close(): Promise<void> }> {
  const state = { mode: "forward" as ProxyMode, delayMs: 1500, seen: 0 };
  const server = http.createServer(async (request, response) => {
    state.seen++;
    if (state.mode === "blackhole") return; // hold the connection, answer nothing
    if (state.mode === "reset") {
      request.socket.destroy();
      return;
    }
    if (state.mode === "unavailable") {
      response.writeHead(503, { "content-type": "text/plain" }).end("unavailable");
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (state.mode === "slow") await sleep(state.delayMs);
    const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !["host", "connection", "content-length"].includes(name))) as Record<string, string>;
    try {
      const upstream = await fetch(new URL(request.url ?? "/", target), { method: request.method, headers, body: request.method === "POST" ? Buffer.concat(chunks) : undefined });
      const body = Buffer.from(await upstream.arrayBuffer());
      response.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/json" }).end(body);
    } catch {
      response.writeHead(502).end();
    }
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

export interface GatewayProcess {
  url: string;
  base: string;
  child: ChildProcess;
  logs: string[];
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** Starts a gateway process of its own (e.g. in front of proxies) and waits for /health. */
export async function spawnGateway(env: NodeJS.ProcessEnv): Promise<GatewayProcess> {
  const port = await freePort();
  const logs: string[] = [];
  const child = spawn(process.execPath, ["-r", "@swc-node/register", "gateway/src/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "test", LOG_LEVEL: "info", ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => logs.push(...chunk.split("\n").filter(Boolean)));
  }
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the gateway exited: ${logs.join("\n")}`);
    try {
      if ((await fetch(`${base}/health`, { signal: AbortSignal.timeout(1000) })).ok) break;
    } catch {
      // not yet listening
    }
    if (Date.now() > deadline) throw new Error("the gateway did not start");
    await sleep(100);
  }
  return {
    url: `${base}/graphql`,
    base,
    child,
    logs,
    exited,
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await exited;
      }
    },
  };
}

/** Lines of JSON logs that parse, with their service tag from the stack's collector. */
export function jsonLines(lines: string[]): Array<Record<string, any>> {
  return lines.flatMap((line) => {
    const start = line.indexOf("{");
    if (start < 0) return [];
    try {
      return [JSON.parse(line.slice(start))];
    } catch {
      return [];
    }
  });
}

