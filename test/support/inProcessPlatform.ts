import { riyadhToday } from "../../kernel/riyadhCalendar";
import { AGENCIES, type AgencyName } from "../../subgraphs/agencies";
import { cheapenDemoPasswords } from "../../subgraphs/civil-affairs/test/people";
import { SUBGRAPHS } from "../../subgraphs/index";
import type { TestGateway } from "./gatewayProcess";
import { graphql } from "./http";
import { inProcessGateway } from "./inProcessGateway";
import { freePort } from "./stack";
import { startTestSubgraph, type TestSubgraph } from "./subgraph";

export interface InProcessPlatform {
  gatewayUrl: string;
  gateway: TestGateway;
  subgraphs: Record<AgencyName, TestSubgraph>;
  /** Signs in through the gateway (the demo accounts' password by default) and returns the access token. */
  login(nationalId: string, password?: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Every agency of the registry (subgraphs/agencies.ts) and the gateway, all in this process, each
 * subgraph on an in-memory embedded database with the demo data (60 synthetic families): what
 * test/support/stack.ts starts as four processes, for tests that need the gateway in front of the
 * real subgraphs but not processes of their own. Started in the registry's start order, each
 * agency told where the ones before it run (civil-affairs first: the others fetch its keys), with
 * civil-affairs' outbox delivering to the agencies that subscribe, as `npm start` wires them.
 * The demo accounts sign in at the tests' scrypt cost (`cheapenDemoPasswords`).
 * `env` goes to every service, as a stack's does; `gatewayEnv` and `subgraphEnv` to those only.
 */
export async function startInProcessPlatform(options: { env?: NodeJS.ProcessEnv; gatewayEnv?: NodeJS.ProcessEnv; subgraphEnv?: NodeJS.ProcessEnv } = {}): Promise<InProcessPlatform> {
  const ports = Object.fromEntries(await Promise.all(AGENCIES.map(async (agency) => [agency.name, await freePort()] as const))) as Record<AgencyName, number>;
  const base = (name: AgencyName) => `http://127.0.0.1:${ports[name]}`;
  const urls = Object.fromEntries(AGENCIES.map((agency) => [agency.urlSetting, base(agency.name)]));
  const common: NodeJS.ProcessEnv = {
    ...urls,
    OUTBOX_SUBSCRIBERS: AGENCIES.filter((agency) => agency.subscribesTo.length > 0)
      .map((agency) => `${base(agency.name)}/events`)
      .join(","),
    // One end date for every agency's demo history, so that their figures agree (as scripts/stack.ts does).
    DEMO_ANCHOR_DATE: process.env.DEMO_ANCHOR_DATE || riyadhToday(),
    ...options.env,
    ...options.subgraphEnv,
  };
  const subgraphs: Partial<Record<AgencyName, TestSubgraph>> = {};
  let gateway: TestGateway | undefined;
  const stop = async () => {
    await gateway?.stop();
    await Promise.all(Object.values(subgraphs).map((subgraph) => subgraph.stop()));
  };
  try {
    for (const order of [...new Set(AGENCIES.map((agency) => agency.startOrder))].sort((x, y) => x - y)) {
      await Promise.all(
        AGENCIES.filter((agency) => agency.startOrder === order).map(async (agency) => {
          const definition = SUBGRAPHS.find((subgraph) => subgraph.name === agency.name);
          if (!definition) throw new Error(`No subgraph definition for the agency "${agency.name}" (subgraphs/index.ts)`);
          subgraphs[agency.name] = await startTestSubgraph(definition, { kind: "embedded", env: { ...common, PORT: String(ports[agency.name]) } });
        }),
      );
    }
    await cheapenDemoPasswords(subgraphs["civil-affairs"]!.db);
    gateway = await inProcessGateway({ ...urls, ...options.env, ...options.gatewayEnv });
  } catch (error) {
    await stop();
    throw error;
  }
  const running = gateway;
  return {
    gatewayUrl: running.url,
    gateway: running,
    subgraphs: subgraphs as Record<AgencyName, TestSubgraph>,
    async login(nationalId, password = "demo-password") {
      const response = await graphql(running.url, `mutation($id: ID!, $pw: String!) { login(nationalId: $id, password: $pw) { accessToken } }`, { id: nationalId, pw: password });
      if (!response.data?.login) throw new Error(`login ${nationalId} failed: ${JSON.stringify(response.errors)}`);
      return response.data.login.accessToken as string;
    },
    stop,
  };
}
