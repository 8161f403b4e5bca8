import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { compose } from "./composition";
import { formatCheckReport } from "./schema/check";
import { checkAgainstRelease, runCommand, todayArg } from "./schema/cli";
import { ALLOW_FILE, federationVersion, readAllowFile, readReleased, RELEASED_DIR, ROOT, releaseFiles } from "./schema/released";
import { writeSupergraphYaml } from "./schema/supergraphYaml";

/**
 * `npm run schema:release [-- --force] [--today=YYYY-MM-DD]`: records the API schema and every subgraph's
 * SDL composed from the code now under schema/released/, with release.json (the day, the federation
 * version, the subgraphs, when each deprecation was first released), and regenerates supergraph.yaml.
 * It runs the schema check first and refuses a release the check fails (--force overrides, to be
 * stated in the review). The allow-file's entries were exceptions to the previous release: it is emptied.
 */
runCommand(async (args) => {
  const day = todayArg(args);
  const composition = await compose();
  const previous = readReleased();
  if (previous !== null) {
    const report = await checkAgainstRelease(previous, composition.supergraphSdl, day);
    console.log(formatCheckReport(report));
    if (!report.ok && !args.includes("--force")) {
      console.error("\nNot released: the schema check fails (fix it, or list reviewed exceptions in the allow-file).");
      return 1;
    }
  }
  fs.mkdirSync(RELEASED_DIR, { recursive: true });
  const files = releaseFiles(composition, previous?.metadata ?? null, day, federationVersion());
  for (const [name, content] of Object.entries(files)) {
    fs.writeFileSync(path.join(RELEASED_DIR, name), content);
    console.log(`wrote ${path.relative(ROOT, path.join(RELEASED_DIR, name))}`);
  }
  for (const name of fs.readdirSync(RELEASED_DIR).filter((f) => f.endsWith(".graphql") && !(f in files))) {
    fs.rmSync(path.join(RELEASED_DIR, name));
    console.log(`removed schema/released/${name} (no such subgraph now)`);
  }
  const allow = readAllowFile() as { allowed?: unknown[] } | null;
  if (allow === null || (Array.isArray(allow.allowed) && allow.allowed.length > 0)) {
    fs.writeFileSync(ALLOW_FILE, `${JSON.stringify({ ...(allow ?? {}), allowed: [] }, null, 2)}\n`);
    console.log(`${path.relative(ROOT, ALLOW_FILE)}: ${allow?.allowed?.length ?? 0} entries released, list emptied`);
  }
  console.log((await writeSupergraphYaml()) ? "wrote supergraph.yaml" : "supergraph.yaml is current");
  return 0;
});
