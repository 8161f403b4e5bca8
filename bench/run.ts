/**
 * `npm run bench`: the side-by-side benchmark of our gateway (a), stock @apollo/gateway (b),
 * Hive Gateway (c) and an in-process monolith (d) over the same subgraphs and PostgreSQL
 * databases, for each population size; writes docs/benchmarks.md and bench/results/<stamp>.json.
 *
 *   npm run bench                       sizes 1k, 100k, 1M citizens, all workloads, ≈ 15 min
 *   npm run bench -- --quick            1k citizens, 3 s runs: a ≈ 2-minute smoke run
 *   npm run bench -- --sizes 1000,100000 --duration 10 --rounds 2 --connections 10
 *                    --workloads family,list50,apply --contenders a,b,c,d
 *                    --baseline bench/results/<earlier>.json   (adds a before/after table for (a))
 *                    --no-doc                                  (JSON only)
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { calculateJwkThumbprint, exportJWK, importPKCS8, SignJWT } from "jose";
import crypto from "node:crypto";
import { Client } from "pg";
import { TOKEN_ALGORITHM, TOKEN_AUDIENCE, TOKEN_ISSUER } from "../kernel/auth/tokens";
import { startStack, type Stack } from "../scripts/stack";
import { syntheticCast } from "../seed/demoCast";
import { seedFamilies } from "../scripts/seed";
import { AGENCIES, AGENCY_NAMES, agencySetting, type AgencyName } from "../subgraphs/agencies";
import { supergraphSdlFor } from "./supergraph";
import { postgresPids, sampleProcesses, type Usage } from "./procStats";
import { writeReport } from "./reportFile";
import { renderReport, type BenchResults, type RunResult, type SizeResult } from "./report";
import { statementCounter, type Tally } from "./sqlCount";
import { CANCEL_MUTATION, CREATE_INPUT, CREATE_MUTATION, FAMILY_QUERY, LIST_QUERY, requestsFor, SUBMIT_MUTATION, WORKLOADS, type Counters, type WorkloadData, type WorkloadName } from "./workloads";

const ROOT = path.resolve(__dirname, "..");
export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const DATABASES = Object.fromEntries(AGENCY_NAMES.map((name) => [name, `bench_${name.replace(/-/g, "_")}`])) as Record<AgencyName, string>;
/** The agencies on 4701, 4702, … in the registry's order; the gateway contenders from 4710. */
const PORTS = { ...(Object.fromEntries(AGENCY_NAMES.map((name, i) => [name, 4701 + i])) as Record<AgencyName, number>), gateway: 4710 };
export const CONTENDERS = {
  a: { label: "(a) ours", port: PORTS.gateway, entry: null },
  b: { label: "(b) stock @apollo/gateway", port: 4711, entry: "bench/contenders/apolloStock.ts" },
  c: { label: "(c) Hive Gateway", port: 4712, entry: "bench/contenders/hive.ts" },
  d: { label: "(d) monolith", port: 4713, entry: "bench/contenders/monolith.ts" },
} as const;
export type ContenderKey = keyof typeof CONTENDERS;

interface Options {
  sizes: number[];
  duration: number;
  warmup: number;
  rounds: number;
  connections: number;
  workloads: WorkloadName[];
  contenders: ContenderKey[];
  baseline?: string;
  doc: boolean;
  label: string;
  /** Keep the databases of the previous run (no drop, no seeding): one size only. */
  reuse: boolean;
  /** Start everything, write tokens to tmp/bench-data/tokens.json and wait (for profiling by hand). */
  hold: boolean;
}

