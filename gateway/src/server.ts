import "./flatFederationExports";
import fs from "node:fs";
import type http from "node:http";
import path from "node:path";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { remoteKeySet } from "../../kernel/auth/keySet";
import { createTokenVerifier } from "../../kernel/auth/tokens";
import { remoteRevocationList } from "../../kernel/auth/revocation";
import { loadConfig, type Config } from "../../kernel/config";
import { formatError } from "../../kernel/graphql/formatError";
import { oneInputErrorPlugin } from "../../kernel/graphql/oneInputError";
import { closeGracefully } from "../../kernel/http/closeGracefully";
import { ReplicaReader } from "../../kernel/http/replicas";
import { createHttpServer, listen, sendJson } from "../../kernel/http/server";
import { createLogger } from "../../kernel/logger";
import { gatewayContext, type GatewayContext } from "./context";
import { offlineLandingPage } from "./landingPage";
import { gatewaySettings } from "./settings";
import { subgraphServices } from "./resilience/subgraphServices";
import { collectProcessMetrics, metricsRoute } from "../../kernel/observability/metrics";
import { requestObservability } from "../../kernel/observability/requestPlugin";
import { supergraphFromFile } from "./supergraphFile";
import { gatewaySecurity } from "./security/gatewaySecurity";
import { AGENCIES } from "../../subgraphs/agencies";
import { webAppRoutes } from "./webApp";
import { IDE_CONTENT_SECURITY_POLICY, pageSecurityHeaders } from "../../kernel/http/securityHeaders";
import { knownOperationTypes } from "../../kernel/graphql/operationTypes";

export type GatewayConfig = Config<typeof gatewaySettings>;

export interface RunningGateway {
  url: string;
  port: number;
  server: http.Server;
  stop(): Promise<void>;
}

/** Each agency's replicas, by subgraph name (subgraphs/agencies.ts). */
function subgraphUrls(config: GatewayConfig): Record<string, string[]> {
  return Object.fromEntries(AGENCIES.map((agency) => [agency.name, config[agency.urlSetting]]));
}

/** Whether each agency can answer: one of its replicas reports ready. */
async function subgraphsReady(urls: Record<string, string[]>): Promise<Record<string, boolean>> {
  const ready = async (base: string) => {
    const response = await fetch(new URL("/ready", base), { signal: AbortSignal.timeout(2000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  };
  const entries = await Promise.all(Object.entries(urls).map(async ([name, bases]) => [name, await Promise.any(bases.map(ready)).then(() => true, () => false)] as const));
  return Object.fromEntries(entries);
}

/** The public entry point: one GraphQL endpoint over the three agencies' subgraphs. */
export async function startGateway(env: NodeJS.ProcessEnv = process.env): Promise<RunningGateway> {
  // @apollo/gateway reports anonymous usage metrics to Apollo unless told not to (read when it is
  // constructed): a government platform sends nothing to third parties.
  process.env.APOLLO_TELEMETRY_DISABLED = "true";
  const config = loadConfig(gatewaySettings, env);
  const log = createLogger("gateway");
  const urls = subgraphUrls(config);
  // Authorization from the supergraph, abuse limits, rate limits, persisted operations (gateway/src/security).
  const webManifest = path.join(config.WEB_DIR, "persisted-operations.json");
  const security = gatewaySecurity(config, log, fs.existsSync(webManifest) ? [webManifest] : []);
  collectProcessMetrics();
  const subgraphs = subgraphServices(config, urls, log);
  const gateway = new ApolloGateway({
    supergraphSdl: security.supergraph(supergraphFromFile(config.SUPERGRAPH_PATH, log)),
    // The supergraph names each subgraph; where it runs comes from this gateway's configuration.
    // Timeout, retry, circuit breaker and keep-alive per subgraph (gateway/src/resilience).
    buildService: (definition) => subgraphs.buildService(definition),
  });
  const production = config.NODE_ENV === "production";
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    hideSchemaDetailsFromClientErrors: production,
    formatError: formatError(log),
    includeStacktraceInErrorResponses: false,
    validationRules: [knownOperationTypes],
    csrfPrevention: true,
    allowBatchedHttpRequests: security.apolloOptions.allowBatchedHttpRequests,
    persistedQueries: security.apolloOptions.persistedQueries,
    introspection: !production,
    plugins: [
      production ? ApolloServerPluginLandingPageDisabled() : offlineLandingPage(),
      // Apollo Server installs these unless told not to: no field has a cache hint and nothing reports traces to Apollo.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      requestObservability<GatewayContext>(log, security.operationLabel),
      oneInputErrorPlugin<GatewayContext>(),
      ...security.apolloOptions.plugins,
    ],
  });
  await apollo.start();
  const civilAffairs = new ReplicaReader(config.CIVIL_AFFAIRS_URL);
  const keys = remoteKeySet(civilAffairs, { refreshMs: config.KEY_SET_REFRESH_MS, log });
  const verify = createTokenVerifier(keys, remoteRevocationList(civilAffairs, config.TOKEN_REVOCATION_REFRESH_MS, log));
  const server = createHttpServer<GatewayContext>({
    graphql: { path: "/graphql", server: security.http(apollo), context: security.context(gatewayContext(verify)), screen: security.screen },
    routes: [
      ...webAppRoutes({ dir: config.WEB_DIR, ide: !production }),
      metricsRoute(config.METRICS_TOKEN),
      { method: "GET", path: "/health", handle: (_req, res) => sendJson(res, 200, { status: "ok", pid: process.pid }) },
      {
        method: "GET",
        path: "/ready",
        // Ready means this gateway can serve: its supergraph is loaded (it listens only then) and it
        // holds the keys that verify tokens. The agencies' own health is reported beside it: one
        // agency down must not take every gateway out of its load balancer, since the others'
        // data is still answered.
        handle: async (_req, res) => {
          const subgraphs = await subgraphsReady(urls);
          const agencies = Object.values(subgraphs).every(Boolean) ? "all up" : "degraded";
          if (!keys.ready()) return sendJson(res, 503, { status: "no token-signing keys yet", pid: process.pid, agencies, subgraphs });
          sendJson(res, 200, { status: "ready", pid: process.pid, agencies, subgraphs });
        },
      },
    ],
    bodyLimitBytes: config.BODY_LIMIT_BYTES,
    log,
    // Any origin in development; in production only the origins the operator lists.
    corsOrigins: config.CORS_ORIGINS.length > 0 || production ? config.CORS_ORIGINS : ["*"],
    pageHeaders: pageSecurityHeaders(IDE_CONTENT_SECURITY_POLICY),
  });
  const port = await listen(server, config.PORT, config.HOST);
  log.info({ port }, "gateway ready");
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await closeGracefully(server);
      await apollo.stop();
      await security.close();
      await subgraphs.close();
      keys.close();
    })());
  return { url: `http://127.0.0.1:${port}/graphql`, port, server, stop };
}
