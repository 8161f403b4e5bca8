import type { ConfigSpec } from "../kernel/config";
import type { SubgraphDefinition } from "../kernel/subgraph";
import { AGENCIES, type AgencyName } from "./agencies";
import { civilAffairs } from "./civil-affairs/src/definition";
import { delivery } from "./delivery/src/definition";
import { labor } from "./labor/src/definition";

/** Each agency's subgraph: an agency of the registry without one fails to compile here. */
const DEFINITIONS: Record<AgencyName, SubgraphDefinition<ConfigSpec>> = {
  "civil-affairs": civilAffairs as unknown as SubgraphDefinition<ConfigSpec>,
  labor: labor as unknown as SubgraphDefinition<ConfigSpec>,
  delivery: delivery as unknown as SubgraphDefinition<ConfigSpec>,
};

/** Every subgraph of the platform, in the registry's order. */
export const SUBGRAPHS: Array<SubgraphDefinition<ConfigSpec>> = AGENCIES.map((agency) => DEFINITIONS[agency.name]);
