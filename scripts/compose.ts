import fs from "node:fs";
import path from "node:path";
import { compose, SCHEMA_DIR, schemaFiles } from "./composition";

/** `npm run compose`: regenerates schema/<subgraph>.graphql and schema/supergraph.graphql. */
compose().then(
  (composition) => {
    for (const [name, content] of Object.entries(schemaFiles(composition))) {
      fs.writeFileSync(path.join(SCHEMA_DIR, name), content);
      console.log(`wrote schema/${name}`);
    }
  },
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
