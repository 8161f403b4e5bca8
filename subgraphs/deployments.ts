/**
 * How an agency is deployed beyond its registry line (subgraphs/agencies.ts): `subgraphs/<name>/deployment.ts`
 * default-exports one, plain data that imports nothing but types, so loading it runs nothing.
 * `npm run agencies:write` (scripts/deployment/) writes docker-compose.yml, deploy/kubernetes/ and
 * router/router.yaml from both. Not listed here, as every subgraph gets it: its port, its own database,
 * civil-affairs' URL, the gateway credential, the metrics token, and the events' secret when it
 * publishes events or subscribes to them (the registry's `subscribesTo`).
 */
export interface AgencyDeployment {
  /** What it serves, after "<name>: " at the head of its Kubernetes manifest. */
  summary: string;
  /** Settings read from secret files, as `<setting>_FILE`. */
  secrets?: readonly SecretFile[];
  /** It publishes the registry's events from an outbox: the setting that lists the subscribers' /events URLs. */
  publishes?: { subscribersSetting: string };
  /** Its own paths the outside reaches through the ingress, beside the gateway (a partner's webhook). */
  publicPaths?: readonly PublicPath[];
}

export interface SecretFile {
  /** The setting the file holds: JWT_PRIVATE_KEY is read from JWT_PRIVATE_KEY_FILE. */
  setting: string;
  /** Kubernetes: the agency's own Secret and its key, mounted at /run/secrets/<secret>/<key>. */
  secret: string;
  key: string;
  /** What the value is: the comment above its placeholder in secrets.yaml, a line each. */
  about: readonly string[];
  /** secrets.yaml's placeholder; REPLACE-ME when absent (an optional value may be ""). */
  placeholder?: string;
  /** Compose: its public demo file under docker/secrets/, the compose secret named as the file without its extension; absent: compose does not set it. */
  demoFile?: string;
}

export interface PublicPath {
  path: string;
  pathType: "Exact" | "Prefix";
  /** Who calls it from outside, for the comments: "the postal operator". */
  caller: string;
}

/** The deployment description of the agency `name`; a missing or malformed one stops the caller with a clear message. */
export function agencyDeployment(name: string): AgencyDeployment {
  const file = `subgraphs/${name}/deployment.ts`;
  let loaded: { default?: Partial<AgencyDeployment> };
  try {
    loaded = require(`./${name}/deployment`) as typeof loaded;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "MODULE_NOT_FOUND" && String((error as Error).message).includes(`${name}/deployment`)) {
      throw new Error(`The registry (subgraphs/agencies.ts) names the agency "${name}", but ${file} does not exist: describe how it is deployed there (subgraphs/deployments.ts).`);
    }
    throw error;
  }
  if (typeof loaded.default?.summary !== "string") throw new Error(`${file} must \`export default\` the agency's AgencyDeployment (subgraphs/deployments.ts).`);
  return loaded.default as AgencyDeployment;
}
