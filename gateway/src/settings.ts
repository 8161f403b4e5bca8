import { logLevelSetting, metricsTokenSetting, nodeEnvSetting, setting, type Setting } from "../../kernel/config";
import { sentCredentialSettings } from "../../kernel/auth/gatewayCredential";
import { securitySettings } from "./security/settings";
import { AGENCIES, type AgencyUrlSetting } from "../../subgraphs/agencies";

/** Where each agency of the registry runs: CIVIL_AFFAIRS_URL, LABOR_URL, … (civil-affairs is also the identity provider). */
function agencyUrlSettings(): Record<AgencyUrlSetting, Setting<string[]>> {
  return Object.fromEntries(
    AGENCIES.map((agency) => [agency.urlSetting, setting.urls(`Base URL of the ${agency.name} subgraph`, `http://127.0.0.1:${agency.defaultPort}`)]),
  ) as Record<AgencyUrlSetting, Setting<string[]>>;
}

export const gatewaySettings = {
  NODE_ENV: nodeEnvSetting,
  PORT: setting.int("HTTP port of the gateway", 4000),
  HOST: setting.string("Interface to listen on (0.0.0.0 in containers)", "127.0.0.1"),
  ...agencyUrlSettings(),
  SUBGRAPH_RESOLVE_MS: setting.int("How often a subgraph URL's host name is looked up again, one replica per address (a Kubernetes headless Service, compose's scaled service); 0: never", 0),
  KEY_SET_REFRESH_MS: setting.int("How often the token-signing key set is fetched again from civil-affairs: the longest a new or withdrawn key goes unseen here", 60_000),
  SUPERGRAPH_PATH: setting.string("Composed supergraph SDL; reloaded when the file changes", "schema/supergraph.graphql"),
  WEB_DIR: setting.string("The built web app (npm run web:build): served at /, its persisted-operations manifest registered", "web/dist"),
  BODY_LIMIT_BYTES: setting.int("Largest request body accepted", 8 * 1024 * 1024),
  CORS_ORIGINS: setting.list("Comma-separated origins of browser clients allowed to call the gateway; * for any; unset: any in development, none in production"),
  LOG_LEVEL: logLevelSetting,
  TOKEN_REVOCATION_REFRESH_MS: setting.int("How often the list of revoked tokens is fetched from civil-affairs (the window in which a revoked token still passes)", 5000),
  SUBGRAPH_TIMEOUT_MS: setting.int("Longest wait for one attempt at a subgraph fetch; then that part of the answer is a subgraph-unavailable error", 5000),
  SUBGRAPH_RETRIES: setting.int("Extra attempts of a query fetch after a connection failure or 502/503/504, on another replica when there is one (a mutation goes to another replica only when it never reached one)", 1),
  SUBGRAPH_BREAKER_FAILURES: setting.int("Consecutive failed fetches that open a replica's circuit (fail fast; the others still serve)", 5),
  SUBGRAPH_BREAKER_HALF_OPEN_MS: setting.int("How long an open circuit fails fast before one trial fetch", 2000),
  SUBGRAPH_MAX_SOCKETS: setting.int("Keep-alive connections per subgraph replica at most", 64),
  METRICS_TOKEN: metricsTokenSetting,
  OTEL_EXPORTER_OTLP_ENDPOINT: setting.optional("OpenTelemetry collector (OTLP over HTTP); set: traces are exported, unset: tracing is off"),
  ...sentCredentialSettings,
  ...securitySettings,
};
