import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import Redis from "ioredis";
import { Client } from "pg";
import { withCheckDigit } from "../kernel/nationalId";
import { DEMO_PASSWORD } from "../seed/demoCast";
import { launchService, waitReady } from "../scripts/stack";
import { startBalancer, type Balancer } from "./support/balancer";
import { createTestDatabase, TEST_DATABASE_URL } from "./support/database";
import { CARD_CYCLE as CYCLE, FAMILY_QUERY, load, sleep } from "./fault/support";
import { codes, graphql, PURPOSE, type GraphQLResponse } from "./support/http";
import { freePort } from "./support/stack";

type Agency = "civil-affairs" | "labor" | "delivery";
const AGENCIES: Agency[] = ["civil-affairs", "labor", "delivery"];
/** How soon a logout is refused everywhere (TOKEN_REVOCATION_REFRESH_MS here; 5 s by default). */
const REVOCATION_WINDOW_MS = 500;
/** One short run in `npm test`; `npm run fault` kills under a longer, heavier load. */
const LOAD = process.env.FAULT_LOAD ? { total: 800, durationMs: 20_000, killAtMs: 6_000 } : { total: 240, durationMs: 5_000, killAtMs: 1_500 };


/**
 * The platform as a fleet on one PostgreSQL and one Redis: two replicas of every agency and two
 * gateways balancing over them (CIVIL_AFFAIRS_URL etc. list both replicas), one signing key for
 * every civil-affairs replica, events reaching each agency through a Service-like balancer.
 */
