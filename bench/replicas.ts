/**
 * `node -r @swc-node/register bench/replicas.ts [--seconds N] [--connections C]`: what balancing over
 * replicas costs per request (issue 12). The family query through one gateway over (a) one replica
 * per agency, then (b) two per agency on the same databases and demo data, CIVIL_AFFAIRS_URL etc.
 * listing both (the gateway takes them in turn, a circuit each). Every process runs apart; its CPU
 * time (/proc) over the measured window is divided by the requests answered. Writes the "replicas"
 * section of docs/benchmarks.md; ≈ 2.5 minutes with the defaults.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { ChildProcess } from "node:child_process";
import { riyadhToday } from "../kernel/riyadhCalendar";
import { AGENCIES, AGENCY_NAMES, type AgencyName } from "../subgraphs/agencies";
import { launchService, waitReady } from "../scripts/stack";
import { numberOption } from "./commandLine";
import { sampleProcesses, type Usage } from "./procStats";
import { writeSection } from "./reportFile";
import { admin, ADMIN_URL, cleanups, CONTENDERS, familiesFor, log, machine, measure, stopChild, tokenMinter } from "./run";
import type { WorkloadData } from "./workloads";

const ROOT = path.resolve(__dirname, "..");
const WARMUP_SECONDS = 15;
const IDLE_SECONDS = 5;
const CITIZENS = 1000;
/** measure() drives contender (a) of the main bench, so the gateway takes its port; the replicas take their own. */
const GATEWAY_PORT = CONTENDERS.a.port;
/** Two ports per agency from 4721, in the registry's order. */
const REPLICA_PORTS = Object.fromEntries(AGENCY_NAMES.map((name, i) => [name, [4721 + 2 * i, 4722 + 2 * i]])) as Record<AgencyName, number[]>;
/** Apart from the main bench's databases, which it keeps for --reuse. */
const databaseName = (agency: AgencyName) => `bench_${agency.replace("-", "_")}_replicas`;
const GROUPS = ["gateway", ...AGENCY_NAMES, "postgres"] as const;
type Group = (typeof GROUPS)[number];

interface Fleet {
  gateway: ChildProcess;
  agencies: Record<AgencyName, ChildProcess[]>;
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
  cpuMsPerRequest: Record<Group, number>;
  /** CPU spent without load, on timers (token-key and revocation refreshes, polls): a cost per process, not per request. */
  idleMsPerSecond: Record<Group, number>;
  usage: Usage;
}

