/**
 * `npm run bench:documents`: what the worst GraphQL documents cost the gateway. The gateway runs as
 * its own process with no subgraphs (nothing is fetched); each document is sent 20 times to warm
 * up, then ROUNDS times one after another, and the gateway's CPU time (/proc, utime + stime) is
 * divided by ROUNDS. Writes the "worst-documents" section of docs/benchmarks.md.
 */
import fs from "node:fs";
import { gatewayProcess, PRODUCTION } from "../test/support/gatewayProcess";
import { writeSection } from "./reportFile";

const ROUNDS = 300;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** The issue's attacks (first four), one found in review, and the most expensive shapes found within the limits. */
const DOCUMENTS: Array<{ name: string; query: string }> = [
  { name: "16,000 × `__typename` (176 KB)", query: `{ ${range(16_000).map(() => "__typename").join(" ")} }` },
  { name: "8,000 fragment spreads (40 KB)", query: `{ ${range(8_000).map(() => "...F").join(" ")} } fragment F on Query { __typename }` },
  { name: "4,000 × `benefitPrograms { code }` (100 KB)", query: `{ ${range(4_000).map(() => "benefitPrograms { code }").join(" ")} }` },
  { name: "2,900 × `__typename` (32 KB, under the text cap)", query: `{ ${range(2_900).map(() => "__typename").join(" ")} }` },
  { name: "an unused fragment of 440 × `citizen(nationalId)` (review)", query: `{ __typename } fragment F on Query { ${range(440).map(() => 'citizen(nationalId: "1") { __typename }').join(" ")} }` },
  { name: "within limits: 250 distinct `benefitPrograms { code }` (500 fields)", query: `{ ${range(250).map((i) => `a${i}: benefitPrograms { c${i}: code }`).join(" ")} }` },
  { name: "within limits: 32 × `benefitPrograms { code }` (992 pairs)", query: `{ ${range(32).map(() => "benefitPrograms { code }").join(" ")} }` },
  { name: "within limits: 45 × `me { nationalId family { registerNumber } }`", query: `{ ${range(45).map((i) => `me { n${i}: nationalId f${i}: family { registerNumber } }`).join(" ")} }` },
  { name: "within limits: 49 fragments, 11 names at one path", query: `{ ${range(49).map((i) => `...F${i}`).join(" ")} } ${range(49).map((i) => `fragment F${i} on Query { x${i % 11}: benefitPrograms { y${i}: code } }`).join(" ")}` },
  { name: "`{ __typename }` (for comparison)", query: "{ __typename }" },
];

function cpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms
}

async function send(url: string, query: string): Promise<{ status: number; rules: string }> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string; violations?: Array<{ rule: string }> } }> };
  const first = body.errors?.[0]?.extensions;
  return { status: response.status, rules: first?.violations?.map((v) => v.rule).join(", ") ?? first?.code ?? "" };
}

async function main(): Promise<void> {
  // Rate limit and cost budget out of the way: this measures the document checks alone.
  const gateway = await gatewayProcess({ ...PRODUCTION, RATE_LIMIT_POINTS: "0", COST_BUDGET_PER_MINUTE: "0", LOG_LEVEL: "error" });
  const rows: string[] = [];
  try {
    for (const { name, query } of DOCUMENTS) {
      for (let i = 0; i < 20; i++) await send(gateway.url, query);
      const before = cpuMs(gateway.pid);
      let answer = { status: 0, rules: "" };
      for (let i = 0; i < ROUNDS; i++) answer = await send(gateway.url, query);
      const perRequest = (cpuMs(gateway.pid) - before) / ROUNDS;
      rows.push(`| ${name} | ${Buffer.byteLength(query).toLocaleString("en-US")} | ${answer.status} ${answer.rules} | ${perRequest.toFixed(2)} |`);
      console.log(rows.at(-1));
    }
  } finally {
    await gateway.stop();
  }
  writeSection(
    "worst-documents",
    [
      "## Worst documents",
      "",
      `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC by \`npm run bench:documents\` (\`bench/documents.ts\`): the gateway in production mode, alone (no subgraph is reached), each document sent 20 times to warm up, then ${ROUNDS} times in a row; CPU is the gateway process's user + system time divided by ${ROUNDS}, HTTP and JSON included. Limits as shipped (\`kernel/graphql/documentGuard.ts\`): query text 32 KiB, 4,000 tokens, 500 fields with fragments expanded, 1,000 pairs of fields at one response path, 100 fragments, 50 directives. QUERY_TOO_LARGE, MAX_FIELDS and MAX_FIELD_PAIRS are refused before parsing; MAX_ALIASES and MAX_ROOT_FIELDS after validation (so those rows include validating the document); a 200 was planned and fetched (no subgraph runs here, so the fetch fails at once).`,
      "",
      "| Document | Bytes | Answer | Gateway CPU per request (ms) |",
      "|---|---:|---|---:|",
      ...rows,
    ].join("\n"),
  );
  console.log("wrote the worst-documents section of docs/benchmarks.md");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
