import { AGENCIES, agency, type Agency } from "../../subgraphs/agencies";
import { agencyDeployment, type AgencyDeployment } from "../../subgraphs/deployments";

/**
 * The agencies as the deployment files see them: the registry's entries with their deployment
 * descriptions (subgraphs/<name>/deployment.ts), and who opens connections to whom.
 */

export interface Deployed extends Agency {
  deployment: AgencyDeployment;
  /** Its own PostgreSQL database (and, in Kubernetes, user): its name with underscores. */
  database: string;
  /** What the image runs for it, as `npm run build` emits it. */
  compiledMain: string;
  /** It publishes events or subscribes to them, so it holds the events' secret. */
  signsEvents: boolean;
}

export const DEPLOYED: Deployed[] = AGENCIES.map((entry) => {
  const deployment = agencyDeployment(entry.name);
  return {
    ...entry,
    deployment,
    database: entry.name.replace(/-/g, "_"),
    compiledMain: `dist/subgraphs/${entry.name}/src/main.js`,
    signsEvents: Boolean(deployment.publishes) || entry.subscribesTo.length > 0,
  };
});

/** The identity provider every other process fetches signing keys and revoked tokens from (kernel/config.ts, CIVIL_AFFAIRS_URL). */
export const IDENTITY = DEPLOYED.find((entry) => entry.name === agency("civil-affairs").name)!;

export const PUBLISHERS = DEPLOYED.filter((entry) => entry.deployment.publishes);
export const SUBSCRIBERS = DEPLOYED.filter((entry) => entry.subscribesTo.length > 0);

/** The events the subscribers receive, for comments: "CardIssued". */
export const EVENTS = [...new Set(SUBSCRIBERS.flatMap((entry) => entry.subscribesTo))].join(", ");

/** The agencies `from` opens connections to: the identity provider's keys, a publisher's subscribers. */
export function callees(from: Deployed): Deployed[] {
  return DEPLOYED.filter((to) => to !== from && ((to === IDENTITY && from !== IDENTITY) || (PUBLISHERS.includes(from) && SUBSCRIBERS.includes(to))));
}

export const callers = (to: Deployed) => DEPLOYED.filter((from) => callees(from).includes(to));

/** "labor, delivery", or with `port`, "labor:4002, delivery:4003"; `separator` between them. */
export const names = (entries: Deployed[], { port = false, separator = ", " } = {}) =>
  entries.map((entry) => (port ? `${entry.name}:${entry.defaultPort}` : entry.name)).join(separator);

/** Its plain settings beyond port and database, the same in compose and Kubernetes: a publisher's subscribers, each /events at its service's name. */
export function ownSettings(entry: Deployed): Record<string, string> {
  if (!entry.deployment.publishes) return {};
  return { [entry.deployment.publishes.subscribersSetting]: SUBSCRIBERS.map((to) => `http://${to.name}:${to.defaultPort}/events`).join(",") };
}
