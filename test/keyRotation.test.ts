import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startSubgraph, type RunningSubgraph } from "../kernel/subgraph";
import { DEMO_PASSWORD } from "../seed/demoCast";
import { civilAffairs } from "../subgraphs/civil-affairs/src/definition";
import { labor } from "../subgraphs/labor/src/definition";
import { createTestDatabase, TEST_DATABASE_URL } from "./support/database";
import { codes, graphql } from "./support/http";
import { freePort } from "./support/stack";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const KEY_SET_REFRESH_MS = 500;
const newKey = () => crypto.generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();

/**
 * The signing key rotated in its three steps (docs/operations.md) across two civil-affairs
 * replicas, each step a rolling restart, under steady traffic to both replicas and to a verifier
 * (labor): no request with a valid token fails; once the old key is retired, its tokens are refused
 * everywhere within KEY_SET_REFRESH_MS, cached or not.
 */
(TEST_DATABASE_URL ? describe : describe.skip)("rotating the token-signing key across civil-affairs replicas", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rotation-"));
  let database: { url: string; drop(): Promise<void> };
  const replicas: Array<{ port: number; running: RunningSubgraph | null }> = [];
  let verifier: RunningSubgraph;

  const startReplica = async (index: number, keys: { sign: string; verify?: string }) => {
    const replica = replicas[index]!;
    replica.running = (await startSubgraph(civilAffairs, {
      ...process.env,
      NODE_ENV: "test",
      LOG_LEVEL: "silent",
      PORT: String(replica.port),
      DATA_DIR: dataDir,
      DATABASE_URL: database.url,
      DEMO_FAMILIES: "5",
      OUTBOX_SUBSCRIBERS: "",
      JWT_PRIVATE_KEY: keys.sign,
      JWT_VERIFY_KEYS: keys.verify ?? "",
    })) as RunningSubgraph;
  };
  /** A rolling update: one replica after the other is stopped and started with the new keys. */
  const rollOut = async (keys: { sign: string; verify?: string }) => {
    for (let i = 0; i < replicas.length; i++) {
      const running = replicas[i]!.running!;
      replicas[i]!.running = null;
      await running.stop();
      await startReplica(i, keys);
    }
  };
  /** Signs Fahad in at one replica: the token carries that replica's signing key. */
  const loginAt = async (index: number) => {
    const response = await graphql(`http://127.0.0.1:${replicas[index]!.port}/graphql`, `mutation($pw: String!) { login(nationalId: "1000000016", password: $pw) { accessToken } }`, { pw: DEMO_PASSWORD });
    return response.data.login.accessToken as string;
  };
  const targets = () => [...replicas.filter((r) => r.running).map((r) => `http://127.0.0.1:${r.port}/graphql`), `${verifier.url}/graphql`];
  const refusedBy = async (token: string) => (await Promise.all(targets().map(async (url) => codes(await graphql(url, `{ __typename }`, {}, { token })).includes("UNAUTHENTICATED")))).filter(Boolean).length;

  beforeAll(async () => {
    database = await createTestDatabase("rotation");
    replicas.push({ port: await freePort(), running: null }, { port: await freePort(), running: null });
  });
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.running?.stop()));
    await verifier?.stop();
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("publishes, signs with and retires a key with no failed request for a valid token", async () => {
    const [oldKey, nextKey] = [newKey(), newKey()];
    await startReplica(0, { sign: oldKey });
    await startReplica(1, { sign: oldKey });
    verifier = (await startSubgraph(labor, {
      ...process.env,
      NODE_ENV: "test",
      LOG_LEVEL: "silent",
      PORT: "0",
      EMBEDDED_DATABASE: "memory",
      DATABASE_URL: "",
      DEMO_DATA: "false",
      CIVIL_AFFAIRS_URL: replicas.map((replica) => `http://127.0.0.1:${replica.port}`).join(","),
      KEY_SET_REFRESH_MS: String(KEY_SET_REFRESH_MS),
    })) as RunningSubgraph;

    const tokens = [await loginAt(1)];
    const failures: string[] = [];
    let sent = 0;
    let traffic = true;
    const steady = (async () => {
      while (traffic) {
        await Promise.all(
          targets().flatMap((url) =>
            tokens.map(async (token) => {
              sent++;
              // A replica being restarted may refuse the connection (a balancer would drain it):
              // only what a running process answers counts.
              const response = await graphql(url, `{ __typename }`, {}, { token }).catch(() => null);
              if (response && codes(response).length > 0) failures.push(`${url}: ${codes(response).join(",")}`);
            }),
          ),
        );
        await sleep(20);
      }
    })();

    // 1. Publish the next key everywhere; wait for every verifier to have fetched it.
    await rollOut({ sign: oldKey, verify: nextKey });
    await sleep(KEY_SET_REFRESH_MS + 200);
    // 2. Sign with it, the old key still published. Mid-rollout a new-key token (signed by the
    //    updated replica) and an old-key token both pass on the other replica and the verifier.
    const [first] = replicas;
    await first!.running!.stop();
    first!.running = null;
    await startReplica(0, { sign: nextKey, verify: oldKey });
    tokens.push(await loginAt(0));
    await sleep(200);
    await rollOut({ sign: nextKey, verify: oldKey });
    await sleep(200);
    // 3. Retire the old key once its tokens have expired (here the test keeps one that has not).
    const oldToken = tokens.shift()!;
    await rollOut({ sign: nextKey });
    await sleep(KEY_SET_REFRESH_MS + 300);
    traffic = false;
    await steady;

    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(50);
    expect(await refusedBy(oldToken)).toBe(targets().length);
    expect(await refusedBy(tokens[0]!)).toBe(0);
  }, 120_000);
});
