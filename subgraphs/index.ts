import type { ConfigSpec } from "../kernel/config";
import type { SubgraphDefinition } from "../kernel/subgraph";
import { civilAffairs } from "./civil-affairs/src/definition";
import { delivery } from "./delivery/src/definition";
import { labor } from "./labor/src/definition";

/** Every subgraph of the platform, in start order. */
export const SUBGRAPHS: Array<SubgraphDefinition<ConfigSpec>> = [
  civilAffairs as unknown as SubgraphDefinition<ConfigSpec>,
  labor as unknown as SubgraphDefinition<ConfigSpec>,
  delivery as unknown as SubgraphDefinition<ConfigSpec>,
];
