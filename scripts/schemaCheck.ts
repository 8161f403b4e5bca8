import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { contractPath } from "./contractCheck";
import { candidateSupergraph } from "./schema/candidate";
import { formatCheckReport } from "./schema/check";
import { checkAgainstRelease, runCommand, todayArg } from "./schema/cli";
import { ALLOW_FILE, readReleased, ROOT } from "./schema/released";
import { currentSupergraphYaml, SUPERGRAPH_YAML, writeSupergraphYaml } from "./schema/supergraphYaml";

/**
 * `npm run schema:check [-- <agency>] [--today=YYYY-MM-DD]`: the API schema composed from the code now
 * (or, with an agency, that agency's code with the others as released) against schema/released/,
 * under docs/schema-changes.md. Exit 1 on a breaking change not allowed, a contract gap, a client
 * operation that no longer validates, or a stale supergraph.yaml.
 * `npm run schema:check -- --write-supergraph` only regenerates supergraph.yaml.
 */
runCommand(async (args) => {
  if (args.includes("--write-supergraph")) {
    console.log((await writeSupergraphYaml()) ? "wrote supergraph.yaml" : "supergraph.yaml is current");
    return 0;
  }
  const agency = args.find((a) => !a.startsWith("--"));
  const released = readReleased();
  if (released === null) {
    console.error("No released schema under schema/released/: run `npm run schema:release` once.");
    return 1;
  }
  const { composition, supergraphSdl, notes } = await candidateSupergraph(released, agency);
  const subgraph =
    agency === undefined ? undefined : { name: agency, candidateSdl: composition.subgraphs.find((s) => s.name === agency)!.sdl, releasedSdl: released.subgraphs[agency] ?? null };
  const report = await checkAgainstRelease(released, supergraphSdl, todayArg(args), subgraph);

  const scope = agency === undefined ? "every subgraph's code now" : `${agency}'s code now with the other agencies as released`;
  console.log(`Candidate: ${scope}. Allow-file: ${path.relative(ROOT, ALLOW_FILE)}. Contract: ${path.relative(ROOT, contractPath())}.`);
  for (const note of notes) console.log(`Note: ${note}`);
  console.log(formatCheckReport(report));
  const yamlCurrent = fs.existsSync(SUPERGRAPH_YAML) && fs.readFileSync(SUPERGRAPH_YAML, "utf8") === (await currentSupergraphYaml());
  if (!yamlCurrent) console.log("supergraph.yaml is stale: run `npm run schema:check -- --write-supergraph` and commit it.");
  return report.ok && yamlCurrent ? 0 : 1;
});
