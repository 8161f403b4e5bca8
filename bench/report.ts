/** Renders bench results as docs/benchmarks.md. */
import fs from "node:fs";
import path from "node:path";
import type { Tally } from "./sqlCount";
import type { Usage } from "./procStats";

export interface RunResult {
  contender: string;
  workload: string;
  size: number;
  round: number;
  seconds: number;
  requests: number;
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
  usage: Usage;
}

export interface SizeResult {
  citizensTarget: number;
  families: number;
  citizens: number;
  seedSeconds: number;
  statements: Record<string, Tally[]>;
  runs: RunResult[];
}

export interface BenchResults {
  machine: { date: string; nproc: number; memoryGiB: number; cpuModel: string; node: string; kernel: string; postgres: string };
  options: Record<string, unknown>;
  sizes: SizeResult[];
  totalSeconds?: number;
}

const LABELS: Record<string, string> = { a: "(a) ours", b: "(b) stock @apollo/gateway", c: "(c) Hive Gateway", d: "(d) monolith" };
const WORKLOAD_TITLES: Record<string, string> = {
  family: "Unified family query (one random family, civil-affairs officer)",
  list50: "50 families for review with eligibility and card delivery (labor officer)",
  apply: "Apply-submit path (create → submit → cancel REPLACEMENT_LOST, one applicant per cycle)",
};

