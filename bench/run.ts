/**
 * `npm run bench`: the side-by-side benchmark of our gateway (a), stock @apollo/gateway (b),
 * Hive Gateway (c) and an in-process monolith (d) over the same subgraphs and PostgreSQL
 * databases, for each population size, and of (a), (b), (c) alone over mock subgraphs that answer
 * at once (workload `gateway`); writes docs/benchmarks.md and bench/results/<stamp>.json.
 *
 * Every process runs as production runs it (NODE_ENV=production, with secrets generated for the
 * run). Each contender is first under load for --warmup seconds (split over the workloads), then
 * measured; every run reports RPS, latency, CPU milliseconds per request of each process (the
 * contender, each subgraph, PostgreSQL, from /proc) and SQL statements per request (from each
 * subgraph's own /metrics).
 *
 *   npm run bench                       1k citizens, every workload, 60 s warm-up, 3 rounds × 10 s: ≈ 17 min
 *                                       on the 2-core machine (7.4 min warm-up: 60 s × 4 contenders + 60 s × 3
 *                                       over the mocks; 8.8 min measured: 45 runs × (10 s + 1.5 s for the
 *                                       requests in flight); < 1 min seeding, starting and stopping processes)
 *   npm run bench -- --quick            1k citizens, 3 s warm-up, 2 rounds × 3 s: a ≈ 3.5-minute smoke run
 *   npm run bench -- --sizes 1000,100000,1000000   more sizes (each ≈ 12 min more, plus its seeding:
 *                                       ≈ 0.5 min for 100k citizens, ≈ 9 min for 1M)
 *                    --duration 10 --rounds 3 --warmup 60 --connections 10
 *                    --workloads family,list50,apply,gateway --contenders a,b,c,d
 *                    --language en|ar                          (what every request's accept-language asks for; en unless told)
 *                    --baseline bench/results/<earlier>.json   (adds a before/after table for (a))
 *                    --no-doc                                  (JSON only)
 *                    --reuse                                   (keep the databases of the previous run: one size)
 *                    --hold                                    (start everything, write tmp/bench-data/tokens.json, wait)
 *                    --cpu-prof                                (a V8 profile of every process in tmp/profiles/<stamp>/)
 */