function databaseUrl(agency: AgencyName): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${databaseName(agency)}`;
  return url.toString();
}

async function dropDatabases(recreate: boolean): Promise<void> {
  await admin(async (client) => {
    for (const agency of AGENCY_NAMES) {
      await client.query(`DROP DATABASE IF EXISTS ${databaseName(agency)} WITH (FORCE)`);
      if (recreate) await client.query(`CREATE DATABASE ${databaseName(agency)}`);
    }
  });
}

/** Starts `replicas` processes per agency and one gateway listing them all; each child joins `started` as it is spawned. */
async function startFleet(replicas: number, dataDir: string, signingKey: string, started: Set<ChildProcess>): Promise<Fleet> {
  const bases = (agency: AgencyName) => REPLICA_PORTS[agency].slice(0, replicas).map((port) => `http://127.0.0.1:${port}`);
  const list = (agency: AgencyName) => bases(agency).join(",");
  const common: NodeJS.ProcessEnv = {
    NODE_ENV: "test", // production refuses the demo data
    LOG_LEVEL: "warn",
    DATA_DIR: dataDir,
    DEMO_FAMILIES: String(familiesFor(CITIZENS)),
    DEMO_ANCHOR_DATE: riyadhToday(),
    CIVIL_AFFAIRS_URL: list("civil-affairs"),
  };
  const launch = async (name: string, entry: string, port: number, env: NodeJS.ProcessEnv) => {
    const child = launchService({ name, entry, port, env: { ...env, PORT: String(port) } }, { env: common, output: "inherit" });
    started.add(child);
    await waitReady(`http://127.0.0.1:${port}/ready`, child, 90_000);
    return child;
  };
  // One replica per subscribing agency receives the events: the replicas of an agency share its database.
  const subscribers = AGENCIES.filter((agency) => agency.subscribesTo.length > 0).map((agency) => `${bases(agency.name)[0]}/events`);
  const agencyEnv = (agency: AgencyName): NodeJS.ProcessEnv => (agency === "civil-affairs" ? { JWT_PRIVATE_KEY: signingKey, OUTBOX_SUBSCRIBERS: subscribers.join(",") } : {});
  const startAgency = (agency: AgencyName) =>
    Promise.all(bases(agency).map((base, i) => launch(`${agency}-${i + 1}`, `subgraphs/${agency}/src/main.ts`, Number(new URL(base).port), { ...agencyEnv(agency), DATABASE_URL: databaseUrl(agency) })));
  // In the registry's start order: civil-affairs first, the others fetch the token-signing keys from it.
  const agencies = {} as Record<AgencyName, ChildProcess[]>;
  for (const order of [...new Set(AGENCIES.map((agency) => agency.startOrder))].sort((x, y) => x - y)) {
    const group = AGENCIES.filter((agency) => agency.startOrder === order);
    const children = await Promise.all(group.map((agency) => startAgency(agency.name)));
    group.forEach((agency, i) => (agencies[agency.name] = children[i]!));
  }
  const gateway = await launch("gateway", "gateway/src/main.ts", GATEWAY_PORT, {
    ...Object.fromEntries(AGENCIES.map((agency) => [agency.urlSetting, list(agency.name)])),
    // As in the main bench: the per-client limits stay on but cannot refuse the one benchmark client.
    RATE_LIMIT_POINTS: "1000000000",
    COST_BUDGET_PER_MINUTE: "0",
    MAX_QUERY_COST: "20000",
  });
  return { gateway, agencies };
}

/** The family workload's data: the synthetic families, an officer who may read all of a family. */
async function familyWorkload(signingKey: string): Promise<WorkloadData> {
  const mint = await tokenMinter(signingKey);
  const families = await admin((client) => client.query(`SELECT register_number FROM family WHERE register_number LIKE '31%'`), databaseUrl("civil-affairs"));
  const officerToken = await mint("1000000909", ["CIVIL_AFFAIRS_OFFICER", "LABOR_OFFICER"]);
  return { language: "en", registerNumbers: families.rows.map((row) => row.register_number as string), officerToken, laborOfficerToken: officerToken, applicants: [], applicantTokens: [] };
}

async function measureFleet(fleet: Fleet, data: WorkloadData, seconds: number, connections: number): Promise<Figures> {
  const agencyPids = Object.fromEntries(AGENCY_NAMES.map((agency) => [agency, fleet.agencies[agency].map((child) => child.pid!)])) as Record<AgencyName, number[]>;
  const groups = (pids: Partial<Record<Group, number[]>>) => Object.fromEntries(Object.entries(pids).map(([group, list]) => [group, () => list]));
  await measure("a", "family", data, groups({ gateway: [fleet.gateway.pid!], ...agencyPids }), WARMUP_SECONDS, connections);
  // Taken after the warm-up, when the agencies' pools hold their connections. Only these databases'
  // backends: the machine's PostgreSQL may be serving other work meanwhile.
  const backends = await admin((client) => client.query(`SELECT pid FROM pg_stat_activity WHERE datname = ANY($1)`, [AGENCY_NAMES.map(databaseName)]));
  const pids: Record<Group, number[]> = { gateway: [fleet.gateway.pid!], ...agencyPids, postgres: backends.rows.map((row) => row.pid as number) };
  const perGroup = (value: (group: Group) => number) => Object.fromEntries(GROUPS.map((group) => [group, value(group)])) as Record<Group, number>;
  const run = await measure("a", "family", data, groups(pids), seconds, connections);
  const idleSampler = sampleProcesses(groups(pids));
  await sleep(IDLE_SECONDS * 1000);
  const idle = idleSampler.stop();
  const errors = run.non2xx + run.socketErrors + run.timeouts + run.graphqlErrors;
  if (run.firstError) log(`first error: ${run.firstError.slice(0, 300)}`);
  return {
    rps: run.rps,
    p50: run.p50,
    p99: run.p99,
    errors,
    requests: run.requests,
    cpuMsPerRequest: perGroup((group) => run.cpuMsPerRequest[group]!),
    idleMsPerSecond: perGroup((group) => idle.groups[group]!.cpuMs / IDLE_SECONDS),
    usage: run.usage,
  };
}

