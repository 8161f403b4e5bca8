import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ConfigSpec } from "../../kernel/config";
import { startSubgraph, type RunningSubgraph, type SubgraphDefinition } from "../../kernel/subgraph";
import { createTestDatabase, type DatabaseKind } from "./database";

export interface TestSubgraph extends RunningSubgraph {
  graphqlUrl: string;
}

/**
 * Starts one subgraph in this process on a free port, on a fresh database of the given kind,
 * with its demo data unless `demoData` is false. `stop()` also removes the database.
 */
export async function startTestSubgraph<S extends ConfigSpec>(
  definition: SubgraphDefinition<S>,
  options: { kind: DatabaseKind; civilAffairsUrl?: string; env?: NodeJS.ProcessEnv; demoData?: boolean },
): Promise<TestSubgraph> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `${definition.name}-`));
  const database = options.kind === "postgres" ? await createTestDatabase(definition.name) : null;
  const running = await startSubgraph(definition, {
    ...process.env,
    NODE_ENV: "test",
    PORT: "0",
    DATA_DIR: dataDir,
    DEMO_DATA: String(options.demoData ?? true),
    EMBEDDED_DATABASE: "memory",
    DEMO_FAMILIES: "60",
    ...(options.civilAffairsUrl ? { CIVIL_AFFAIRS_URL: options.civilAffairsUrl } : {}),
    ...(database ? { DATABASE_URL: database.url } : { DATABASE_URL: "" }),
    ...options.env,
  });
  return {
    ...running,
    graphqlUrl: `${running.url}/graphql`,
    stop: async () => {
      await running.stop();
      await database?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