import type { ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { SignJWT } from "jose";
import { Client } from "pg";
import { TOKEN_ALGORITHM, TOKEN_AUDIENCE, TOKEN_ISSUER } from "../kernel/auth/tokens";
import { launchService, startStack, waitReady, type Stack } from "../scripts/stack";
import { syntheticCast } from "../seed/demoCast";
import { seedFamilies } from "../scripts/seed";
import { AGENCIES, AGENCY_NAMES, agencySetting, type AgencyName } from "../subgraphs/agencies";
import { loadSigningKeys } from "../subgraphs/civil-affairs/src/identity/signingKeys";
import { choiceOption, numberListOption, numberOption, optionValue } from "./commandLine";
import { postgresPids, sampleProcesses } from "./procStats";
import { writeReport } from "./reportFile";
import { allCpu, renderReport, type BenchResults, type Measurement, type RunResult, type SizeResult } from "./report";
import { perRequest, scrapeSubgraphs } from "./subgraphMetrics";
import { LANGUAGES, requestsFor, WORKLOADS, type Counters, type Language, type WorkloadData, type WorkloadName } from "./workloads";

const ROOT = path.resolve(__dirname, "..");
export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const DATABASES = Object.fromEntries(AGENCY_NAMES.map((name) => [name, `bench_${name.replace(/-/g, "_")}`])) as Record<AgencyName, string>;
/** The agencies on 4701, 4702, … in the registry's order; the gateway contenders from 4710. */
const PORTS = { ...(Object.fromEntries(AGENCY_NAMES.map((name, i) => [name, 4701 + i])) as Record<AgencyName, number>), gateway: 4710 };
/** The mock subgraphs of the `gateway` workload, from 4731 in the registry's order. */
const MOCK_PORTS = Object.fromEntries(AGENCY_NAMES.map((name, i) => [name, 4731 + i])) as Record<AgencyName, number>;
export const CONTENDERS = {
  a: { label: "(a) ours", port: PORTS.gateway, entry: "gateway/src/main.ts" },
  b: { label: "(b) stock @apollo/gateway", port: 4711, entry: "bench/contenders/apolloStock.ts" },
  c: { label: "(c) Hive Gateway", port: 4712, entry: "bench/contenders/hive.ts" },
  d: { label: "(d) monolith", port: 4713, entry: "bench/contenders/monolith.ts" },
} as const;
export type ContenderKey = keyof typeof CONTENDERS;
/**
 * Our gateway's per-client rate limit and cost budget stay on but cannot refuse: one benchmark
 * client sends thousands of operations a minute, which is what they exist to refuse.
 */
const GATEWAY_LIMITS = { RATE_LIMIT_POINTS: "1000000000", COST_BUDGET_PER_MINUTE: "1000000000000" };
const OFFICER_ROLES = ["CIVIL_AFFAIRS_OFFICER", "LABOR_OFFICER"];

interface Options {
  sizes: number[];
  duration: number;
  /** Seconds of load on each contender before it is measured, split over the workloads. */
  warmup: number;
  rounds: number;
  connections: number;
  workloads: WorkloadName[];
  contenders: ContenderKey[];
  /** The language every request asks for: English, or Arabic (two bytes per character in every process's strings). */
  language: Language;
  baseline?: string;
  doc: boolean;
  label: string;
  /** Keep the databases of the previous run (no drop, no seeding): one size only. */
  reuse: boolean;
  /** Start everything, write tokens to tmp/bench-data/tokens.json and wait (for profiling by hand). */
  hold: boolean;
  /** Where every process writes its V8 CPU profile when it stops (--cpu-prof). */
  profileDir?: string;
}

function parseArgs(argv: string[]): Options {
  const value = (name: string) => optionValue(argv, name);
  const quick = argv.includes("--quick");
  const list = (name: string, fallback: string) => (value(name) ?? fallback).split(",").map((s) => s.trim()).filter(Boolean);
  return {
    sizes: numberListOption(argv, "sizes", [1000]),
    duration: numberOption(argv, "duration", quick ? 3 : 10),
    warmup: numberOption(argv, "warmup", quick ? 3 : 60),
    rounds: numberOption(argv, "rounds", quick ? 2 : 3),
    connections: numberOption(argv, "connections", 10),
    workloads: list("workloads", WORKLOADS.join(",")) as WorkloadName[],
    contenders: list("contenders", "a,b,c,d") as ContenderKey[],
    language: choiceOption(argv, "language", LANGUAGES),
    baseline: value("baseline"),
    doc: !argv.includes("--no-doc"),
    label: value("label") ?? (quick ? "quick" : "full"),
    reuse: argv.includes("--reuse"),
    hold: argv.includes("--hold"),
    profileDir: argv.includes("--cpu-prof") ? path.join(ROOT, "tmp", "profiles", new Date().toISOString().replace(/[:.]/g, "-")) : undefined,
  };
}

/** Stops what the run started when the run is interrupted (no orphaned services on the bench ports). */
export const cleanups = new Set<() => Promise<void>>();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void Promise.allSettled([...cleanups].map((cleanup) => cleanup())).then(() => process.exit(130));
  });
}

export const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function admin<T>(work: (client: Client) => Promise<T>, url = ADMIN_URL): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function databaseUrl(name: AgencyName): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DATABASES[name]}`;
  return url.toString();
}

async function recreateDatabases(): Promise<void> {
  await admin(async (client) => {
    for (const name of AGENCY_NAMES) {
      await client.query(`DROP DATABASE IF EXISTS ${DATABASES[name]} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${DATABASES[name]}`);
    }
  });
}

/** What production refuses to start without (kernel/subgraph.ts, each subgraph's `prepare`, the gateway), generated for this run. */
function productionEnv(signingKey: string): NodeJS.ProcessEnv {
  const secret = () => crypto.randomBytes(32).toString("base64url");
  const credential = secret();
  return {
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    JWT_PRIVATE_KEY: signingKey,
    EVENTS_HMAC_SECRET: secret(),
    CARRIER_WEBHOOK_SECRET: secret(),
    GATEWAY_CREDENTIAL: credential,
    GATEWAY_CREDENTIALS: credential,
    METRICS_TOKEN: secret(),
  };
}

/** Average synthetic family size, to turn a number of citizens into a number of families. */
export function familiesFor(citizens: number): number {
  const sample = syntheticCast(2000, 0);
  return Math.max(1, Math.round(citizens / (sample.people.length / sample.families.length)));
}

async function waitForGraphQL(url: string, child: ChildProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: exited with ${child.exitCode}`);
    try {
      const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ __typename }"}', signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not yet
    }
    await sleep(200);
  }
  throw new Error(`${url} not ready in ${timeoutMs} ms`);
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/** The services' output, kept in tmp/bench-services.log; its errors are reported when the services stop. */
function serviceOutput() {
  const lines: string[] = [];
  return {
    collect(service: string, line: string) {
      lines.push(`[${service}] ${line}`);
      fs.appendFileSync(path.join(ROOT, "tmp", "bench-services.log"), `[${service}] ${line}\n`);
    },
    report() {
      const problems = lines.filter((line) => /"level":(50|60)|Error/.test(line));
      if (problems.length) log(`process errors (${problems.length}), first: ${problems.slice(0, 3).join("\n")}`);
    },
  };
}

