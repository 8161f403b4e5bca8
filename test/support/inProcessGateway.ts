import { startGateway } from "../../gateway/src/server";
import { testGatewayEnv, type TestGateway } from "./gatewayProcess";

/**
 * The gateway started in the test's own process (as Hive Gateway's testing package does), with
 * these settings on top of gatewayProcess's defaults: every agency dead unless given, no Redis.
 * Same shape as `gatewayProcess` (url, port, stop) without the seconds a process spends compiling
 * at start. Tests of the event loop, of a process's exit or death, and of replicas keep processes.
 *
 * Several in one test file do not clash: each has its own server, rate limits and subgraph
 * connections. What they share is the process's: the Prometheus registry of
 * kernel/observability/metrics.ts (metrics created once, so counters add up across the file's
 * gateways: compare counts before and after), and `process.env.APOLLO_TELEMETRY_DISABLED`, which
 * `startGateway` sets to "true" (jest gives each test file its own copy of process.env, so it
 * stays in that file; "true" is the direction a test process should keep anyway).
 */
export async function inProcessGateway(env: NodeJS.ProcessEnv = {}): Promise<TestGateway> {
  const running = await startGateway(testGatewayEnv(0, env));
  return { url: running.url, port: running.port, stop: running.stop };
}
