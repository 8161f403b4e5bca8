import type { Role } from "../kernel/auth/viewer";

/** An event civil-affairs' outbox delivers to the agencies that subscribe (POST <agency>/events). */
export type EventType = "CardIssued";

/**
 * One agency of the platform: what the gateway, `npm start`, the stacks of the tests and the
 * benchmark, seeding and the deployment checks need to know about it. Plain data, so the gateway
 * reads it without loading any subgraph's code; each subgraph's definition (subgraphs/index.ts)
 * takes its name and port from here.
 */
export interface Agency {
  /** Its subgraph's name in the supergraph, its folder under subgraphs/, its service in compose and Kubernetes. */
  name: string;
  defaultPort: number;
  /** The setting that lists its replicas' base URLs (comma-separated) to the gateway. */
  urlSetting: `${string}_URL`;
  /** Started in this order, lower first; equal ones together. Civil-affairs first: the others fetch its keys. */
  startOrder: number;
  /** The events it receives from civil-affairs' outbox. */
  subscribesTo: readonly EventType[];
  /** The roles of the people who work for it. */
  roles: readonly Role[];
}

export const AGENCIES = [
  { name: "civil-affairs", defaultPort: 4001, urlSetting: "CIVIL_AFFAIRS_URL", startOrder: 0, subscribesTo: [], roles: ["CIVIL_AFFAIRS_OFFICER"] },
  { name: "labor", defaultPort: 4002, urlSetting: "LABOR_URL", startOrder: 1, subscribesTo: ["CardIssued"], roles: ["LABOR_OFFICER"] },
  { name: "delivery", defaultPort: 4003, urlSetting: "DELIVERY_URL", startOrder: 1, subscribesTo: ["CardIssued"], roles: ["POST_OPERATOR"] },
] as const satisfies readonly Agency[];

export type AgencyName = (typeof AGENCIES)[number]["name"];
export type AgencyUrlSetting = (typeof AGENCIES)[number]["urlSetting"];

export const AGENCY_NAMES: AgencyName[] = AGENCIES.map((agency) => agency.name);

/** The registry's entry for `name`; a name it does not know stops the caller with a clear message. */
export function agency(name: string): (typeof AGENCIES)[number] {
  const found = AGENCIES.find((entry) => entry.name === name);
  if (!found) throw new Error(`No agency "${name}" in the registry (subgraphs/agencies.ts); known: ${AGENCY_NAMES.join(", ")}`);
  return found;
}

/** A per-agency setting named after its URL setting: CIVIL_AFFAIRS_URL → CIVIL_AFFAIRS_PORT, CIVIL_AFFAIRS_DATABASE_URL. */
export function agencySetting(entry: Agency, suffix: "PORT" | "DATABASE_URL"): string {
  return entry.urlSetting.replace(/_URL$/, `_${suffix}`);
}