/** With --cpu-prof, the node options that write `<name>.cpuprofile` under the profile folder's `group`. */
function profileArgs(options: Options, group: string) {
  return (name: string) => (options.profileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.join(options.profileDir, group)}`, `--cpu-prof-name=${name}.cpuprofile`] : []);
}

/** A gateway contender as its own process (in the main workloads, (a) is the gateway scripts/stack.ts starts). */
function launchContender(key: ContenderKey, env: NodeJS.ProcessEnv, output: ReturnType<typeof serviceOutput>, nodeArgs: (name: string) => string[]): ChildProcess {
  const { entry, port } = CONTENDERS[key];
  return launchService({ name: key, entry, port, env: { PORT: String(port) } }, { env, output: output.collect, nodeArgs });
}

export type Minter = (nationalId: string, roles: string[]) => Promise<string>;

/** Access tokens as civil-affairs signs them, with the key it was given (JWT_PRIVATE_KEY). */
export async function tokenMinter(signingKey: string): Promise<Minter> {
  const { privateKey, kid } = await loadSigningKeys(signingKey, "");
  return (nationalId, roles) =>
    new SignJWT({ roles: ["CITIZEN", ...roles] })
      .setProtectedHeader({ alg: TOKEN_ALGORITHM, kid, typ: "JWT" })
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setSubject(nationalId)
      .setIssuedAt()
      .setExpirationTime("3h")
      .setJti(crypto.randomUUID())
      .sign(privateKey);
}

/** Applications left open when a run stopped mid-cycle are cancelled, so the next run starts clean. */
async function cancelOpenApplications(applicants: string[]): Promise<void> {
  await admin(
    (client) =>
      client.query(
        `UPDATE card_application SET status = 'CANCELLED', version = version + 1
          WHERE applicant_id = ANY($1) AND status IN ('DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'NEEDS_CORRECTION', 'APPROVED')`,
        [applicants],
      ),
    databaseUrl("civil-affairs"),
  );
}

/** How long a run's window stays open after the load stops, for the requests still in flight to finish. */
const SETTLE_MS = 1500;

/** The subgraphs whose /metrics count the SQL statements of a run. */
interface MetricsSource {
  urls: Record<string, string>;
  token: string;
}

/**
 * One run of `workload` against contender `key`: `processes` list the process ids of each group
 * (the contender as "gateway", each agency, "postgres", "mocks"); the load generator is added.
 */
export async function measure(
  key: ContenderKey,
  workload: WorkloadName,
  data: WorkloadData,
  processes: Record<string, () => number[]>,
  seconds: number,
  connections: number,
  subgraphs?: MetricsSource,
): Promise<Measurement> {
  const counters: Counters = { graphqlErrors: 0, cycles: 0 };
  const before = subgraphs && (await scrapeSubgraphs(subgraphs.urls, subgraphs.token));
  const sampler = sampleProcesses({ ...processes, loadgen: () => [process.pid] });
  const result = await autocannon({
    url: `http://127.0.0.1:${CONTENDERS[key].port}`,
    connections,
    duration: seconds,
    timeout: 10,
    requests: requestsFor(workload, data, counters) as never,
  });
  // The requests in flight when the load stops still run on the servers: the window includes
  // their work, so the per-request figures divide by every request sent.
  await sleep(SETTLE_MS);
  const usage = sampler.stop();
  if (workload === "apply") await cancelOpenApplications(data.applicants);
  const total = result.requests.total;
  const sent = Math.max(1, result.requests.sent);
  const cpuMsPerRequest = Object.fromEntries(Object.entries(usage.groups).map(([group, used]) => [group, used.cpuMs / sent]));
  return {
    contender: key,
    workload,
    seconds: result.duration,
    requests: total,
    sent,
    rps: total / result.duration,
    cyclesPerSecond: workload === "apply" ? counters.cycles / result.duration : undefined,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    socketErrors: result.errors,
    timeouts: result.timeouts,
    graphqlErrors: counters.graphqlErrors,
    firstError: counters.firstError,
    cpuMsPerRequest,
    cpuMsPerRequestAll: allCpu(cpuMsPerRequest),
    subgraphs: before && perRequest(before, await scrapeSubgraphs(subgraphs.urls, subgraphs.token), sent),
    usage,
  };
}

