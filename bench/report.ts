/** Renders bench results as docs/benchmarks.md. */
import fs from "node:fs";
import path from "node:path";
import { AGENCY_NAMES } from "../subgraphs/agencies";
import type { Usage } from "./procStats";
import type { SubgraphCounts } from "./subgraphMetrics";

export interface RunResult {
  contender: string;
  workload: string;
  size: number;
  round: number;
  seconds: number;
  /** Responses received. */
  requests: number;
  /** Requests sent, those still in flight when the load stopped included: what the per-request figures divide by. */
  sent: number;
  rps: number;
  cyclesPerSecond?: number;
  p50: number;
  p90: number;
  p99: number;
  non2xx: number;
  socketErrors: number;
  timeouts: number;
  graphqlErrors: number;
  firstError?: string;
  /** CPU milliseconds (user + system) per request sent, by group: "gateway" (the contender), each agency, "postgres", "mocks", "loadgen". */
  cpuMsPerRequest: Record<string, number>;
  /** The whole cost of a request: the groups that serve it (SERVING). */
  cpuMsPerRequestAll: number;
  /** SQL statements and fetches served per request, by subgraph, from their /metrics; none for (d) and over the mocks. */
  subgraphs?: Record<string, SubgraphCounts>;
  usage: Usage;
}

export type Measurement = Omit<RunResult, "size" | "round">;

export interface SizeResult {
  citizensTarget: number;
  families: number;
  citizens: number;
  seedSeconds: number;
  runs: RunResult[];
}

export interface BenchResults {
  machine: { date: string; nproc: number; memoryGiB: number; cpuModel: string; node: string; kernel: string; postgres: string };
  options: Record<string, unknown>;
  sizes: SizeResult[];
  /** Workload `gateway`: the gateways alone over mock subgraphs. */
  gatewayTier?: { runs: RunResult[] };
  totalSeconds?: number;
}

const LABELS: Record<string, string> = { a: "(a) ours", b: "(b) stock @apollo/gateway", c: "(c) Hive Gateway", d: "(d) monolith" };
const WORKLOAD_TITLES: Record<string, string> = {
  family: "Unified family query (one random family, civil-affairs officer)",
  list50: "50 families for review with eligibility and card delivery (labor officer)",
  apply: "Apply-submit path (create → submit → cancel REPLACEMENT_LOST, one applicant per cycle)",
};

/** The processes that serve a request: the contender, the agencies' subgraphs and PostgreSQL (not the load generator, not mock subgraphs). */
const SERVING = ["gateway", ...AGENCY_NAMES, "postgres"];
export const allCpu = (cpuMsPerRequest: Record<string, number>) => SERVING.reduce((sum, group) => sum + (cpuMsPerRequest[group] ?? 0), 0);

