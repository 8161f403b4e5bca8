import fs from "node:fs";
import { compose, readSchemaFile, SCHEMA_DIR, schemaFiles, type Composition } from "../scripts/composition";

function firstDifference(committed: string, fresh: string): string {
  const a = committed.split("\n");
  const b = fresh.split("\n");
  const line = a.findIndex((text, i) => text !== b[i]);
  const at = line === -1 ? a.length : line;
  return `line ${at + 1}: committed ${JSON.stringify(a[at] ?? "<end>")}, code ${JSON.stringify(b[at] ?? "<end>")}`;
}

describe("committed schema/*.graphql", () => {
  let composition: Composition;
  beforeAll(async () => {
    // compose() throws, listing every composition error, when the subgraphs do not compose.
    composition = await compose();
  });

  it("composes without errors", () => {
    expect(composition.supergraphSdl).toContain("type Query");
  });

  it("matches a fresh composition of the code (run `npm run compose` and commit schema/)", () => {
    const files = schemaFiles(composition);
    const stale: string[] = [];
    for (const [name, fresh] of Object.entries(files)) {
      const committed = readSchemaFile(name);
      if (committed === null) stale.push(`schema/${name} is missing`);
      else if (committed !== fresh) stale.push(`schema/${name} is out of date, ${firstDifference(committed, fresh)}`);
    }
    for (const name of fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith(".graphql") && !(f in files))) {
      stale.push(`schema/${name} belongs to no subgraph`);
    }
    if (stale.length > 0) throw new Error(`${stale.join("\n")}\nRun \`npm run compose\` and commit schema/.`);
  });
});