const f1 = (n: number) => n.toFixed(1);

function describe(run: Measurement): string {
  const cpu = Object.entries(run.cpuMsPerRequest).map(([group, ms]) => `${group} ${f1(ms)}`);
  const statements = run.subgraphs && Object.values(run.subgraphs).reduce((sum, counts) => sum + counts.statements, 0);
  return (
    `${run.workload} ${run.contender}: ${run.rps.toFixed(0)} rps p50 ${run.p50} ms p99 ${run.p99} ms errors ${run.non2xx + run.socketErrors + run.timeouts + run.graphqlErrors}; ` +
    `CPU ms/request ${cpu.join(" ")}, all ${f1(run.cpuMsPerRequestAll)}${statements === undefined ? "" : `; SQL/request ${f1(statements)}`}` +
    (run.firstError ? ` first error: ${run.firstError.slice(0, 200)}` : "")
  );
}

/**
 * Each contender under load for --warmup seconds (split over the workloads), then --rounds rounds
 * of every workload and contender, the order of the contenders rotated each round and reversed
 * every other one, so that drift (cache, vacuum, other work on the machine) reaches every contender.
 */
async function warmAndMeasure(
  options: Options,
  contenders: ContenderKey[],
  workloads: WorkloadName[],
  run: (key: ContenderKey, workload: WorkloadName, seconds: number) => Promise<Measurement>,
  record: (measured: Measurement, round: number) => void,
): Promise<void> {
  for (const key of contenders) {
    for (const workload of workloads) await run(key, workload, Math.max(1, options.warmup / workloads.length));
  }
  log(`warmed up ${contenders.join(", ")}: ${options.warmup} s each`);
  for (let round = 0; round < options.rounds; round++) {
    for (const workload of workloads) {
      const order = contenders.map((_, i) => contenders[(i + round) % contenders.length]!);
      if (round % 2 === 1) order.reverse();
      for (const key of order) {
        const measured = await run(key, workload, options.duration);
        record(measured, round);
        log(describe(measured));
      }
    }
  }
}