export interface Aggregate {
  rps: number;
  cyclesPerSecond?: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
  /** CPU ms per request by group (only the groups measured). */
  cpu: Record<string, number>;
  cpuAll: number;
  /** apply: CPU ms (all) per create → submit → cancel cycle. */
  cpuAllPerCycle?: number;
  subgraphs?: Record<string, SubgraphCounts>;
  statements?: number;
  gatewayRss: number;
  machineBusy: number;
  loadAverage: number;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const mean = (values: number[]) => sum(values) / Math.max(1, values.length);

/** Rounds of one contender and workload at one size: throughput and per-request figures over all rounds, latencies averaged. */
export function aggregate(runs: RunResult[]): Aggregate | null {
  if (runs.length === 0) return null;
  const seconds = sum(runs.map((r) => r.seconds));
  const requests = sum(runs.map((r) => r.requests));
  const sent = sum(runs.map((r) => r.sent));
  const perRequest = (value: (r: RunResult) => number) => sum(runs.map((r) => value(r) * r.sent)) / sent;
  const cycles = runs.every((r) => r.cyclesPerSecond !== undefined) ? sum(runs.map((r) => r.cyclesPerSecond! * r.seconds)) : undefined;
  const cpuAll = perRequest((r) => r.cpuMsPerRequestAll);
  const counted = runs.every((r) => r.subgraphs) ? Object.keys(runs[0]!.subgraphs!) : undefined;
  const subgraphs =
    counted &&
    Object.fromEntries(counted.map((name) => [name, { statements: perRequest((r) => r.subgraphs![name]!.statements), fetches: perRequest((r) => r.subgraphs![name]!.fetches) }]));
  return {
    rps: requests / seconds,
    cyclesPerSecond: cycles === undefined ? undefined : cycles / seconds,
    p50: mean(runs.map((r) => r.p50)),
    p99: mean(runs.map((r) => r.p99)),
    errors: sum(runs.map((r) => r.non2xx + r.socketErrors + r.timeouts + r.graphqlErrors)),
    requests,
    cpu: Object.fromEntries(Object.keys(runs[0]!.cpuMsPerRequest).map((group) => [group, perRequest((r) => r.cpuMsPerRequest[group] ?? 0)])),
    cpuAll,
    cpuAllPerCycle: cycles ? (cpuAll * sent) / cycles : undefined,
    subgraphs,
    statements: subgraphs && sum(Object.values(subgraphs).map((counts) => counts.statements)),
    gatewayRss: Math.max(...runs.map((r) => r.usage.groups.gateway?.peakRssMiB ?? 0)),
    machineBusy: mean(runs.map((r) => r.usage.machineBusyPercent)),
    loadAverage: mean(runs.map((r) => r.usage.loadAverage ?? 0)),
  };
}

const f0 = (n: number) => n.toFixed(0);
const f1 = (n: number | undefined) => (n === undefined ? "–" : n.toFixed(1));
const f2 = (n: number | undefined) => (n === undefined ? "–" : n.toFixed(2));
const ratio = (a: number, b: number | undefined) => (b ? `${(a / b).toFixed(2)}×` : "–");
const big = (n: number) => n.toLocaleString("en-US");
const stamp = (results: BenchResults) => results.machine.date.slice(0, 16).replace("T", " ");
const busy = (a: Aggregate) => `${f0(a.machineBusy)}% (${f1(a.loadAverage)})`;

/** Aggregates of every contender for one workload, by contender key. */
function byContender(runs: RunResult[], workload: string): Record<string, Aggregate | null> {
  return Object.fromEntries(Object.keys(LABELS).map((k) => [k, aggregate(runs.filter((r) => r.workload === workload && r.contender === k))]));
}

function workloadTable(runs: RunResult[], workload: string): string[] {
  const aggs = byContender(runs, workload);
  const apply = workload === "apply";
  const lines = [
    `| contender | RPS${apply ? " (cycles/s)" : ""} | p50 ms | p99 ms | errors / requests | CPU ms/req: gateway | ${AGENCY_NAMES.join(" | ")} | PostgreSQL | **all**${apply ? " (per cycle)" : ""} | SQL / req | machine busy (load avg) | RPS vs (b) | p50 vs (d) |`,
    `|---|---|---|---|---|---|${AGENCY_NAMES.map(() => "---|").join("")}---|---|---|---|---|---|`,
  ];
  for (const [k, a] of Object.entries(aggs)) {
    if (!a) continue;
    lines.push(
      `| ${LABELS[k]} | ${f0(a.rps)}${a.cyclesPerSecond !== undefined ? ` (${f1(a.cyclesPerSecond)})` : ""} | ${f1(a.p50)} | ${f1(a.p99)} | ${a.errors} / ${big(a.requests)} | ` +
        `${[...SERVING.map((group) => f2(a.cpu[group])), `**${f2(a.cpuAll)}**${a.cpuAllPerCycle !== undefined ? ` (${f1(a.cpuAllPerCycle)})` : ""}`].join(" | ")} | ` +
        `${f1(a.statements)} | ${busy(a)} | ${ratio(a.rps, aggs.b?.rps)} | ${ratio(a.p50, aggs.d?.p50)} |`,
    );
  }
  return [...lines, ""];
}

function statementTable(runs: RunResult[], workloads: string[]): string[] {
  const lines = [`| workload | contender | ${AGENCY_NAMES.join(" | ")} | total | fetches |`, `|---|---|${AGENCY_NAMES.map(() => "---|").join("")}---|---|`];
  for (const w of workloads) {
    for (const [k, a] of Object.entries(byContender(runs, w))) {
      if (!a?.subgraphs) continue;
      const counts = AGENCY_NAMES.map((name) => a.subgraphs![name]!);
      lines.push(`| ${w} | ${LABELS[k]} | ${counts.map((c) => f1(c.statements)).join(" | ")} | ${f1(a.statements)} | ${f1(sum(counts.map((c) => c.fetches)))} |`);
    }
  }
  return [...lines, ""];
}

function gatewayTierTable(runs: RunResult[]): string[] {
  const aggs = byContender(runs, "gateway");
  const lines = [
    "| contender | RPS | p50 ms | p99 ms | errors / requests | gateway CPU ms/req | mock subgraphs CPU ms/req | load generator CPU ms/req | gateway peak RSS MiB | machine busy (load avg) | RPS vs (b) | RPS vs (c) |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const [k, a] of Object.entries(aggs)) {
    if (!a) continue;
    lines.push(
      `| ${LABELS[k]} | ${f0(a.rps)} | ${f1(a.p50)} | ${f1(a.p99)} | ${a.errors} / ${big(a.requests)} | ${f2(a.cpu.gateway)} | ${f2(a.cpu.mocks)} | ${f2(a.cpu.loadgen)} | ` +
        `${f0(a.gatewayRss)} | ${busy(a)} | ${ratio(a.rps, aggs.b?.rps)} | ${ratio(a.rps, aggs.c?.rps)} |`,
    );
  }
  return [...lines, ""];
}

export function renderReport(results: BenchResults, baseline: BenchResults | undefined, jsonFile: string, after?: BenchResults): string {
  const m = results.machine;
  const o = results.options;
  const lines: string[] = [];
  lines.push("# Benchmarks", "");
  lines.push(
    `Measured ${stamp(results)} UTC by \`npm run bench\` (raw figures: \`${jsonFile}\`; the whole run took ${f1((results.totalSeconds ?? 0) / 60)} min).`,
    "",
    `Machine: ${m.nproc} cores (${m.cpuModel}), ${m.memoryGiB} GiB, Linux ${m.kernel}, Node ${m.node}, PostgreSQL ${m.postgres} on 127.0.0.1. ` +
      `Everything (load generator, 4 gateway contenders, 3 subgraphs, PostgreSQL) shares these ${m.nproc} cores, loopback only; every process with NODE_ENV=production.`,
    "",
    `Settings: autocannon, ${o.connections} connections, every answer asked in ${o.language === "ar" ? "Arabic" : "English"} (\`--language\`); each contender under load for ${o.warmup} s (split over its workloads) before it is measured, then ` +
      `${o.rounds} rounds × ${o.duration} s per contender and workload, contenders alternated (order rotated and reversed every other round). ` +
      `RPS and per-request figures are over all rounds; p50/p99 are the rounds' mean. CPU ms/req: milliseconds of CPU (user + system) per request; ` +
      `**all** = the contender + the three subgraphs + PostgreSQL (for (d): the monolith + PostgreSQL).`,
    "",
  );
  lines.push(METHOD, "");
  if (results.sizes.length > 0) {
    lines.push("## Seeding", "", "| citizens (target) | families | citizens | seconds | citizens/s |", "|---|---|---|---|---|");
    for (const s of results.sizes) lines.push(`| ${big(s.citizensTarget)} | ${big(s.families)} | ${big(s.citizens)} | ${f1(s.seedSeconds)} | ${big(Math.round(s.citizens / s.seedSeconds))} |`);
    lines.push("");
  }

  for (const s of results.sizes) {
    lines.push(`## ${big(s.citizens)} citizens (${big(s.families)} synthetic families)`, "");
    const workloads = [...new Set(s.runs.map((r) => r.workload))];
    for (const w of workloads) lines.push(`### ${WORKLOAD_TITLES[w] ?? w}`, "", ...workloadTable(s.runs, w));
    lines.push(
      "SQL statements and subgraph fetches per request, from each subgraph's own `/metrics` before and after every run ((d) runs the statements in its own process and is not counted):",
      "",
      ...statementTable(s.runs, workloads),
    );
  }

  if (results.gatewayTier) {
    lines.push(
      "## Gateway tier alone: the unified family query over mock subgraphs that answer at once",
      "",
      "(a) with all its security features on; the subgraphs are `bench/mockSubgraphs.ts` (canned answers, no database), the same for every contender.",
      "",
      ...gatewayTierTable(results.gatewayTier.runs),
    );
  }

  if (results.sizes.length > 1) {
    lines.push("## p99 (ms), CPU and SQL statements per request by population", "");
    const workloads = [...new Set(results.sizes.flatMap((s) => s.runs.map((r) => r.workload)))];
    lines.push(`| workload | contender | ${results.sizes.map((s) => `${big(s.citizens)} citizens`).join(" | ")} | last / first |`, `|---|---|${results.sizes.map(() => "---|").join("")}---|`);
    const row = (w: string, label: string, values: Array<number | undefined>) =>
      lines.push(`| ${w} | ${label} | ${values.map(f1).join(" | ")} | ${values[0] !== undefined ? ratio(values.at(-1) ?? 0, values[0]) : ""} |`);
    for (const w of workloads) {
      const aggs = results.sizes.map((s) => byContender(s.runs, w));
      for (const k of Object.keys(LABELS)) {
        if (aggs.every((a) => !a[k])) continue;
        row(w, `${LABELS[k]} p99`, aggs.map((a) => a[k]?.p99));
      }
      row(w, "(a) CPU ms / request, all", aggs.map((a) => a.a?.cpuAll));
      row(w, "(a) SQL statements / request", aggs.map((a) => a.a?.statements));
    }
    lines.push("");
  }

  // Before/after for ours: either this run against an earlier baseline, or this run against a later one.
  if (after) {
    baseline = results;
    results = after;
  }
  if (baseline) {
    lines.push(`## Ours before / after (before: run of ${stamp(baseline)} UTC, after: ${stamp(results)} UTC)`, "");
    lines.push(
      "| citizens | workload | RPS before | RPS after | p50 before | p50 after | p99 before | p99 after | CPU ms/req (all) before | after | SQL / req before | after |",
      "|---|---|---|---|---|---|---|---|---|---|---|---|",
    );
    const compare = (population: string, w: string, beforeRuns: RunResult[], afterRuns: RunResult[]) => {
      const before = aggregate(beforeRuns.filter((r) => r.workload === w && r.contender === "a"));
      const now = aggregate(afterRuns.filter((r) => r.workload === w && r.contender === "a"));
      if (!before || !now) return;
      lines.push(
        `| ${population} | ${w} | ${f0(before.rps)} | ${f0(now.rps)} | ${f1(before.p50)} | ${f1(now.p50)} | ${f1(before.p99)} | ${f1(now.p99)} | ` +
          `${f2(before.cpuAll)} | ${f2(now.cpuAll)} | ${f1(before.statements)} | ${f1(now.statements)} |`,
      );
    };
    for (const s of results.sizes) {
      const b = baseline.sizes.find((x) => x.citizensTarget === s.citizensTarget);
      for (const w of [...new Set(s.runs.map((r) => r.workload))]) if (b) compare(big(s.citizens), w, b.runs, s.runs);
    }
    if (results.gatewayTier && baseline.gatewayTier) compare("(mock subgraphs)", "gateway", baseline.gatewayTier.runs, results.gatewayTier.runs);
    lines.push("");
  }
  // Hand-written reading of the figures, kept next to the harness so that a re-render keeps it.
  const notes = path.resolve(__dirname, "notes.md");
  if (fs.existsSync(notes)) lines.push(fs.readFileSync(notes, "utf8"));
  return lines.join("\n");
}

const METHOD = `## How it is measured

- **As production runs**: every service and contender runs with \`NODE_ENV=production\`: graphql-js without its
  development checks, Apollo Server's production defaults (no landing page, no field suggestions; no introspection at
  our gateway), no per-request statement counting in the subgraphs (the \`x-sql-statements\` header is for tests and
  development). The bench generates what production refuses to start without: the token-signing key
  (\`JWT_PRIVATE_KEY\`), \`EVENTS_HMAC_SECRET\`, \`CARRIER_WEBHOOK_SECRET\`, the gateway's credential to the subgraphs
  (\`GATEWAY_CREDENTIAL\` / \`GATEWAY_CREDENTIALS\`) and \`METRICS_TOKEN\`; \`LOG_LEVEL=warn\`.
- **Data**: for each size (the default run: 1,000 citizens; \`--sizes 1000,100000,1000000\` adds the larger ones), the
  databases \`bench_civil_affairs\`, \`bench_labor\`, \`bench_delivery\` are dropped and recreated, migrated, and seeded
  by \`scripts/seed.ts\` (the same code as \`npm run seed -- --families N\`): synthetic families from
  \`seed/demoCast.ts\`, 2,000 families per transaction, multi-row INSERTs through each subgraph's own demo-data seeder,
  then \`ANALYZE\`. No accounts (tokens are minted with the run's signing key) and no named demo cast (production
  refuses \`DEMO_DATA\`).
- **Services**: the three subgraphs start once per size (\`scripts/stack.ts\`, PostgreSQL per subgraph), with the four
  contenders, each one Node process: **(a)** \`gateway/src/main.ts\` as shipped (its per-client rate limit and cost
  budget stay on but are raised to 10⁹ operations and 10¹² cost per minute, since a load generator is one client);
  **(b)** \`bench/contenders/apolloStock.ts\`: plain \`ApolloGateway\` + \`startStandaloneServer\`, static supergraph
  with the URLs replaced, a \`RemoteGraphQLDataSource\` that forwards Authorization, Accept-Language and
  x-access-purpose; **(c)** \`bench/contenders/hive.ts\`: \`createGatewayRuntime\` from @graphql-hive/gateway-runtime
  (what @graphql-hive/gateway 2.15.1 serves) on \`node:http\`, headers propagated the same way; **(d)**
  \`bench/contenders/monolith.ts\`: one process that builds the three subgraph schemas from the same definitions (same
  type-graphql resolvers, same databases, own connection pools) and an in-process \`ApolloGateway\` whose data sources
  run each fetch with graphql \`execute()\` against the subgraph schema: same query plan, no HTTP hops, token verified
  once, no per-request HTTP layer of the subgraphs (token re-verification and revocation check, the data-access audit
  INSERT, metrics). (b), (c), (d) get the supergraph with its \`@link(… for: SECURITY)\` made plain (stock gateways
  refuse it otherwise); the subgraphs authorize every field either way; every contender sends the gateway credential.
- **Load**: autocannon (programmatic) in the bench process; every request picks a random family. An officer with
  CIVIL_AFFAIRS_OFFICER + LABOR_OFFICER for \`family(registerNumber)\` and \`familiesForReview\` (50 random register
  numbers); \`x-access-purpose\` is always sent. **apply** = one cycle per applicant: \`createCardApplication\`
  (REPLACEMENT_LOST, lossDeclaration, OFFICE_PICKUP at RUH-01) → \`submitCardApplication\` → \`cancelCardApplication\`,
  heads with an active card taken from a pool (2 per connection) and given back after the cycle; applications left
  open when a run stops are cancelled in SQL before the next run. RPS counts each of the three requests.
- **Warm-up and rounds**: each contender is under load for \`--warmup\` seconds (default 60) before it is measured,
  split evenly over the workloads (20 s each of family, list50, apply), because JIT compilation takes a fifth of a
  process's CPU in its first minute; the subgraphs and PostgreSQL, shared by all contenders, are under load from the
  first warm-up on. Then \`--rounds\` (3) rounds of \`--duration\` (10 s) per contender and workload, the contenders'
  order rotated every round and reversed every other one, so that drift reaches every contender. The default run
  takes ≈ 17 minutes on the 2-core machine: 7.4 min of warm-up (60 s × 4 contenders, 60 s × 3 over the mocks), 8.8 min
  measured (45 runs of 10 s + 1.5 s), under a minute seeding, starting and stopping; each more size adds ≈ 12 min
  and its seeding (≈ 9 min for 1M citizens), so the larger sizes are left to \`--sizes\`.
- **CPU per request**: user + system time from \`/proc/<pid>/stat\` over each measured run, for each process apart:
  the contender (for (d), the monolith), each subgraph, PostgreSQL (every server process: postmaster, background
  writers, the bench databases' backends, those a pool opens during the run included; backends of other databases
  are left out, told by their process titles, since the server may be shared) and the load generator. The window
  stays open 1.5 s after the load stops, until the requests still in flight have finished, and is divided by every
  request sent. **all** = contender + subgraphs + PostgreSQL; background work (civil-affairs' outbox polls and
  revocation refreshes, timers) counts where it falls. Peak VmRSS sampled every 250 ms; machine busy % from
  \`/proc/stat\`, and the 1-minute load average, show what else the machine was doing.
- **SQL statements per request**: each subgraph's own \`/metrics\` (with \`METRICS_TOKEN\`) is read before and after
  every measured run (after the same 1.5 s): \`db_queries_total\` (every statement its TypeORM DataSource sends, in
  any NODE_ENV; \`kernel/observability/databaseMetrics.ts\`) and \`graphql_requests_total\` (the fetches it served),
  the differences divided by the requests sent. Statements of background jobs are included: civil-affairs runs about
  2 a second when idle (0.05 per request at 40 requests/s). (d) runs the statements in its own process: not counted.
- **Gateway tier alone** (workload \`gateway\`): (a), (b), (c) are started again over \`bench/mockSubgraphs.ts\`, one
  process that serves the three agencies' URLs and answers every fetch at once from canned data (made once per
  distinct operation and shape of its variables, by executing it against \`schema/<agency>.graphql\` with fixed values;
  no database), and the family query is sent to each after its own warm-up. (a) runs with all its security features
  on: token verification with the key and revocation list the mock civil-affairs publishes, document, depth and cost
  limits, rate limit and cost budget, the gateway credential, metrics, per-fetch timeout, retry and breaker. CPU per
  request of the gateway, the mocks and the load generator.
- **Profiles** (not part of the figures): \`npm run bench -- --cpu-prof …\` starts every service and contender with
  \`node --cpu-prof\` (Node 20 refuses \`--cpu-prof\` in \`NODE_OPTIONS\`: it must be on the node command line, which
  the bench writes), and each process writes \`tmp/profiles/<stamp>/<size or gateway-tier>/<process>.cpuprofile\` when
  the bench stops it. A profile covers the process's whole life, its start included, so measure long enough for the
  steady state to dominate, e.g. \`npm run bench -- --cpu-prof --no-doc --workloads family --contenders a --connections 1
  --warmup 60 --rounds 1 --duration 120\`. Then \`npm run bench:profile-summary -- <file.cpuprofile> [--top 25]\` prints
  self time by function, by file and by package. \`--hold\` starts everything and waits (tokens, process ids, ports and
  the metrics token in \`tmp/bench-data/tokens.json\`) for load or \`perf record -p <pid>\` by hand; with
  \`--cpu-prof\`, the profiles are written when it is stopped (Ctrl-C).
`;
