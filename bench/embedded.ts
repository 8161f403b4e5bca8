/**
 * `npm run bench:embedded [-- --warmup SECONDS]`: what a citizen's own unified family query costs on
 * the embedded default, the platform as `npm start` runs it (PGlite in each subgraph, development
 * settings, the demo data), in CPU milliseconds per request of each process, from /proc. Requests go
 * one at a time (the per-client limits are off so that they do not refuse the loop), measured twice:
 * the first 300 after the start (while V8 still compiles: what a fresh `npm start` costs in its first
 * seconds), then 2,000 after the processes have served requests for the warm-up (60 s unless told),
 * the steady state a running service stays in. Writes the "embedded" section of docs/benchmarks.md;
 * with --cpu-prof, writes a V8 profile of every process to tmp/profiles/<stamp>/embedded/ instead
 * (profiling slows what it measures).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startStack, type StackPorts } from "../scripts/stack";
import { AGENCIES } from "../subgraphs/agencies";
import { graphql } from "../test/support/http";
import { numberOption } from "./commandLine";
import { cpuMs } from "./procStats";
import { writeSection } from "./reportFile";
import { FAMILY_QUERY } from "./workloads";

const COLD = 300;
const MEASURED = 2000;
const FAHAD = "1000000016";

/** CPU milliseconds per request of each process over a run of requests. */
interface Measured {
  seconds: number;
  perRequest: { name: string; ms: number }[];
  total: number;
}

const summarize = (run: Measured) => `${run.total.toFixed(2)} ms CPU per request (${run.perRequest.map((p) => `${p.name} ${p.ms.toFixed(2)}`).join(", ")})`;

const tableRow = (label: string, run: Measured) => `| ${label} | ${run.perRequest.map((p) => p.ms.toFixed(2)).join(" | ")} | **${run.total.toFixed(2)}** |`;

async function main(): Promise<void> {
  const warmupSeconds = numberOption(process.argv, "warmup", 60);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-embedded-"));
  const ports = { gateway: 4600, ...Object.fromEntries(AGENCIES.map((agency, i) => [agency.name, 4601 + i])) } as StackPorts;
  const profileDir = process.argv.includes("--cpu-prof") ? path.join(__dirname, "..", "tmp", "profiles", new Date().toISOString().replace(/[:.]/g, "-"), "embedded") : undefined;
  const stack = await startStack({
    ports,
    dataDir,
    output: "ignore",
    env: { RATE_LIMIT_POINTS: "0", COST_BUDGET_PER_MINUTE: "0" },
    nodeArgs: (service) => (profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${service}.cpuprofile`] : []),
  });
  try {
    const post = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
      const response = await graphql(stack.gatewayUrl, query, variables, { token, asGateway: false });
      if (response.errors) throw new Error(JSON.stringify(response.errors).slice(0, 300));
      return response.data;
    };
    const token = (await post(`mutation($id: ID!) { login(nationalId: $id, password: "demo-password") { accessToken } }`, { id: FAHAD })).login.accessToken as string;
    const registerNumber = (await post(`{ me { family { registerNumber } } }`, {}, token)).me.family.registerNumber as string;
    const processes = [...stack.processes.entries()].map(([name, child]) => ({ name, pid: child.pid! }));
    const ask = () => post(FAMILY_QUERY, { registerNumber }, token);
    const measure = async (requests: number): Promise<Measured> => {
      const before = processes.map((p) => cpuMs(p.pid));
      const started = Date.now();
      for (let i = 0; i < requests; i++) await ask();
      const seconds = (Date.now() - started) / 1000;
      const perRequest = processes.map((p, i) => ({ name: p.name, ms: (cpuMs(p.pid) - before[i]!) / requests }));
      return { seconds, perRequest, total: perRequest.reduce((sum, p) => sum + p.ms, 0) };
    };
    const cold = await measure(COLD);
    const warmUntil = Date.now() + warmupSeconds * 1000;
    while (Date.now() < warmUntil) await ask();
    const steady = await measure(MEASURED);
    const summary = `steady ${summarize(steady)}; the first ${COLD} after the start ${summarize(cold)}`;
    if (profileDir) {
      // The profiles begin with each process's start-up and end with its stop, a moment after the measured requests.
      const last = Math.ceil(steady.seconds) + 1;
      console.log(`embedded, profiled: ${summary}; profiles in ${profileDir} when the processes have stopped; about the measured requests (and the stop): npm run bench:profile-summary -- ${profileDir}/<service>.cpuprofile --last ${last}`);
      return;
    }
    writeSection(
      "embedded",
      [
        "## The embedded default (`npm start`)",
        "",
        `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC by \`npm run bench:embedded\` (\`bench/embedded.ts\`): the four processes as \`npm start\` runs them (PGlite in each subgraph, NODE_ENV unset, the demo data), Fahad's own unified family query (the bench's family query) one request at a time. CPU is each process's user + system time from /proc divided by the requests measured; each subgraph's PGlite runs inside its process. Steady: ${MEASURED} requests after ${warmupSeconds} s of them (${(MEASURED / steady.seconds).toFixed(0)} requests/s); just started: the first ${COLD} (${(COLD / cold.seconds).toFixed(0)} requests/s), while V8 still compiles the code they run.`,
        "",
        `| | ${steady.perRequest.map((p) => p.name).join(" | ")} | **all** |`,
        `|---|${steady.perRequest.map(() => "---:").join("|")}|---:|`,
        tableRow("steady", steady),
        tableRow("just started", cold),
      ].join("\n"),
    );
    console.log(`embedded: ${summary}; wrote the embedded section of docs/benchmarks.md`);
  } finally {
    await stack.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
