import path from "node:path";

/**
 * OpenTelemetry tracing, off unless OTEL_EXPORTER_OTLP_ENDPOINT is set. When on, the NodeSDK
 * exports spans with the OTLP HTTP exporter (JSON to `${endpoint}/v1/traces`) and instruments
 * node:http, so every request in and out (outbox → delivery, a subgraph's answer) is a span and
 * the W3C traceparent header carries the trace across processes (the gateway's fetches go over
 * undici and send it themselves: gateway/src/subgraphService.ts). The other OTEL_* variables
 * (OTEL_SERVICE_NAME, OTEL_BSP_SCHEDULE_DELAY, OTEL_EXPORTER_OTLP_HEADERS, ...) work as the
 * OpenTelemetry specification says.
 *
 * The SDK's modules are loaded only when tracing is on, so a service without it pays nothing.
 */
interface Tracing {
  shutdown(): Promise<void>;
}

let running: Tracing | null = null;

/** The service's name from its entry file (subgraphs/<name>/src/main.ts, gateway/src/main.ts). */
export function serviceNameOf(entry: string | undefined): string {
  if (!entry) return "family-record";
  const parts = path.resolve(entry).split(path.sep);
  const subgraphs = parts.lastIndexOf("subgraphs");
  if (subgraphs >= 0 && parts[subgraphs + 1]) return parts[subgraphs + 1];
  if (parts.includes("gateway")) return "gateway";
  return "family-record";
}

export function startTracing(serviceName: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (running || !env.OTEL_EXPORTER_OTLP_ENDPOINT) return running !== null;
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { NodeSDK } = require("@opentelemetry/sdk-node") as typeof import("@opentelemetry/sdk-node");
  const { OTLPTraceExporter } = require("@opentelemetry/exporter-trace-otlp-http") as typeof import("@opentelemetry/exporter-trace-otlp-http");
  const { HttpInstrumentation } = require("@opentelemetry/instrumentation-http") as typeof import("@opentelemetry/instrumentation-http");
  /* eslint-enable @typescript-eslint/no-require-imports */
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME ?? serviceName,
    traceExporter: new OTLPTraceExporter(),
    instrumentations: [
      new HttpInstrumentation({
        // Probes and scrapes would drown the traces.
        ignoreIncomingRequestHook: (request) => /^\/(health|ready|metrics)\b/.test(request.url ?? ""),
      }),
    ],
    // Traces only: no OTLP log or metric export (logs are JSON on stdout, metrics on /metrics).
    logRecordProcessors: [],
  });
  sdk.start();
  running = { shutdown: () => sdk.shutdown() };
  return true;
}

/** Flushes the spans not yet exported; called on a clean stop. */
export async function shutdownTracing(): Promise<void> {
  const current = running;
  running = null;
  await current?.shutdown().catch(() => undefined);
}
