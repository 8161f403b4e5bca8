import http from "node:http";
import { graphql } from "../support/http";
import { freePort } from "../support/stack";
import { sleep, spawnGateway } from "./support";

/** OpenTelemetry is off by default; with OTEL_EXPORTER_OTLP_ENDPOINT set, spans reach the collector. */
describe("tracing", () => {
  it("starts with an OTLP endpoint set and exports the spans of a request to it", async () => {
    const received: Array<{ path: string; body: string }> = [];
    const collector = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        received.push({ path: request.url ?? "", body: Buffer.concat(chunks).toString("utf8") });
        response.writeHead(200, { "content-type": "application/json" }).end("{}");
      });
    });
    const port = await freePort();
    await new Promise<void>((resolve) => collector.listen(port, "127.0.0.1", resolve));
    // The gateway alone: its supergraph is static, so it starts without the subgraphs.
    const gateway = await spawnGateway({ OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`, OTEL_BSP_SCHEDULE_DELAY: "100", CIVIL_AFFAIRS_URL: "http://127.0.0.1:9" });
    try {
      const response = await graphql(gateway.url, `query Ping { __typename }`);
      expect(response.data).toEqual({ __typename: "Query" });
      const deadline = Date.now() + 15_000;
      while (!received.some((r) => r.path === "/v1/traces") && Date.now() < deadline) await sleep(100);
      const traces = received.filter((r) => r.path === "/v1/traces");
      expect(traces.length).toBeGreaterThan(0);
      const payload = JSON.parse(traces[0].body);
      const spans = payload.resourceSpans.flatMap((r: any) => r.scopeSpans.flatMap((s: any) => s.spans));
      expect(spans.length).toBeGreaterThan(0);
      expect(spans.some((span: any) => span.kind === 2 /* SERVER */)).toBe(true);
      const service = payload.resourceSpans[0].resource.attributes.find((a: any) => a.key === "service.name");
      expect(service.value.stringValue).toBe("gateway");
    } finally {
      await gateway.stop();
      await new Promise((resolve) => collector.close(resolve));
    }
    expect(gateway.logs.filter((line) => /"level":50|Error/.test(line))).toEqual([]);
  });
});