export interface Aggregate {
  rps: number;
  cyclesPerSecond?: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
  gatewayCpu: number;
  gatewayRss: number;
  subgraphCpu: number;
  subgraphRss: number;
  postgresCpu: number;
  loadgenCpu: number;
  machineBusy: number;
  loadAverage: number;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

/** Rounds of one contender and workload at one size: throughput over all rounds, latencies averaged. */
export function aggregate(runs: RunResult[]): Aggregate | null {
  if (runs.length === 0) return null;
  const seconds = runs.reduce((sum, r) => sum + r.seconds, 0);
  const cycles = runs.every((r) => r.cyclesPerSecond !== undefined) ? runs.reduce((sum, r) => sum + (r.cyclesPerSecond ?? 0) * r.seconds, 0) / seconds : undefined;
  return {
    rps: runs.reduce((sum, r) => sum + r.requests, 0) / seconds,
    cyclesPerSecond: cycles,
    p50: mean(runs.map((r) => r.p50)),
    p99: mean(runs.map((r) => r.p99)),
    errors: runs.reduce((sum, r) => sum + r.non2xx + r.socketErrors + r.timeouts + r.graphqlErrors, 0),
    requests: runs.reduce((sum, r) => sum + r.requests, 0),
    gatewayCpu: mean(runs.map((r) => r.usage.groups.gateway?.cpuPercent ?? 0)),
    gatewayRss: Math.max(...runs.map((r) => r.usage.groups.gateway?.peakRssMiB ?? 0)),
    subgraphCpu: mean(runs.map((r) => r.usage.groups.subgraphs?.cpuPercent ?? 0)),
    subgraphRss: Math.max(...runs.map((r) => r.usage.groups.subgraphs?.peakRssMiB ?? 0)),
    postgresCpu: mean(runs.map((r) => r.usage.groups.postgres?.cpuPercent ?? 0)),
    loadgenCpu: mean(runs.map((r) => r.usage.groups.loadgen?.cpuPercent ?? 0)),
    machineBusy: mean(runs.map((r) => r.usage.machineBusyPercent)),
    loadAverage: mean(runs.map((r) => r.usage.loadAverage ?? 0)),
  };
}

const f0 = (n: number) => n.toFixed(0);
const f1 = (n: number) => n.toFixed(1);
const ratio = (a: number, b: number | undefined) => (b ? `${(a / b).toFixed(2)}×` : "–");
const big = (n: number) => n.toLocaleString("en-US");

function tallyMean(tallies: Tally[]): { perSubgraph: Record<string, number>; fetches: Record<string, number>; total: number } {
  const perSubgraph: Record<string, number> = {};
  const fetches: Record<string, number> = {};
  for (const t of tallies) {
    for (const [k, v] of Object.entries(t.statements)) perSubgraph[k] = (perSubgraph[k] ?? 0) + v / tallies.length;
    for (const [k, v] of Object.entries(t.fetches)) fetches[k] = (fetches[k] ?? 0) + v / tallies.length;
  }
  return { perSubgraph, fetches, total: Object.values(perSubgraph).reduce((a, b) => a + b, 0) };
}

export function renderReport(results: BenchResults, baseline: BenchResults | undefined, jsonFile: string, after?: BenchResults): string {
  const m = results.machine;
  const o = results.options;
  const lines: string[] = [];
  lines.push("# Benchmarks", "");
  lines.push(
    `Measured ${m.date.slice(0, 16).replace("T", " ")} UTC by \`npm run bench\` (raw figures: \`${jsonFile}\`).`,
    "",
    `Machine: ${m.nproc} cores (${m.cpuModel}), ${m.memoryGiB} GiB, Linux ${m.kernel}, Node ${m.node}, PostgreSQL ${m.postgres} on 127.0.0.1. ` +
      `Everything (load generator, 4 gateway contenders, 3 subgraphs, PostgreSQL) shares these ${m.nproc} cores, loopback only.`,
    "",
    `Settings: autocannon, ${o.connections} connections, ${o.rounds} rounds × ${o.duration} s per contender and workload after a ${o.warmup} s warm-up each, ` +
      `contenders alternated (order rotated and reversed every round). RPS is over all rounds; p50/p99 are the rounds' mean; ` +
      `CPU is % of one core (200% = the whole machine), memory is peak RSS.`,
    "",
  );
  lines.push(METHOD, "");
  lines.push("## Seeding", "", "| citizens (target) | families | citizens | seconds | citizens/s |", "|---|---|---|---|---|");
  for (const s of results.sizes) lines.push(`| ${big(s.citizensTarget)} | ${big(s.families)} | ${big(s.citizens)} | ${f1(s.seedSeconds)} | ${big(Math.round(s.citizens / s.seedSeconds))} |`);
  lines.push("");

  for (const s of results.sizes) {
    lines.push(`## ${big(s.citizens)} citizens (${big(s.families)} synthetic families)`, "");
    const workloads = [...new Set(s.runs.map((r) => r.workload))];
    for (const w of workloads) {
      lines.push(`### ${WORKLOAD_TITLES[w] ?? w}`, "");
      const aggs = Object.fromEntries(Object.keys(LABELS).map((k) => [k, aggregate(s.runs.filter((r) => r.workload === w && r.contender === k))]));
      lines.push(
        `| contender | RPS${w === "apply" ? " (cycles/s)" : ""} | p50 ms | p99 ms | errors / requests | gateway CPU | gateway RSS MiB | subgraphs CPU | PostgreSQL CPU | load generator CPU | machine busy (load avg) | RPS vs (b) | RPS vs (d) | p50 vs (d) |`,
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
      );
      for (const [k, a] of Object.entries(aggs)) {
        if (!a) continue;
        lines.push(
          `| ${LABELS[k]} | ${f0(a.rps)}${a.cyclesPerSecond !== undefined ? ` (${f1(a.cyclesPerSecond)})` : ""} | ${f1(a.p50)} | ${f1(a.p99)} | ${a.errors} / ${big(a.requests)} | ${f0(a.gatewayCpu)}% | ${f0(a.gatewayRss)} | ${f0(a.subgraphCpu)}% | ${f0(a.postgresCpu)}% | ${f0(a.loadgenCpu)}% | ${f0(a.machineBusy)}% (${f1(a.loadAverage)}) | ${ratio(a.rps, aggs.b?.rps)} | ${ratio(a.rps, aggs.d?.rps)} | ${ratio(a.p50, aggs.d?.p50)} |`,
        );
      }
      lines.push("");
    }
    lines.push("SQL statements per request (mean of samples, from the subgraphs' `x-sql-statements`; fetches = subgraph calls in the query plan):", "");
    lines.push("| workload | civil-affairs | labor | delivery | total | fetches |", "|---|---|---|---|---|---|");
    for (const [w, tallies] of Object.entries(s.statements)) {
      const t = tallyMean(tallies);
      const fetches = Object.values(t.fetches).reduce((a, b) => a + b, 0);
      lines.push(`| ${w} | ${f1(t.perSubgraph["civil-affairs"] ?? 0)} | ${f1(t.perSubgraph.labor ?? 0)} | ${f1(t.perSubgraph.delivery ?? 0)} | ${f1(t.total)} | ${f1(fetches)} |`);
    }
    lines.push("");
  }

  if (results.sizes.length > 1) {
    lines.push("## p99 (ms) and SQL statements per request by population", "");
    const workloads = [...new Set(results.sizes.flatMap((s) => s.runs.map((r) => r.workload)))];
    lines.push(`| workload | contender | ${results.sizes.map((s) => `${big(s.citizens)} citizens`).join(" | ")} | last / first |`, `|---|---|${results.sizes.map(() => "---|").join("")}---|`);
    for (const w of workloads) {
      for (const k of Object.keys(LABELS)) {
        const p99s = results.sizes.map((s) => aggregate(s.runs.filter((r) => r.workload === w && r.contender === k))?.p99);
        if (p99s.every((p) => p === undefined)) continue;
        lines.push(`| ${w} | ${LABELS[k]} | ${p99s.map((p) => (p === undefined ? "–" : f1(p))).join(" | ")} | ${ratio(p99s.at(-1) ?? 0, p99s[0])} |`);
      }
      const sql = results.sizes.map((s) => (s.statements[w] ? f1(tallyMean(s.statements[w]!).total) : "–"));
      lines.push(`| ${w} | SQL statements / request | ${sql.join(" | ")} | |`);
    }
    lines.push("");
  }

  // Before/after for ours: either this run against an earlier baseline, or this run against a later one.
  if (after) {
    baseline = results;
    results = after;
  }
  if (baseline) {
    lines.push(`## Ours before / after (before: run of ${baseline.machine.date.slice(0, 16).replace("T", " ")} UTC, after: ${results.machine.date.slice(0, 16).replace("T", " ")} UTC)`, "");
    lines.push("| citizens | workload | RPS before | RPS after | p50 before | p50 after | p99 before | p99 after | CPU before | CPU after |", "|---|---|---|---|---|---|---|---|---|---|");
    for (const s of results.sizes) {
      const b = baseline.sizes.find((x) => x.citizensTarget === s.citizensTarget);
      if (!b) continue;
      for (const w of [...new Set(s.runs.map((r) => r.workload))]) {
        const before = aggregate(b.runs.filter((r) => r.workload === w && r.contender === "a"));
        const after = aggregate(s.runs.filter((r) => r.workload === w && r.contender === "a"));
        if (!before || !after) continue;
        lines.push(`| ${big(s.citizens)} | ${w} | ${f0(before.rps)} | ${f0(after.rps)} | ${f1(before.p50)} | ${f1(after.p50)} | ${f1(before.p99)} | ${f1(after.p99)} | ${f0(before.gatewayCpu)}% | ${f0(after.gatewayCpu)}% |`);
      }
    }
    lines.push("");
  }
  // Hand-written reading of the figures, kept next to the harness so that a re-render keeps it.
  const notes = path.resolve(__dirname, "notes.md");
  if (fs.existsSync(notes)) lines.push(fs.readFileSync(notes, "utf8"));
  return lines.join("\n");
}

const METHOD = `## How it is measured

- **Data**: for each size, the databases \`bench_civil_affairs\`, \`bench_labor\`, \`bench_delivery\` are dropped and
  recreated, migrated, and seeded by \`scripts/seed.ts\` (the same code as \`npm run seed -- --families N\`): synthetic
  families from \`seed/demoCast.ts\`, 2,000 families per transaction, multi-row INSERTs through each subgraph's own
  demo-data seeder; no accounts (tokens are minted). Then the named demo cast is loaded by the services at start
  (\`DEMO_FAMILIES=0\`), and \`ANALYZE\` runs.
- **Services**: the three subgraphs start once per size (\`scripts/stack.ts\`, PostgreSQL per subgraph), with the four
  contenders, each one Node process: **(a)** \`gateway/src/main.ts\` as shipped (its per-client rate limit is left on but
  raised to 10⁹/min, its per-client cost budget is off (a load generator is one client), and \`MAX_QUERY_COST\` raised from 5,000 to 20,000 because the shipped limit refuses the 50-family
  review query, cost 8,500); **(b)** \`bench/contenders/apolloStock.ts\`: plain \`ApolloGateway\` + \`startStandaloneServer\`,
  static supergraph with the URLs replaced, a \`RemoteGraphQLDataSource\` that forwards Authorization, Accept-Language and
  x-access-purpose; **(c)** \`bench/contenders/hive.ts\`: \`createGatewayRuntime\` from @graphql-hive/gateway-runtime 2.12.1
  (what @graphql-hive/gateway 2.15.1 serves; it runs on Node 20 here) on \`node:http\`, headers propagated the same way;
  **(d)** \`bench/contenders/monolith.ts\`: one process that builds the three subgraph schemas from the same
  definitions (same type-graphql resolvers, same databases, own connection pools) and an in-process \`ApolloGateway\`
  whose data sources run each fetch with graphql \`execute()\` against the subgraph schema (parsed once per distinct
  fetch): same query plan, no HTTP hops, token verified once. (d) does not run the subgraphs' per-request HTTP layer:
  token re-verification and revocation check in each subgraph, the data-access audit INSERT (kernel/audit), metrics.
  (b), (c), (d) get the supergraph with its \`@link(… for: SECURITY)\` made plain (stock gateways refuse it otherwise);
  the subgraphs authorize every field either way.
- **Load**: autocannon (programmatic) in the bench process; every request picks a random family. Tokens are signed
  with civil-affairs' key (\`DATA_DIR/civil-affairs/keys/signing-key.pem\`): an officer with CIVIL_AFFAIRS_OFFICER +
  LABOR_OFFICER (labor refuses eligibility to a civil-affairs-only officer, delivery refuses card delivery to a
  labor-only officer) for \`family(registerNumber)\` and \`familiesForReview\` (50 random register numbers);
  \`x-access-purpose\` is always sent. **apply** = one cycle per applicant: \`createCardApplication\`
  (REPLACEMENT_LOST, lossDeclaration, OFFICE_PICKUP at RUH-01) → \`submitCardApplication\` → \`cancelCardApplication\`,
  heads with an active card taken from a pool (2 per connection) and given back after the cycle; applications left
  open when a run stops are cancelled in SQL before the next run. RPS counts each of the three requests.
- **Resources**: \`/proc/<pid>/stat\` (utime+stime) over each run for the contender, the three subgraphs together, all
  PostgreSQL processes and the load generator; peak VmRSS sampled every 250 ms; machine busy % from \`/proc/stat\`.
- **SQL statements per request**: 5 requests per workload through an in-process ApolloGateway whose data sources add
  up every subgraph's \`x-sql-statements\` response header.
`;
