/**
 * `npm run bench:cost-measure`: the CPU the gateway's static measure of an operation costs
 * (gateway/src/security/limits.ts, run on every request) for the benches' own operations, in µs per
 * call, ROUNDS rounds of CALLS calls after a warm-up. Compare two revisions by running it in a
 * worktree of each, alternated.
 */
import fs from "node:fs";
import path from "node:path";
import { buildSchema, parse, type OperationDefinitionNode } from "graphql";
import { measureOperation } from "../gateway/src/security/limits";
import { FAMILY_QUERY, LIST_QUERY } from "./workloads";

const CALLS = 20_000;
const ROUNDS = 3;
const schema = buildSchema(fs.readFileSync(path.resolve(__dirname, "../schema/api.graphql"), "utf8"));
const operations = {
  family: { query: FAMILY_QUERY, variables: { registerNumber: "3000000001" } },
  list50: { query: LIST_QUERY, variables: { registerNumbers: Array.from({ length: 50 }, (_, i) => `31${String(i).padStart(8, "0")}`) } },
};

for (const [name, { query, variables }] of Object.entries(operations)) {
  const document = parse(query);
  const operation = document.definitions[0] as OperationDefinitionNode;
  const measure = () => measureOperation(schema, document, operation, variables, 10);
  const round = () => {
    const started = process.cpuUsage();
    for (let i = 0; i < CALLS; i++) measure();
    const used = process.cpuUsage(started);
    return (used.user + used.system) / CALLS;
  };
  round();
  const rounds = Array.from({ length: ROUNDS }, round).map((us) => us.toFixed(2));
  console.log(`${name}: cost ${measure().cost}, CPU µs per call ${rounds.join(", ")}`);
}