async function benchSize(citizens: number, options: Options, workloads: WorkloadName[], env: NodeJS.ProcessEnv, mint: Minter, results: BenchResults): Promise<void> {
  const dataDir = path.join(ROOT, "tmp", "bench-data");
  const families = familiesFor(citizens);
  const urls = Object.fromEntries(AGENCY_NAMES.map((name) => [name, databaseUrl(name)])) as Record<AgencyName, string>;
  let size: SizeResult;
  if (options.reuse) {
    const count = await admin((client) => client.query("SELECT count(*)::int AS n FROM citizen"), urls["civil-affairs"]);
    size = { citizensTarget: citizens, families, citizens: count.rows[0].n, seedSeconds: NaN, runs: [] };
  } else {
    fs.rmSync(dataDir, { recursive: true, force: true });
    log(`size ${citizens} citizens ≈ ${families} families: recreating ${Object.values(DATABASES).join(", ")}`);
    await recreateDatabases();
    const seeded = await seedFamilies({
      families,
      urls,
      dataDir,
      chunk: 2000,
      progress: (done, total, ms) => {
        if (done === total || done % 20_000 === 0) log(`seeded ${done}/${total} families (${Math.round((done / ms) * 1000)} families/s)`);
      },
    });
    size = { citizensTarget: citizens, families, citizens: seeded.citizens, seedSeconds: seeded.ms / 1000, runs: [] };
    log(`seeded ${seeded.citizens} citizens in ${size.seedSeconds.toFixed(1)} s`);
  }
  results.sizes.push(size);

  const output = serviceOutput();
  const nodeArgs = profileArgs(options, String(citizens));
  const stack: Stack = await startStack({
    ports: PORTS,
    dataDir,
    // Production refuses the demo data: the synthetic families above are all there is.
    env: { ...env, DEMO_DATA: "false", DATABASE_URL: "", ...GATEWAY_LIMITS },
    output: output.collect,
    databaseUrls: urls,
    nodeArgs,
  });
  const children = new Map<ContenderKey, ChildProcess>();
  const cleanup = async () => {
    await Promise.all([...children.values()].map(stopChild));
    await stack.stop();
  };
  cleanups.add(cleanup);
  try {
    const subgraphUrls = Object.fromEntries(AGENCY_NAMES.map((name) => [name, stack.urls[name]!])) as Record<AgencyName, string>;
    const contenderEnv = {
      ...env,
      ...Object.fromEntries(AGENCIES.flatMap((agency) => [[agency.urlSetting, subgraphUrls[agency.name]], [agencySetting(agency, "DATABASE_URL"), urls[agency.name]]])),
      DATA_DIR: dataDir,
    };
    for (const key of options.contenders) if (key !== "a") children.set(key, launchContender(key, contenderEnv, output, nodeArgs));
    for (const [key, child] of children) await waitForGraphQL(`http://127.0.0.1:${CONTENDERS[key].port}/graphql`, child);
    const pids = Object.fromEntries(options.contenders.map((key) => [key, key === "a" ? stack.processes.get("gateway")!.pid! : children.get(key)!.pid!])) as Record<ContenderKey, number>;
    const agencies = Object.fromEntries(AGENCY_NAMES.map((name) => [name, () => [stack.processes.get(name)!.pid!]]));
    const postgres = () => postgresPids(Object.values(DATABASES));
    const metrics: MetricsSource = { urls: subgraphUrls, token: env.METRICS_TOKEN! };

    const db = await admin(async (client) => {
      const registers = (await client.query(`SELECT register_number FROM family WHERE register_number LIKE '31%'`)).rows.map((r) => r.register_number as string);
      const heads = (
        await client.query(
          `SELECT f.head_id FROM family f JOIN family_card c ON c.register_number = f.register_number AND c.status = 'ACTIVE'
            WHERE f.register_number LIKE '31%' ORDER BY random() LIMIT $1`,
          [options.connections * 2],
        )
      ).rows.map((r) => r.head_id as string);
      return { registers, heads };
    }, urls["civil-affairs"]);
    const data: WorkloadData = {
      language: options.language,
      registerNumbers: db.registers,
      officerToken: await mint("1000000909", OFFICER_ROLES),
      laborOfficerToken: await mint("1000000917", OFFICER_ROLES),
      applicants: db.heads,
      applicantTokens: await Promise.all(db.heads.map((id) => mint(id, []))),
    };
    if (options.hold) {
      fs.mkdirSync(dataDir, { recursive: true });
      fs.writeFileSync(path.join(dataDir, "tokens.json"), JSON.stringify({ ...data, pids, ports: PORTS, metricsToken: env.METRICS_TOKEN }, null, 2));
      log(`holding: ${path.join(dataDir, "tokens.json")}; Ctrl-C to stop`);
      await new Promise<void>(() => undefined); // until SIGINT / SIGTERM, which stops everything
    }
    // (d) serves every fetch itself: the subgraph processes idle beside it, and are not its cost.
    const run = (key: ContenderKey, workload: WorkloadName, seconds: number) =>
      key === "d"
        ? measure(key, workload, data, { gateway: () => [pids.d], postgres }, seconds, options.connections)
        : measure(key, workload, data, { gateway: () => [pids[key]], ...agencies, postgres }, seconds, options.connections, metrics);
    await warmAndMeasure(options, options.contenders, workloads, run, (measured, round) => {
      size.runs.push({ ...measured, size: citizens, round });
    });
  } finally {
    cleanups.delete(cleanup);
    await cleanup();
    output.report();
  }
}