const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);
const signed = (n: number, digits: number) => `${n >= 0 ? "+" : "−"}${Math.abs(n).toFixed(digits)}`;
const percent = (before: number, after: number) => `${signed((100 * (after - before)) / before, 0)}%`;
const change = (before: number, after: number, digits: number) => `${signed(after - before, digits)} (${percent(before, after)})`;
const sum = (values: Record<Group, number>) => GROUPS.reduce((total, group) => total + values[group], 0);

function render(command: string, postgres: string, citizens: number, seconds: number, connections: number, a: Figures, b: Figures): string {
  const m = machine();
  const label = (group: Group) => (group === "gateway" ? "gateway" : group === "postgres" ? "PostgreSQL (these databases' backends)" : `${group} (×1 / ×2)`);
  const busy = (figures: Figures) => `${figures.usage.machineBusyPercent.toFixed(0)}% (${f1(figures.usage.loadAverage)})`;
  const cpuRow = (name: string, per: (figures: Figures) => number, idle: (figures: Figures) => number) =>
    `| CPU ms per request: ${name} | ${f2(per(a))} | ${f2(per(b))} | ${change(per(a), per(b), 2)} | ${f1(idle(a))} | ${f1(idle(b))} |`;
  const [gatewayA, gatewayB] = [a.cpuMsPerRequest.gateway, b.cpuMsPerRequest.gateway];
  const [totalA, totalB] = [sum(a.cpuMsPerRequest), sum(b.cpuMsPerRequest)];
  // The idle CPU of all the processes, spread over the requests of a second.
  const fixed = (figures: Figures) => sum(figures.idleMsPerSecond) / figures.rps;
  return [
    "## Two replicas per agency",
    "",
    `Measured ${m.date.slice(0, 16).replace("T", " ")} UTC by \`${command}\` (\`bench/replicas.ts\`). ` +
      `The family query (\`family(registerNumber)\`, a random one of the synthetic families, an officer's token) through one gateway over (a) one replica of each agency, ` +
      `then (b) two, on the same PostgreSQL databases and demo data (${citizens.toLocaleString("en-US")} citizens): in (b) CIVIL_AFFAIRS_URL, LABOR_URL and DELIVERY_URL list both replicas, ` +
      `which the gateway takes in turn with a circuit each (\`gateway/src/resilience/replicaPool.ts\`), and both civil-affairs replicas sign with one key. ` +
      `Every agency replica and the gateway is a process of its own (NODE_ENV=test, LOG_LEVEL=warn); autocannon, ${connections} connections, ${WARMUP_SECONDS} s warm-up then ${seconds} s measured, one run each. ` +
      `CPU per request: user + system time from \`/proc\` over the measured window (until the requests in flight have finished) divided by the requests sent, the replicas of one agency added up; ` +
      `PostgreSQL counts the backends serving these databases, not its background processes. Idle: the same processes' CPU per second over ${IDLE_SECONDS} s without load, after the measured window.`,
    "",
    `Machine: ${m.nproc} cores (${m.cpuModel}), ${m.memoryGiB} GiB, Linux ${m.kernel}, Node ${m.node}, PostgreSQL ${postgres} on 127.0.0.1, shared by the load generator and every process.`,
    "",
    "| | (a) one replica per agency | (b) two replicas per agency | (b) − (a) | (a) idle, ms/s | (b) idle, ms/s |",
    "|---|---:|---:|---:|---:|---:|",
    `| requests/s | ${a.rps.toFixed(0)} | ${b.rps.toFixed(0)} | ${change(a.rps, b.rps, 0)} | | |`,
    `| p50 ms | ${f1(a.p50)} | ${f1(b.p50)} | ${change(a.p50, b.p50, 1)} | | |`,
    `| p99 ms | ${f1(a.p99)} | ${f1(b.p99)} | ${change(a.p99, b.p99, 1)} | | |`,
    `| errors / requests | ${a.errors} / ${a.requests} | ${b.errors} / ${b.requests} | | | |`,
    ...GROUPS.map((group) => cpuRow(label(group), (figures) => figures.cpuMsPerRequest[group], (figures) => figures.idleMsPerSecond[group])),
    cpuRow("total", (figures) => sum(figures.cpuMsPerRequest), (figures) => sum(figures.idleMsPerSecond)),
    `| machine busy (1-min load average) | ${busy(a)} | ${busy(b)} | | | |`,
    "",
    `On one ${m.nproc}-core machine a second replica per agency cannot add throughput, since every process already shares the same cores: (b) answered ${b.rps.toFixed(0)} requests/s against ${a.rps.toFixed(0)}. ` +
      `The balancing itself is the gateway's share: ${f2(gatewayA)} ms of CPU per request over one replica per agency, ${f2(gatewayB)} ms over two (${signed(gatewayB - gatewayA, 2)} ms, ${percent(gatewayA, gatewayB)}). ` +
      `All processes together spent ${f2(totalA)} and ${f2(totalB)} ms per request (${signed(totalB - totalA, 2)} ms); the processes' idle CPU, spread over each second's requests, accounts for ${signed(fixed(b) - fixed(a), 2)} ms of that. ` +
      `These are single runs, and on a shared machine (see the load average) one contender's runs of the main bench varied by up to ±25% (\`bench/notes.md\`): only differences well beyond that mean something.`,
  ].join("\n");
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const seconds = numberOption(argv, "seconds", 30);
  const connections = numberOption(argv, "connections", 8);
  const dataDir = path.join(ROOT, "tmp", "bench-replicas-data");
  const signingKey = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  fs.rmSync(dataDir, { recursive: true, force: true });
  const postgres = (await admin((client) => client.query("SHOW server_version"))).rows[0].server_version as string;
  log(`recreating ${AGENCY_NAMES.map(databaseName).join(", ")}`);
  await dropDatabases(true);

  const children = new Set<ChildProcess>();
  const stop = async () => {
    await Promise.all([...children].map(stopChild));
    children.clear();
  };
  cleanups.add(stop);
  const figures: Figures[] = [];
  let citizens = 0;
  try {
    let data: WorkloadData | undefined;
    for (const replicas of [1, 2]) {
      log(`starting ${replicas} replica(s) per agency and one gateway`);
      const fleet = await startFleet(replicas, dataDir, signingKey, children);
      if (!data) {
        // The first start has seeded the demo data.
        data = await familyWorkload(signingKey);
        citizens = (await admin((client) => client.query("SELECT count(*)::int AS n FROM citizen"), databaseUrl("civil-affairs"))).rows[0].n;
      }
      log(`warming up ${WARMUP_SECONDS} s, then measuring ${seconds} s at ${connections} connections`);
      const measured = await measureFleet(fleet, data, seconds, connections);
      figures.push(measured);
      log(`${replicas} per agency: ${measured.rps.toFixed(0)} rps p50 ${measured.p50} ms p99 ${measured.p99} ms errors ${measured.errors}; CPU ms/request ${GROUPS.map((g) => `${g} ${f2(measured.cpuMsPerRequest[g])}`).join(", ")}; idle ms/s ${f1(sum(measured.idleMsPerSecond))}`);
      await stop();
    }
  } finally {
    cleanups.delete(stop);
    await stop();
    await dropDatabases(false);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const command = ["node -r @swc-node/register bench/replicas.ts", ...argv].join(" ");
  writeSection("replicas", render(command, postgres, citizens, seconds, connections, figures[0]!, figures[1]!));
  log("wrote the replicas section of docs/benchmarks.md");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
