import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { riyadhToday } from "../kernel/riyadhCalendar";
import { AGENCIES, AGENCY_NAMES, type AgencyName } from "../subgraphs/agencies";

const ROOT = path.resolve(__dirname, "..");

export interface ServiceSpec {
  name: string;
  entry: string;
  port: number;
  env: NodeJS.ProcessEnv;
}

export interface Stack {
  gatewayUrl: string;
  urls: Record<string, string>;
  processes: Map<string, ChildProcess>;
  /** Stops one service (SIGTERM, then SIGKILL after a grace period). */
  stopService(name: string): Promise<void>;
  startService(name: string): Promise<void>;
  stop(): Promise<void>;
}

export type StackPorts = Record<AgencyName | "gateway", number>;

export interface StackOptions {
  ports: StackPorts;
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  /** Where each child's output goes: "inherit" to the terminal, "ignore", or a log collector. */
  output: "inherit" | "ignore" | ((service: string, line: string) => void);
  /** Database URL per subgraph; absent means the embedded database under dataDir. */
  databaseUrls?: Partial<Record<AgencyName, string>>;
  /** Options for a service's `node` command line (e.g. --cpu-prof, which Node 20 refuses in NODE_OPTIONS). */
  nodeArgs?(service: string): string[];
}

/** The processes of the platform, from the registry of agencies (subgraphs/agencies.ts), and the gateway. */
function services(options: StackOptions): ServiceSpec[] {
  const url = (name: keyof StackPorts) => `http://127.0.0.1:${options.ports[name]}`;
  const common = {
    DATA_DIR: options.dataDir,
    ...Object.fromEntries(AGENCIES.map((agency) => [agency.urlSetting, url(agency.name)])),
    OUTBOX_SUBSCRIBERS: AGENCIES.filter((agency) => agency.subscribesTo.length > 0)
      .map((agency) => `${url(agency.name)}/events`)
      .join(","),
    // One end date for the demo history of every agency, so that their dashboards agree.
    DEMO_ANCHOR_DATE: options.env?.DEMO_ANCHOR_DATE || process.env.DEMO_ANCHOR_DATE || riyadhToday(),
  };
  const subgraph = (name: AgencyName): ServiceSpec => ({
    name,
    entry: `subgraphs/${name}/src/main.ts`,
    port: options.ports[name],
    env: { ...common, PORT: String(options.ports[name]), ...(options.databaseUrls?.[name] ? { DATABASE_URL: options.databaseUrls[name] } : {}) },
  });
  return [...AGENCY_NAMES.map(subgraph), { name: "gateway", entry: "gateway/src/main.ts", port: options.ports.gateway, env: { ...common, PORT: String(options.ports.gateway) } }];
}

/**
 * V8 flags of every process `launchService` starts (the services, and the bench's contenders and mocks),
 * and of the image (the Dockerfile's NODE_OPTIONS). A young generation of 64 MB per semi-space, where
 * V8's default is 16 at most: most of what a request allocates (parsed bodies, result trees, rows) then
 * dies before a scavenge copies it. Less CPU in GC for more memory under load (docs/operations.md).
 */
export const SERVICE_NODE_FLAGS = ["--max-semi-space-size=64"];

/** How many of a child's last output lines a failed start reports. */
const TAIL_LINES = 30;

/** The last lines each child launched by `launchService` printed (unless its output goes to the terminal), complete once `closed` resolves. */
const outputTails = new WeakMap<ChildProcess, { lines: string[]; closed: Promise<unknown> }>();

/** Starts one service's process, its output sent where the options say. */
export function launchService(spec: ServiceSpec, options: Pick<StackOptions, "env" | "output" | "nodeArgs">): ChildProcess {
  const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, ...(options.nodeArgs?.(spec.name) ?? []), "-r", "@swc-node/register", spec.entry], {
    cwd: ROOT,
    env: { ...process.env, ...options.env, ...spec.env, EXIT_WITH_PARENT: String(process.pid) },
    // Piped unless it goes to the terminal: a start that fails reports what the child said (`waitReady`).
    stdio: options.output === "inherit" ? ["ignore", "inherit", "inherit"] : ["ignore", "pipe", "pipe"],
  });
  if (options.output !== "inherit") {
    const collect = options.output;
    const tail: string[] = [];
    outputTails.set(child, { lines: tail, closed: new Promise((resolve) => child.once("close", resolve)) });
    for (const stream of [child.stdout, child.stderr]) {
      stream?.setEncoding("utf8");
      stream?.on("data", (chunk: string) =>
        chunk.split("\n").filter(Boolean).forEach((line) => {
          if (tail.push(line) > TAIL_LINES) tail.shift();
          if (typeof collect === "function") collect(spec.name, line);
        }),
      );
    }
  }
  return child;
}

/** Waits until `url` (/ready or /health) answers from this child, not from whatever else holds the port. */
export async function waitReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const failed = (reason: string) => new Error([`${url}: ${reason}`, ...(outputTails.get(child)?.lines ?? [])].join("\n"));
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await outputTails.get(child)?.closed; // its last lines may still be in the pipe
      throw failed(`the process exited with code ${child.exitCode}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      // Ready means this child answers, not whatever else holds the port.
      if (response.ok && ((await response.json()) as { pid?: number }).pid === child.pid) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw failed(`not ready within ${timeoutMs} ms`);
}

/**
 * How long a live service may take to become ready. A first start makes the embedded clusters and
 * seeds ~300 families, which takes minutes on a busy two-core machine (90 s was once too short under
 * load); a service that exits fails the start at once, whatever this says.
 */
const READY_TIMEOUT_MS = 600_000;

/** Starts the three subgraphs and the gateway as separate processes and waits until each is ready. */
export async function startStack(options: StackOptions): Promise<Stack> {
  const specs = services(options);
  const processes = new Map<string, ChildProcess>();

  const launch = async (spec: ServiceSpec, readyPath: string) => {
    const child = launchService(spec, options);
    processes.set(spec.name, child);
    await waitReady(`http://127.0.0.1:${spec.port}${readyPath}`, child, READY_TIMEOUT_MS);
  };

  const stopService = async (name: string) => {
    const child = processes.get(name);
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
  };

  const stack: Stack = {
    gatewayUrl: `http://127.0.0.1:${options.ports.gateway}/graphql`,
    urls: Object.fromEntries(specs.map((s) => [s.name, `http://127.0.0.1:${s.port}`])),
    processes,
    stopService,
    startService: (name) => launch(specs.find((s) => s.name === name)!, name === "gateway" ? "/health" : "/ready"),
    stop: async () => {
      await Promise.all([...processes.keys()].map(stopService));
    },
  };
  try {
    // In the registry's start order (civil-affairs first: the others fetch its keys), then the gateway.
    for (const order of [...new Set(AGENCIES.map((agency) => agency.startOrder))].sort((x, y) => x - y)) {
      await Promise.all(AGENCIES.filter((agency) => agency.startOrder === order).map((agency) => stack.startService(agency.name)));
    }
    await stack.startService("gateway");
  } catch (error) {
    await stack.stop();
    throw error;
  }
  return stack;
}