function parseArgs(argv: string[]): Options {
  const value = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const quick = argv.includes("--quick");
  const list = (name: string, fallback: string) => (value(name) ?? fallback).split(",").map((s) => s.trim()).filter(Boolean);
  return {
    sizes: list("sizes", quick ? "1000" : "1000,100000,1000000").map(Number),
    duration: Number(value("duration") ?? (quick ? 3 : 7)),
    warmup: Number(value("warmup") ?? (quick ? 1 : 2)),
    rounds: Number(value("rounds") ?? 2),
    connections: Number(value("connections") ?? 10),
    workloads: list("workloads", WORKLOADS.join(",")) as WorkloadName[],
    contenders: list("contenders", "a,b,c,d") as ContenderKey[],
    baseline: value("baseline"),
    doc: !argv.includes("--no-doc"),
    label: value("label") ?? (quick ? "quick" : "full"),
    reuse: argv.includes("--reuse"),
    hold: argv.includes("--hold"),
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

function spawnContender(key: ContenderKey, env: NodeJS.ProcessEnv, output: string[]): ChildProcess {
  const spec = CONTENDERS[key];
  const child = spawn(process.execPath, ["-r", "@swc-node/register", spec.entry!], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(spec.port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => chunk.split("\n").filter(Boolean).forEach((line) => output.push(`[${key}] ${line}`)));
  }
  return child;
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Access tokens signed with civil-affairs' key (generated under DATA_DIR at its first start). */
export async function tokenMinter(dataDir: string) {
  const pem = fs.readFileSync(path.join(dataDir, "civil-affairs", "keys", "signing-key.pem"), "utf8");
  const key = await importPKCS8(pem, TOKEN_ALGORITHM);
  const kid = await calculateJwkThumbprint(await exportJWK(crypto.createPublicKey(crypto.createPrivateKey(pem))));
  return (nationalId: string, roles: string[]) =>
    new SignJWT({ roles: ["CITIZEN", ...roles] })
      .setProtectedHeader({ alg: TOKEN_ALGORITHM, kid, typ: "JWT" })
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setSubject(nationalId)
      .setIssuedAt()
      .setExpirationTime("3h")
      .setJti(crypto.randomUUID())
      .sign(key);
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

interface Running {
  pids: Record<ContenderKey, number>;
  subgraphPids: number[];
}

export async function measure(
  key: ContenderKey,
  workload: WorkloadName,
  data: WorkloadData,
  applicants: string[],
  running: Running,
  seconds: number,
  connections: number,
): Promise<Omit<RunResult, "size" | "round">> {
  const counters: Counters = { graphqlErrors: 0, cycles: 0 };
  const sampler = sampleProcesses({
    gateway: () => [running.pids[key]],
    subgraphs: () => running.subgraphPids,
    postgres: postgresPids,
    loadgen: () => [process.pid],
  });
  const result = await autocannon({
    url: `http://127.0.0.1:${CONTENDERS[key].port}`,
    connections,
    duration: seconds,
    timeout: 10,
    requests: requestsFor(workload, data, counters) as never,
  });
  const usage: Usage = sampler.stop();
  if (workload === "apply") {
    await sleep(1500); // requests cut off at the end of the run may still be finishing on the server
    await cancelOpenApplications(applicants);
  }
  const total = result.requests.total;
  return {
    contender: key,
    workload,
    seconds: result.duration,
    requests: total,
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
    usage,
  };
}

async function sampleStatements(supergraph: string, urls: Record<string, string>, data: WorkloadData, workloads: WorkloadName[], samples = 5): Promise<Record<string, Tally[]>> {
  const counter = await statementCounter(supergraph, urls);
  const pick = () => data.registerNumbers[Math.floor(Math.random() * data.registerNumbers.length)]!;
  const out: Record<string, Tally[]> = {};
  try {
    for (const workload of workloads) {
      const tallies: Tally[] = [];
      for (let i = 0; i < samples; i++) {
        if (workload === "family") tallies.push((await counter.run(FAMILY_QUERY, { registerNumber: pick() }, data.officerToken)).tally);
        if (workload === "list50") tallies.push((await counter.run(LIST_QUERY, { registerNumbers: Array.from({ length: 50 }, pick) }, data.laborOfficerToken)).tally);
        if (workload === "apply") {
          const token = data.applicantTokens[i % data.applicantTokens.length]!;
          const created = await counter.run(CREATE_MUTATION, { input: CREATE_INPUT }, token);
          const id = (created.data?.createCardApplication as { id: string } | undefined)?.id;
          const submitted = await counter.run(SUBMIT_MUTATION, { id }, token);
          const cancelled = await counter.run(CANCEL_MUTATION, { id }, token);
          for (const [name, tally] of [["create", created.tally], ["submit", submitted.tally], ["cancel", cancelled.tally]] as const) {
            (out[`apply:${name}`] ??= []).push(tally);
          }
          tallies.push(sumTallies([created.tally, submitted.tally, cancelled.tally]));
        }
      }
      out[workload] = tallies;
    }
  } finally {
    await counter.stop();
  }
  return out;
}

function sumTallies(tallies: Tally[]): Tally {
  const sum: Tally = { statements: {}, fetches: {}, errors: 0 };
  for (const tally of tallies) {
    sum.errors += tally.errors;
    for (const [name, n] of Object.entries(tally.statements)) sum.statements[name] = (sum.statements[name] ?? 0) + n;
    for (const [name, n] of Object.entries(tally.fetches)) sum.fetches[name] = (sum.fetches[name] ?? 0) + n;
  }
  return sum;
}

async function benchSize(citizens: number, options: Options, results: BenchResults): Promise<void> {
  const dataDir = path.join(ROOT, "tmp", "bench-data");
  const families = familiesFor(citizens);
  const urls = Object.fromEntries(AGENCY_NAMES.map((name) => [name, databaseUrl(name)])) as Record<AgencyName, string>;
  let size: SizeResult;
  if (options.reuse) {
    const count = await admin((client) => client.query("SELECT count(*)::int AS n FROM citizen"), urls["civil-affairs"]);
    size = { citizensTarget: citizens, families, citizens: count.rows[0].n, seedSeconds: NaN, statements: {}, runs: [] };
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
    size = { citizensTarget: citizens, families, citizens: seeded.citizens, seedSeconds: seeded.ms / 1000, statements: {}, runs: [] };
    log(`seeded ${seeded.citizens} citizens in ${size.seedSeconds.toFixed(1)} s`);
  }
  results.sizes.push(size);

  const output: string[] = [];
  const stack: Stack = await startStack({
    ports: PORTS,
    dataDir,
    // The per-client rate limit (1,200/min by default) stays on but cannot refuse: one benchmark client
    // sends thousands a second, which is what the limit exists to refuse.
    env: { NODE_ENV: "development", DEMO_DATA: "true", DEMO_FAMILIES: "0", LOG_LEVEL: "warn", DATABASE_URL: "", RATE_LIMIT_POINTS: "1000000000", COST_BUDGET_PER_MINUTE: "0", MAX_QUERY_COST: "20000" },
    output: (service, line) => {
      output.push(`[${service}] ${line}`);
      fs.appendFileSync(path.join(ROOT, "tmp", "bench-services.log"), `[${service}] ${line}\n`);
    },
    databaseUrls: urls,
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
      ...Object.fromEntries(AGENCIES.flatMap((agency) => [[agency.urlSetting, subgraphUrls[agency.name]], [agencySetting(agency, "DATABASE_URL"), urls[agency.name]]])),
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      NODE_ENV: "development",
    };
    for (const key of options.contenders) if (key !== "a") children.set(key, spawnContender(key, contenderEnv, output));
    for (const [key, child] of children) await waitForGraphQL(`http://127.0.0.1:${CONTENDERS[key].port}/graphql`, child);
    const pids = Object.fromEntries(options.contenders.map((key) => [key, key === "a" ? stack.processes.get("gateway")!.pid! : children.get(key)!.pid!])) as Record<ContenderKey, number>;
    const running: Running = { pids, subgraphPids: AGENCY_NAMES.map((name) => stack.processes.get(name)!.pid!) };

    const mint = await tokenMinter(dataDir);
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
      registerNumbers: db.registers,
      officerToken: await mint("1000000909", ["CIVIL_AFFAIRS_OFFICER", "LABOR_OFFICER"]),
      laborOfficerToken: await mint("1000000917", ["LABOR_OFFICER", "CIVIL_AFFAIRS_OFFICER"]),
      applicantTokens: await Promise.all(db.heads.map((id) => mint(id, []))),
    };
    const supergraph = supergraphSdlFor(Object.fromEntries(Object.entries(subgraphUrls).map(([n, u]) => [n, `${u}/graphql`])));
    const tallies = await sampleStatements(supergraph, Object.fromEntries(Object.entries(subgraphUrls).map(([n, u]) => [n, `${u}/graphql`])), data, options.workloads);
    size.statements = tallies;
    if (options.hold) {
      fs.writeFileSync(path.join(dataDir, "tokens.json"), JSON.stringify({ ...data, pids, ports: PORTS }, null, 2));
      log(`holding: ${path.join(dataDir, "tokens.json")}; Ctrl-C to stop`);
      await new Promise<void>(() => undefined); // until SIGINT / SIGTERM, which stops everything
    }
    log(`statements per request: ${Object.entries(tallies).map(([w, t]) => `${w} ${JSON.stringify(sumTallies(t).statements)}/${t.length}`).join("; ")}`);

    for (const workload of options.workloads) {
      for (const key of options.contenders) {
        await measure(key, workload, data, db.heads, running, options.warmup, options.connections);
      }
    }
    log("warmed up");
    for (let round = 0; round < options.rounds; round++) {
      for (const workload of options.workloads) {
        // Rotate the order each round, so that drift (cache, vacuum, thermal) hits every contender.
        const order = options.contenders.map((_, i) => options.contenders[(i + round) % options.contenders.length]!);
        if (round % 2 === 1) order.reverse();
        for (const key of order) {
          const run = await measure(key, workload, data, db.heads, running, options.duration, options.connections);
          size.runs.push({ ...run, size: citizens, round });
          log(
            `${citizens} ${workload} ${key}: ${run.rps.toFixed(0)} rps p50 ${run.p50} ms p99 ${run.p99} ms errors ${run.non2xx + run.socketErrors + run.timeouts + run.graphqlErrors}` +
              ` cpu gw ${run.usage.groups.gateway!.cpuPercent.toFixed(0)}% sg ${run.usage.groups.subgraphs!.cpuPercent.toFixed(0)}% pg ${run.usage.groups.postgres!.cpuPercent.toFixed(0)}%` +
              (run.firstError ? ` first error: ${run.firstError.slice(0, 200)}` : ""),
          );
        }
      }
    }
  } finally {
    cleanups.delete(cleanup);
    await cleanup();
    const problems = output.filter((line) => /"level":(50|60)|Error/.test(line));
    if (problems.length) log(`process errors (${problems.length}), first: ${problems.slice(0, 3).join("\n")}`);
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
  for (const citizens of options.sizes) await benchSize(citizens, options, results);
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
