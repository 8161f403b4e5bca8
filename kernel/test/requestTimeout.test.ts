import net from "node:net";
import type http from "node:http";
import { ApolloServer } from "@apollo/server";
import { createHttpServer, listen } from "../http/server";
import { capturingLogger } from "../../test/support/capturingLogger";

/**
 * A body sent slowly holds its memory only as long as a request may take: an attacker opened 40
 * connections that each announced 7 MB, sent it and stopped, and Node kept them for 300 s.
 */
describe("a request sent too slowly", () => {
  let server: http.Server;
  let port: number;
  let apollo: ApolloServer;
  const { log, lines } = capturingLogger();
  beforeAll(async () => {
    apollo = new ApolloServer({ typeDefs: `type Query { ok: Boolean }`, resolvers: { Query: { ok: () => true } } });
    await apollo.start();
    server = createHttpServer({
      graphql: { path: "/graphql", server: apollo, context: async () => ({}), screen: { limits: { maxQueryBytes: 32 * 1024, maxTokens: 4000, maxFields: 500, maxFieldPairs: 1000, maxFragments: 100, maxDirectives: 50, maxDepth: 12 } } },
      routes: [],
      bodyLimitBytes: 8 * 1024 * 1024,
      log,
      requestTimeoutMs: 400,
    });
    port = await listen(server, 0);
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await apollo.stop();
  });

  /** Sends the headers and `sent` of the announced body, then waits: what the server answers, and when it closes. */
  const stall = (headers: string, sent: string) =>
    new Promise<{ answer: string; closedAfterMs: number }>((resolve) => {
      const started = Date.now();
      let answer = "";
      const socket = net.connect(port, "127.0.0.1", () => socket.write(headers + sent));
      socket.on("data", (chunk) => (answer += chunk.toString()));
      socket.on("close", () => resolve({ answer, closedAfterMs: Date.now() - started }));
      socket.on("error", () => undefined);
    });

  it("is answered 408 and its connection closed once its time is up, a body half sent or the headers never finished", async () => {
    const body = stall("POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 7000000\r\n\r\n", '{"query":"');
    const headers = stall("POST /graphql HTTP/1.1\r\nhost: x\r\n", "");
    for (const stalled of await Promise.all([body, headers])) {
      expect(stalled.answer).toMatch(/^HTTP\/1\.1 408/);
      expect(stalled.closedAfterMs).toBeLessThan(3000);
    }
    // The body's reader is told the client is gone: one info line, no error.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines.filter((line) => line.includes('"level":50'))).toEqual([]);
  });

  it("still answers a request sent in time", async () => {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ ok }" }) });
    expect(await response.json()).toEqual({ data: { ok: true } });
  });
});
