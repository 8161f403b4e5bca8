import type { ConfigSpec } from "../kernel/config";
import type { SubgraphDefinition } from "../kernel/subgraph";
import { AGENCIES } from "./agencies";

/**
 * An agency's subgraph: the default export of its folder's `src/definition.ts`. Loaded by the name
 * in the registry (subgraphs/agencies.ts), so a new agency needs no line here; a folder without a
 * definition, or one that names another agency, stops the caller with a clear message.
 */
export function subgraphDefinition(name: string): SubgraphDefinition<ConfigSpec> {
  const file = `subgraphs/${name}/src/definition.ts`;
  let loaded: { default?: unknown };
  try {
    loaded = require(`./${name}/src/definition`) as { default?: unknown };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "MODULE_NOT_FOUND" && String((error as Error).message).includes(`${name}/src/definition`)) {
      throw new Error(`The registry (subgraphs/agencies.ts) names the agency "${name}", but ${file} does not exist (npm run agency:new -- ${name} scaffolds one).`);
    }
    throw error;
  }
  const definition = loaded.default as Partial<SubgraphDefinition<ConfigSpec>> | undefined;
  if (!definition || typeof definition !== "object" || typeof definition.name !== "string" || !definition.schema) {
    throw new Error(`${file} must \`export default\` the agency's SubgraphDefinition.`);
  }
  if (definition.name !== name) throw new Error(`${file} defines the subgraph "${definition.name}", not "${name}": take the name from agency("${name}").`);
  // Each definition is typed by its own settings; callers here handle any subgraph's.
  return definition as SubgraphDefinition<ConfigSpec>;
}

/** Every subgraph of the platform, in the registry's order. */
export const SUBGRAPHS: Array<SubgraphDefinition<ConfigSpec>> = AGENCIES.map((agency) => subgraphDefinition(agency.name));
