import { DEPLOYED } from "./model";
import { betweenMarkers } from "./text";

/**
 * router/router.yaml, written by hand but for its per-agency blocks: each agency's URL from the
 * gateway's setting of it (default: its port) and its timeout.
 */
export function routerYaml(current: string): string {
  const file = "router/router.yaml";
  const urls = DEPLOYED.map((entry) => `  ${entry.name}: "\${env.${entry.urlSetting}:-http://127.0.0.1:${entry.defaultPort}}/graphql"`);
  const timeouts = DEPLOYED.map((entry) => `    ${entry.name}:\n      timeout: "\${env.SUBGRAPH_TIMEOUT_MS:-5000}ms"`);
  return betweenMarkers(betweenMarkers(current, file, "subgraph-urls", urls.join("\n")), file, "subgraph-timeouts", timeouts.join("\n"));
}
