import { createServer, type Server } from "node:http";
import type net from "node:net";
import { CircuitState } from "cockatiel";
import { ReplicaPool, type Replica } from "../../gateway/src/resilience/replicaPool";
import { subgraphHttp } from "../../gateway/src/resilience/subgraphHttp";
import { createLogger } from "../../kernel/logger";

const settings = { timeoutMs: 1000, retries: 1, breakerFailures: 2, halfOpenAfterMs: 200 };
const refused = () => Promise.reject(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The gateway's view of one agency's replicas (gateway/src/resilience/replicaPool.ts). */
describe("a subgraph's replicas at the gateway", () => {
  const http = subgraphHttp({ maxSockets: 4, timeoutMs: settings.timeoutMs });
  const pools: ReplicaPool[] = [];
  const pool = (bases: string[], resolveEveryMs = 0) => {
    const created = new ReplicaPool({ subgraph: "labor", bases, settings, http, credential: "c", resolveEveryMs, log: createLogger("test") });
    pools.push(created);
    return created;
  };
  afterAll(() => Promise.all(pools.map((p) => p.close())));

  it("hands the replicas out in turn, one whose circuit is open last until a trial is due", async () => {
    const replicas = pool(["http://10.0.0.1:4002", "http://10.0.0.2:4002"]);
    expect([replicas.inTurn()[0]!.base, replicas.inTurn()[0]!.base, replicas.inTurn()[0]!.base]).toEqual(["http://10.0.0.1:4002", "http://10.0.0.2:4002", "http://10.0.0.1:4002"]);

    const first = replicas.inTurn().find((replica) => replica.base === "http://10.0.0.1:4002")!;
    for (let i = 0; i < settings.breakerFailures; i++) await first.policy.execute(refused).catch(() => undefined);
    for (let i = 0; i < 4; i++) expect(replicas.inTurn().map((replica) => replica.base)).toEqual(["http://10.0.0.2:4002", "http://10.0.0.1:4002"]);

    await sleep(settings.halfOpenAfterMs + 50);
    expect(replicas.inTurn().map((replica) => replica.base)).toContain("http://10.0.0.1:4002");
    expect(first.policy.available(Date.now())).toBe(true);
  });

  const servers: Server[] = [];
  afterAll(() => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))));

  /** One replica answering /ready as `ready()` says, in a pool whose circuits wait a minute before a trial, its circuit opened. */
  const openedReplica = async (ready: () => boolean) => {
    const server = createServer((request, response) => response.writeHead(request.url === "/ready" && ready() ? 200 : 503, { connection: "close" }).end());
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
    const replicas = new ReplicaPool({ subgraph: "labor", bases: [base], settings: { ...settings, halfOpenAfterMs: 60_000 }, http, credential: "c", resolveEveryMs: 0, log: createLogger("test") });
    pools.push(replicas);
    const [replica] = replicas.inTurn();
    for (let i = 0; i < settings.breakerFailures; i++) await replica!.policy.execute(refused).catch(() => undefined);
    return replica!;
  };
  const trialDue = async (replica: Replica) => {
    for (const deadline = Date.now() + 5_000; Date.now() < deadline && !replica.policy.available(Date.now()); ) await sleep(50);
    return replica.policy.available(Date.now());
  };

  it("makes an open circuit's trial fetch due as soon as the replica's /ready answers 200, and leaves a replica that fails its trial to its circuit", async () => {
    let ready = false;
    const replica = await openedReplica(() => ready);
    await sleep(600);
    // Starting: not ready yet, so no trial before the half-open time.
    expect(replica.policy.available(Date.now())).toBe(false);
    await expect(replica.policy.execute(() => Promise.resolve("answer"))).rejects.toThrow(/circuit/i);
    ready = true;
    expect(await trialDue(replica)).toBe(true);
    // Ready, yet failing its trial fetch: open again, and not tried again before its half-open time.
    await replica.policy.execute(refused).catch(() => undefined);
    expect(replica.policy.breaker.state).toBe(CircuitState.Open);
    await sleep(600);
    expect(replica.policy.available(Date.now())).toBe(false);
  });

  it("closes the circuit with the trial fetch /ready made due when the replica answers", async () => {
    const replica = await openedReplica(() => true);
    expect(await trialDue(replica)).toBe(true);
    await expect(replica.policy.execute(() => Promise.resolve("answer"))).resolves.toBe("answer");
    expect(replica.policy.breaker.state).toBe(CircuitState.Closed);
  });

  it("looks a service name up again and keeps one replica per address", async () => {
    const replicas = pool(["http://localhost:4002"], 50);
    // Looked up every 50 ms; on a loaded machine the first answer may take longer than a few rounds.
    const bases = () => replicas.inTurn().map((replica) => replica.base);
    for (const deadline = Date.now() + 5_000; Date.now() < deadline && bases()[0] !== "http://127.0.0.1:4002"; ) await sleep(50);
    expect(bases()).toEqual(["http://127.0.0.1:4002"]);
  });
});