/** Workload `gateway`: (a), (b), (c) alone over mock subgraphs (bench/mockSubgraphs.ts) that answer at once from canned data. */
async function benchGatewayTier(options: Options, env: NodeJS.ProcessEnv, mint: Minter, results: BenchResults): Promise<void> {
  const contenders = options.contenders.filter((key) => key !== "d");
  if (contenders.length === 0) return;
  const output = serviceOutput();
  const nodeArgs = profileArgs(options, "gateway-tier");
  const tierEnv = { ...env, ...GATEWAY_LIMITS, ...Object.fromEntries(AGENCIES.map((agency) => [agency.urlSetting, `http://127.0.0.1:${MOCK_PORTS[agency.name]}`])) };
  const children = new Map<string, ChildProcess>();
  const cleanup = async () => {
    await Promise.all([...children.values()].map(stopChild));
  };
  cleanups.add(cleanup);
  try {
    log(`gateway tier: ${contenders.join(", ")} over mock subgraphs on ${Object.values(MOCK_PORTS).join(", ")}`);
    const mocks = launchService({ name: "mocks", entry: "bench/mockSubgraphs.ts", port: MOCK_PORTS["civil-affairs"], env: {} }, { env: tierEnv, output: output.collect, nodeArgs });
    children.set("mocks", mocks);
    for (const port of Object.values(MOCK_PORTS)) await waitReady(`http://127.0.0.1:${port}/ready`, mocks, 60_000);
    for (const key of contenders) children.set(key, launchContender(key, tierEnv, output, nodeArgs));
    for (const key of contenders) {
      const child = children.get(key)!;
      // Ours is ready once it holds the token-signing keys; the others once they answer.
      await (key === "a" ? waitReady(`http://127.0.0.1:${CONTENDERS.a.port}/ready`, child, 90_000) : waitForGraphQL(`http://127.0.0.1:${CONTENDERS[key].port}/graphql`, child));
    }
    const officerToken = await mint("1000000909", OFFICER_ROLES);
    const data: WorkloadData = { language: options.language, registerNumbers: ["3100000001", "3100000002"], officerToken, laborOfficerToken: officerToken, applicants: [], applicantTokens: [] };
    const tier: { runs: RunResult[] } = (results.gatewayTier = { runs: [] });
    await warmAndMeasure(
      options,
      contenders,
      ["gateway"],
      (key, workload, seconds) => measure(key, workload, data, { gateway: () => [children.get(key)!.pid!], mocks: () => [mocks.pid!] }, seconds, options.connections),
      (measured, round) => tier.runs.push({ ...measured, size: 0, round }),
    );
  } finally {
    cleanups.delete(cleanup);
    await cleanup();
    output.report();
  }
}

export function machine() {
  const cpuinfo = fs.readFileSync("/proc/cpuinfo", "utf8");
  return {
    date: new Date().toISOString(),
    nproc: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    cpuModel: /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? "unknown",
    node: process.version,
    kernel: os.release(),
  };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes("--render")) {
    // npm run bench -- --render results.json [--after later.json]: (re)writes docs/benchmarks.md only.
    const read = (flag: string) => (argv.includes(flag) ? (JSON.parse(fs.readFileSync(argv[argv.indexOf(flag) + 1]!, "utf8")) as BenchResults) : undefined);
    writeReport(renderReport(read("--render")!, undefined, argv[argv.indexOf("--render") + 1]!, read("--after")));
    log("wrote docs/benchmarks.md");
    return;
  }
  const options = parseArgs(argv);
  const started = Date.now();
  const postgres = await admin((client) => client.query("SHOW server_version")).then((r) => r.rows[0].server_version as string);
  const results: BenchResults = { machine: { ...machine(), postgres }, options: { ...options }, sizes: [] };
  const signingKey = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const env = productionEnv(signingKey);
  const mint = await tokenMinter(signingKey);
  fs.mkdirSync(path.join(ROOT, "tmp"), { recursive: true });
  const workloads = options.workloads.filter((workload) => workload !== "gateway");
  if (workloads.length > 0) for (const citizens of options.sizes) await benchSize(citizens, options, workloads, env, mint, results);
  if (options.workloads.includes("gateway")) await benchGatewayTier(options, env, mint, results);
  if (options.profileDir) log(`CPU profiles: ${path.relative(ROOT, options.profileDir)} (npm run bench:profile-summary -- <file>)`);
  results.totalSeconds = (Date.now() - started) / 1000;
  fs.mkdirSync(path.join(ROOT, "bench", "results"), { recursive: true });
  const file = path.join(ROOT, "bench", "results", `${results.machine.date.replace(/[:.]/g, "-")}-${options.label}.json`);
  fs.writeFileSync(file, JSON.stringify(results, null, 2));
  log(`results: ${path.relative(ROOT, file)}`);
  if (options.doc) {
    const baseline = options.baseline ? (JSON.parse(fs.readFileSync(options.baseline, "utf8")) as BenchResults) : undefined;
    writeReport(renderReport(results, baseline, path.relative(ROOT, file)));
    log("wrote docs/benchmarks.md");
  }
  log(`done in ${(results.totalSeconds / 60).toFixed(1)} min`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