(TEST_DATABASE_URL && process.env.REDIS_URL ? describe : describe.skip)("the platform as a fleet: two replicas of every agency, two gateways", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "fleet-"));
  const replicas = new Map<string, { port: number; child: ChildProcess; entry: string; env: NodeJS.ProcessEnv }>();
  const databases: Record<Agency, { url: string; drop(): Promise<void> }> = {} as never;
  const balancers: Balancer[] = [];
  const gateways: string[] = [];
  let gatewayTurn = 0;
  const viaGateway = () => gateways[gatewayTurn++ % gateways.length]!;

  const start = async (name: string, agencyOrGateway: Agency | "gateway", port: number, env: NodeJS.ProcessEnv) => {
    const entry = agencyOrGateway === "gateway" ? "gateway/src/main.ts" : `subgraphs/${agencyOrGateway}/src/main.ts`;
    // A replica that fails to start reports its last lines (FLEET_LOGS=1 prints everything).
    const child = launchService({ name, entry, port, env: { ...env, PORT: String(port) } }, { output: process.env.FLEET_LOGS ? "inherit" : "ignore" });
    replicas.set(name, { port, child, entry, env });
    await waitReady(`http://127.0.0.1:${port}/ready`, child, 90_000);
  };
  const restart = async (name: string) => {
    const { port, entry, env } = replicas.get(name)!;
    await start(name, entry.startsWith("gateway") ? "gateway" : (entry.split("/")[1] as Agency), port, env);
  };
  const kill = async (name: string) => {
    const { child } = replicas.get(name)!;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
  };
  const login = async (nationalId: string, url = viaGateway()) => {
    const response = await graphql(url, `mutation($id: ID!, $pw: String!) { login(nationalId: $id, password: $pw) { accessToken } }`, { id: nationalId, pw: DEMO_PASSWORD });
    if (!response.data?.login) throw new Error(JSON.stringify(response.errors));
    return response.data.login.accessToken as string;
  };

  // The gateways' limits live under keys of this run's own (REDIS_KEY_PREFIX), deleted before and
  // after, so that another run's sign-ins (the demo cast's) do not count here and nothing else in
  // the Redis is touched.
  const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const redisKeyPrefix = `fleet-${crypto.randomBytes(4).toString("hex")}:`;
  const flushRedis = async () => {
    const redis = new Redis(redisUrl);
    const keys = await redis.keys(`${redisKeyPrefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  };

  beforeAll(async () => {
    await flushRedis();
    const ports = Object.fromEntries(await Promise.all([...AGENCIES, "gateway" as const].map(async (name) => [name, [await freePort(), await freePort()]]))) as Record<Agency | "gateway", number[]>;
    const list = (agency: Agency) => ports[agency].map((port) => `http://127.0.0.1:${port}`).join(",");
    for (const agency of AGENCIES) databases[agency] = await createTestDatabase(`fleet_${agency}`);
    const [laborEvents, deliveryEvents] = await Promise.all([startBalancer(ports.labor), startBalancer(ports.delivery)]);
    balancers.push(laborEvents, deliveryEvents);
    const common: NodeJS.ProcessEnv = {
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
      DATA_DIR: dataDir,
      DEMO_FAMILIES: "20",
      CIVIL_AFFAIRS_URL: list("civil-affairs"),
      TOKEN_REVOCATION_REFRESH_MS: String(REVOCATION_WINDOW_MS),
      KEY_SET_REFRESH_MS: "1000",
    };
    const key = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const agencyEnv: Record<Agency, NodeJS.ProcessEnv> = {
      "civil-affairs": { JWT_PRIVATE_KEY: key, OUTBOX_SUBSCRIBERS: `${deliveryEvents.url}/events,${laborEvents.url}/events`, OUTBOX_POLL_MS: "100", OUTBOX_MAX_BACKOFF_MS: "500" },
      labor: {},
      delivery: {},
    };
    for (const agency of AGENCIES) {
      await Promise.all(ports[agency].map((port, i) => start(`${agency}-${i + 1}`, agency, port, { ...common, ...agencyEnv[agency], DATABASE_URL: databases[agency].url })));
    }
    const gatewayEnv = {
      ...common,
      LABOR_URL: list("labor"),
      DELIVERY_URL: list("delivery"),
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: redisKeyPrefix,
      LOGIN_RATE_LIMIT_POINTS: "5",
      SUBGRAPH_BREAKER_HALF_OPEN_MS: "1000",
      // One citizen's token drives the load below: its cost budget is not what this suite tests.
      COST_BUDGET_PER_MINUTE: "0",
    };
    await Promise.all(ports.gateway.map((port, i) => start(`gateway-${i + 1}`, "gateway", port, gatewayEnv)));
    gateways.push(...ports.gateway.map((port) => `http://127.0.0.1:${port}/graphql`));
  }, 180_000);

  afterAll(async () => {
    await Promise.all([...replicas.keys()].map(kill));
    await Promise.all(balancers.map((balancer) => balancer.stop()));
    await Promise.all(Object.values(databases).map((database) => database.drop()));
    await flushRedis();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("signs in on one gateway and serves the token on every gateway and replica; a logout is refused everywhere within the window", async () => {
    const token = await login("1000000016", gateways[0]);
    const everywhere = [...gateways, ...[...replicas].filter(([name]) => !name.startsWith("gateway")).map(([, replica]) => `http://127.0.0.1:${replica.port}/graphql`)];
    for (const url of everywhere) expect(codes(await graphql(url, `{ __typename }`, {}, { token }))).toEqual([]);
    for (let i = 0; i < 4; i++) {
      const family = await graphql(viaGateway(), FAMILY_QUERY, {}, { token });
      expect(family.errors).toBeUndefined();
      expect(family.data.me.family.card.delivery.__typename).toBe("Shipment");
    }

    expect((await graphql(gateways[1]!, `mutation { logout }`, {}, { token })).errors).toBeUndefined();
    await sleep(REVOCATION_WINDOW_MS + 300);
    for (const url of everywhere) expect(codes(await graphql(url, `{ __typename }`, {}, { token }))).toEqual(["UNAUTHENTICATED"]);
  });

  it("shares the sign-in limits between gateways through Redis", async () => {
    const id = withCheckDigit(`1${crypto.randomInt(10_000_000, 99_999_999)}`);
    const attempt = (url: string) => graphql(url, `mutation($id: ID!) { login(nationalId: $id, password: "wrong") { accessToken } }`, { id });
    for (let i = 0; i < 5; i++) expect(codes(await attempt(gateways[i % 2]!))).not.toContain("RATE_LIMITED");
    expect(codes(await attempt(gateways[0]!))).toEqual(["RATE_LIMITED"]);
    expect(codes(await attempt(gateways[1]!))).toEqual(["RATE_LIMITED"]);
  });

  it("issues 30 cards through both gateways while a delivery replica is killed: exactly 30 shipments", async () => {
    const officer = await login("1000000909");
    const heads = [await login("1000000016"), await login("1000000099")];
    const as = (token: string, headers: Record<string, string> = {}) => async (query: string, variables: Record<string, unknown> = {}) => {
      const response: GraphQLResponse = await graphql(viaGateway(), query, variables, { token, headers });
      if (response.errors) throw new Error(JSON.stringify(response.errors));
      return response.data;
    };
    const cardNumbers: string[] = [];
    for (let i = 0; i < 30; i++) {
      if (i === 10) await kill("delivery-1");
      const head = as(heads[i % 2]!);
      const { id } = (await head(CYCLE.create)).createCardApplication;
      await head(CYCLE.submit, { id });
      for (const step of [CYCLE.review, CYCLE.approve]) await as(officer, PURPOSE)(step, { id });
      cardNumbers.push((await as(officer, PURPOSE)(CYCLE.issue, { id })).issueFamilyCard.cardNumber);
    }

    const delivery = new Client({ connectionString: databases.delivery.url });
    await delivery.connect();
    try {
      const shipped = async () => (await delivery.query(`SELECT card_number FROM shipment WHERE card_number = ANY($1)`, [cardNumbers])).rows.map((row) => row.card_number as string);
      const deadline = Date.now() + 30_000;
      while ((await shipped()).length < cardNumbers.length && Date.now() < deadline) await sleep(200);
      expect((await shipped()).sort()).toEqual([...new Set(cardNumbers)].sort());
      expect(cardNumbers).toHaveLength(30);
    } finally {
      await delivery.end();
    }
    await restart("delivery-1");
  }, 120_000);

  it("loses no family query when one replica of every agency is killed under load", async () => {
    const token = await login("1000000016");
    const kills = (async () => {
      await sleep(LOAD.killAtMs);
      await Promise.all(AGENCIES.map((agency) => kill(`${agency}-2`)));
    })();
    const samples = await load({ total: LOAD.total, durationMs: LOAD.durationMs, concurrency: 4, send: () => graphql(viaGateway(), FAMILY_QUERY, {}, { token }) });
    await kills;
    const failed = samples.filter((sample) => sample.status !== 200 || sample.response?.errors || !sample.response?.data?.me?.family?.card?.delivery || !sample.response.data.me.family.eligibility?.length);
    expect(failed.map((sample) => sample.failure ?? JSON.stringify(sample.response?.errors ?? sample.status))).toEqual([]);
    const metrics = await (await fetch(gateways[0]!.replace("/graphql", "/metrics"))).text();
    expect(metrics).toMatch(/subgraph_replica_circuit_state\{subgraph="labor",replica="http:\/\/127\.0\.0\.1:\d+"\} [12]/);
  }, 180_000);
});
