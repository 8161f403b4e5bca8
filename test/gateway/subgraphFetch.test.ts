import http from "node:http";
import type net from "node:net";
import { GraphQLDataSourceRequestKind } from "@apollo/gateway/dist/datasources/types";
import { propagation } from "@opentelemetry/api";
import { ReplicaPool } from "../../gateway/src/resilience/replicaPool";
import { ResilientSubgraphService } from "../../gateway/src/resilience/resilientSubgraphService";
import { subgraphHttp } from "../../gateway/src/resilience/subgraphHttp";
import { GATEWAY_CREDENTIAL_HEADER } from "../../kernel/auth/gatewayCredential";
import { createLogger } from "../../kernel/logger";

type Mode = "ok" | "slow" | "hang" | "cut" | "cutBody" | "unavailable" | "html";

/** A subgraph replica that answers, hangs, cuts the connection or fails as told, counting what reaches it. */
async function replica() {
  const state = { mode: "ok" as Mode, seen: 0, connections: 0, open: 0, mostOpen: 0, headers: {} as http.IncomingHttpHeaders };
  const server = http.createServer((request, response) => {
    state.seen++;
    state.headers = request.headers;
    request.resume();
    request.on("end", () => {
      const answer = JSON.stringify({ data: { householdIncome: { formatted: "SAR 25,000.00" } } });
      if (state.mode === "hang") return;
      if (state.mode === "cut") return void request.socket.destroy();
      if (state.mode === "cutBody") {
        response.writeHead(200, { "content-type": "application/json", "content-length": 500 }).write(answer.slice(0, 10));
        return void setTimeout(() => request.socket.destroy(), 20);
      }
      if (state.mode === "unavailable") return void response.writeHead(503, { "content-type": "text/plain" }).end("unavailable");
      if (state.mode === "html") return void response.writeHead(200, { "content-type": "text/html" }).end("<html>a proxy's page</html>");
      setTimeout(() => response.writeHead(200, { "content-type": "application/json" }).end(answer), state.mode === "slow" ? 40 : 0);
    });
  });
  const sockets = new Set<net.Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    state.connections++;
    state.mostOpen = Math.max(state.mostOpen, ++state.open);
    socket.on("close", () => {
      sockets.delete(socket);
      state.open--;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  const close = () => {
    sockets.forEach((socket) => socket.destroy());
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return Object.assign(state, { base, close });
}

/** An address nothing listens on: connections to it are refused. */
async function refusingBase(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

const settings = { timeoutMs: 300, retries: 1, breakerFailures: 3, halfOpenAfterMs: 60_000 };
const log = createLogger("test");
const QUERY = "query Income__labor__1 { householdIncome { formatted } }";
const MUTATION = "mutation Enroll__labor__0 { requestEnrollment(program: CITIZEN_ACCOUNT) { id } }";

/** The gateway's data source for one subgraph (gateway/src/resilience), as the query plan calls it. */
describe("a subgraph fetch at the gateway", () => {
  const pools: ReplicaPool[] = [];
  const replicas: Array<Awaited<ReturnType<typeof replica>>> = [];
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.close()));
    await Promise.all(replicas.map((r) => r.close()));
  });

  const started = async () => {
    const created = await replica();
    replicas.push(created);
    return created;
  };
  const service = (bases: string[], maxSockets = 4) => {
    const pool = new ReplicaPool({ subgraph: "labor", bases, settings, http: subgraphHttp({ maxSockets, timeoutMs: settings.timeoutMs }), credential: "the-credential", resolveEveryMs: 0, log });
    pools.push(pool);
    return new ResilientSubgraphService({ name: "labor", replicas: pool, retries: settings.retries, log });
  };
  const fetchFrom = (source: ResilientSubgraphService, query = QUERY) =>
    source.process({
      kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
      request: { query, variables: {} },
      context: { viewer: null, lang: "en", requestId: "req-1", forwardedHeaders: { authorization: "Bearer t", "accept-language": "en", "x-request-id": "req-1", "x-access-purpose": undefined } },
      incomingRequestContext: {} as never,
      pathInIncomingRequest: [],
    } as never);
  const reason = (response: Awaited<ReturnType<typeof fetchFrom>>) => response.errors?.[0]?.extensions?.reason;

  it("posts the fetch with the gateway's credential and the client's headers over kept-alive connections, no more than SUBGRAPH_MAX_SOCKETS", async () => {
    const labor = await started();
    const source = service([labor.base], 2);
    const response = await fetchFrom(source);
    expect(response).toEqual({ data: { householdIncome: { formatted: "SAR 25,000.00" } } });
    expect(labor.headers).toMatchObject({ [GATEWAY_CREDENTIAL_HEADER]: "the-credential", authorization: "Bearer t", "x-request-id": "req-1", "content-type": "application/json" });
    expect(labor.headers).not.toHaveProperty("x-access-purpose");
    for (let i = 0; i < 8; i++) await fetchFrom(source);
    expect(labor.connections).toBeLessThanOrEqual(2); // one per fetch without keep-alive

    labor.mode = "slow";
    const answers = await Promise.all(Array.from({ length: 6 }, () => fetchFrom(source)));
    expect(answers.every((answer) => answer.errors === undefined)).toBe(true);
    expect(labor.mostOpen).toBe(2);
  });

  it("carries the trace context when tracing is on", async () => {
    const labor = await started();
    const traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    propagation.setGlobalPropagator({ inject: (_context, carrier, setter) => setter.set(carrier, "traceparent", traceparent), extract: (context) => context, fields: () => ["traceparent"] });
    try {
      await fetchFrom(service([labor.base]));
    } finally {
      propagation.disable();
    }
    expect(labor.headers.traceparent).toBe(traceparent);
  });

  it("retries a query once after a refused connection, and answers SUBGRAPH_UNAVAILABLE with the missing path", async () => {
    const response = await fetchFrom(service([await refusingBase()]));
    expect(response.errors).toEqual([
      { message: expect.stringContaining("labor service is unavailable"), path: ["householdIncome"], extensions: { code: "INTERNAL_SERVER_ERROR", subgraphUnavailable: true, reason: "UNREACHABLE" } },
    ]);
  });

  it.each([
    ["a cut connection", "cut", "UNREACHABLE", 2],
    ["an answer cut short", "cutBody", "UNREACHABLE", 2],
    ["a 503", "unavailable", "HTTP_ERROR", 2],
    ["a body that is not GraphQL", "html", "HTTP_ERROR", 1],
  ] as const)("answers %s with %s after %i attempts of a query, and one of a mutation", async (_what, mode, expected, attempts) => {
    const labor = await started();
    labor.mode = mode;
    const source = service([labor.base]);
    expect(reason(await fetchFrom(source))).toBe(expected);
    expect(labor.seen).toBe(attempts);
    expect(reason(await fetchFrom(source, MUTATION))).toBe(expected);
    expect(labor.seen).toBe(attempts + 1);
  });

  it("goes to the other replica when one refuses", async () => {
    const labor = await started();
    const source = service([await refusingBase(), labor.base]);
    for (let i = 0; i < 4; i++) expect((await fetchFrom(source)).errors).toBeUndefined();
  });

  it("sends a mutation to the other replica when one refuses the connection (a replica stopping in a rolling restart), never after a cut one", async () => {
    const labor = await started();
    const source = service([await refusingBase(), labor.base]);
    for (let i = 0; i < 4; i++) expect((await fetchFrom(source, MUTATION)).errors).toBeUndefined();
    expect(labor.seen).toBe(4);

    const cutting = await started();
    cutting.mode = "cut";
    const other = await started();
    const cut = service([cutting.base, other.base]);
    expect(reason(await fetchFrom(cut, MUTATION))).toBe("UNREACHABLE");
    expect([cutting.seen, other.seen]).toEqual([1, 0]);
  });

  it("times a hung replica out once, without a retry, and its circuit opens after SUBGRAPH_BREAKER_FAILURES timeouts", async () => {
    const labor = await started();
    labor.mode = "hang";
    const source = service([labor.base]);
    const startedAt = Date.now();
    expect(reason(await fetchFrom(source))).toBe("TIMEOUT");
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(settings.timeoutMs - 5);
    expect(Date.now() - startedAt).toBeLessThan(settings.timeoutMs + 1000); // room for a loaded machine, far below the default timeout
    expect(labor.seen).toBe(1);
    for (let i = 1; i < settings.breakerFailures; i++) expect(reason(await fetchFrom(source))).toBe("TIMEOUT");
    expect(reason(await fetchFrom(source))).toBe("CIRCUIT_OPEN");
    expect(labor.seen).toBe(settings.breakerFailures);
  });

  it("counts the time spent waiting for a free connection in the timeout", async () => {
    const labor = await started();
    labor.mode = "hang";
    const source = service([labor.base], 1);
    const startedAt = Date.now();
    const answers = await Promise.all([fetchFrom(source), fetchFrom(source)]);
    expect(answers.map(reason)).toEqual(["TIMEOUT", "TIMEOUT"]);
    // Both within one timeout of their start, the wait included: not one timeout after the other.
    // (Whether the second was sent at all is a race with the first's connection being freed at
    // the same deadline: not asserted.)
    expect(Date.now() - startedAt).toBeLessThan(2 * settings.timeoutMs);
  });
});
