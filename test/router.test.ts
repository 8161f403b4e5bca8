import fs from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import { GATEWAY_CREDENTIAL_HEADER } from "../kernel/auth/gatewayCredential";
import { TOKEN_ALGORITHM, TOKEN_AUDIENCE, TOKEN_ISSUER } from "../kernel/auth/tokens";
import { ROLES } from "../kernel/auth/viewer";
import type { Setting } from "../kernel/config";
import { gatewaySettings } from "../gateway/src/settings";
import { FORWARDED } from "../gateway/src/subgraphService";
import { AGENCY_NAMES, agency } from "../subgraphs/agencies";
import { ALLOWED_HEADERS } from "../kernel/http/cors";

/**
 * router/router.yaml (Apollo Router 2.x) is UNVERIFIED: no Router binary runs here. What can be
 * checked is: it is YAML; it uses only documented configuration keys; its values are the gateway's
 * defaults (read from the settings objects, so they cannot drift); it forwards the headers the
 * gateway forwards, to the supergraph's subgraphs.
 */
const root = path.resolve(__dirname, "..");
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");
const text = read("router/router.yaml");
const document = parseDocument(text);
const config = document.toJS() as Record<string, any>;
const settings = gatewaySettings as unknown as Record<string, Setting<unknown>>;

/**
 * The Router's documented configuration keys that router/router.yaml may use: `a.b` nests, `[]` is
 * an item of a list, `*` a name of the operator's choosing (a subgraph's). Taken from the Router
 * 2.13 configuration schema (apollo-router/src/configuration/snapshots/
 * apollo_router__configuration__tests__schema_generation.snap) and these pages:
 * - https://www.apollographql.com/docs/graphos/routing/configuration/yaml (every top-level key, variable expansion)
 * - https://www.apollographql.com/docs/graphos/routing/header-propagation
 * - https://www.apollographql.com/docs/graphos/routing/security/jwt
 * - https://www.apollographql.com/docs/graphos/routing/security/authorization
 * - https://www.apollographql.com/docs/graphos/routing/security/request-limits
 * - https://www.apollographql.com/docs/graphos/routing/performance/query-batching
 * - https://www.apollographql.com/docs/graphos/routing/performance/traffic-shaping
 * - https://www.apollographql.com/docs/graphos/routing/security/persisted-queries
 * - https://www.apollographql.com/docs/graphos/routing/observability/telemetry
 * - https://www.apollographql.com/docs/graphos/routing/security/cors
 * Not here on purpose: `traffic_shaping.*.experimental_retry` (removed in Router 2.0: a config
 * migration deletes it), `limits.router.*` and `headers.*.request.operations` (Router ≥ 2.15/2.16,
 * which upgrade the older form this file uses).
 */
const DOCUMENTED_KEYS = new Set([
  // top level
  "apq", "authentication", "authorization", "batching", "connectors", "coprocessor", "cors", "csrf", "demand_control", "forbid_mutations",
  "headers", "health_check", "homepage", "include_subgraph_errors", "limits", "override_subgraph_url", "persisted_queries", "plugins",
  "rhai", "sandbox", "server", "subscription", "supergraph", "telemetry", "tls", "traffic_shaping",
  // supergraph, homepage, sandbox, health_check
  "supergraph.listen", "supergraph.path", "supergraph.introspection", "supergraph.defer_support", "supergraph.query_planning",
  "homepage.enabled", "homepage.graph_ref", "sandbox.enabled", "health_check.enabled", "health_check.listen", "health_check.path",
  // override_subgraph_url
  "override_subgraph_url.*",
  // headers
  "headers.all", "headers.all.request", "headers.subgraphs", "headers.subgraphs.*", "headers.subgraphs.*.request",
  "headers.all.request[]", "headers.all.request[].insert", "headers.all.request[].propagate", "headers.all.request[].remove",
  "headers.all.request[].insert.name", "headers.all.request[].insert.value", "headers.all.request[].insert.from_context",
  "headers.all.request[].propagate.named", "headers.all.request[].propagate.matching", "headers.all.request[].propagate.rename",
  "headers.all.request[].propagate.default",
  // authentication
  "authentication.router", "authentication.router.jwt", "authentication.router.jwt.jwks", "authentication.router.jwt.jwks[]",
  "authentication.router.jwt.jwks[].url", "authentication.router.jwt.jwks[].issuers", "authentication.router.jwt.jwks[].audiences",
  "authentication.router.jwt.jwks[].algorithms", "authentication.router.jwt.jwks[].poll_interval", "authentication.router.jwt.jwks[].headers",
  "authentication.router.jwt.header_name", "authentication.router.jwt.header_value_prefix", "authentication.router.jwt.sources",
  "authentication.router.jwt.ignore_other_prefixes", "authentication.router.jwt.on_error",
  // authorization
  "authorization.require_authentication", "authorization.directives", "authorization.directives.enabled",
  "authorization.directives.reject_unauthorized", "authorization.directives.dry_run", "authorization.directives.errors",
  // limits
  "limits.max_depth", "limits.max_height", "limits.max_aliases", "limits.max_root_fields", "limits.warn_only", "limits.parser_max_tokens",
  "limits.parser_max_recursion", "limits.http_max_request_bytes", "limits.http1_max_request_headers", "limits.http1_max_request_buf_size",
  "limits.http2_max_headers_list_bytes", "limits.introspection_max_depth",
  // batching
  "batching.enabled", "batching.mode", "batching.maximum_size", "batching.subgraph",
  // traffic_shaping
  "traffic_shaping.router", "traffic_shaping.router.timeout", "traffic_shaping.router.concurrency_limit", "traffic_shaping.router.global_rate_limit",
  "traffic_shaping.all", "traffic_shaping.all.timeout", "traffic_shaping.all.deduplicate_query", "traffic_shaping.all.compression",
  "traffic_shaping.subgraphs", "traffic_shaping.subgraphs.*", "traffic_shaping.subgraphs.*.timeout", "traffic_shaping.subgraphs.*.deduplicate_query",
  "traffic_shaping.subgraphs.*.compression", "traffic_shaping.subgraphs.*.global_rate_limit",
  // persisted_queries, apq
  "persisted_queries.enabled", "persisted_queries.local_manifests", "persisted_queries.local_manifests[]", "persisted_queries.hot_reload",
  "persisted_queries.log_unknown", "persisted_queries.safelist", "persisted_queries.safelist.enabled", "persisted_queries.safelist.require_id",
  "apq.enabled",
  // include_subgraph_errors
  "include_subgraph_errors.all", "include_subgraph_errors.subgraphs",
  // telemetry
  "telemetry.apollo", "telemetry.apollo.field_level_instrumentation_sampler", "telemetry.apollo.send_headers", "telemetry.apollo.send_variable_values",
  "telemetry.exporters", "telemetry.exporters.metrics", "telemetry.exporters.metrics.common", "telemetry.exporters.metrics.common.service_name",
  "telemetry.exporters.metrics.prometheus", "telemetry.exporters.metrics.prometheus.enabled", "telemetry.exporters.metrics.prometheus.listen",
  "telemetry.exporters.metrics.prometheus.path", "telemetry.exporters.metrics.otlp",
  "telemetry.exporters.tracing", "telemetry.exporters.tracing.common", "telemetry.exporters.tracing.common.service_name",
  "telemetry.exporters.tracing.common.sampler", "telemetry.exporters.tracing.propagation", "telemetry.exporters.tracing.propagation.trace_context",
  "telemetry.exporters.tracing.otlp", "telemetry.exporters.tracing.otlp.enabled", "telemetry.exporters.tracing.otlp.endpoint",
  "telemetry.exporters.tracing.otlp.protocol", "telemetry.exporters.tracing.otlp.http", "telemetry.exporters.tracing.otlp.batch_processor",
  // cors
  "cors.allow_any_origin", "cors.allow_credentials", "cors.allow_headers", "cors.expose_headers", "cors.methods", "cors.max_age", "cors.policies",
  "cors.policies[]", "cors.policies[].origins", "cors.policies[].match_origins", "cors.policies[].allow_credentials", "cors.policies[].allow_headers",
  "cors.policies[].expose_headers", "cors.policies[].methods", "cors.policies[].max_age",
  // csrf
  "csrf.required_headers", "csrf.unsafe_disabled",
]);

/** Every key path of a parsed YAML value, in DOCUMENTED_KEYS' notation; the ones not documented. */
function undocumentedKeys(value: unknown, at = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => undocumentedKeys(item, `${at}[]`));
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const named = at ? `${at}.${key}` : key;
    const wildcard = at ? `${at}.*` : "*";
    const documented = DOCUMENTED_KEYS.has(named) ? named : DOCUMENTED_KEYS.has(wildcard) ? wildcard : null;
    return documented === null ? [named] : undocumentedKeys(child, documented);
  });
}

/** `${env.NAME:-fallback}`, as the Router expands it: the gateway's setting NAME with its default. */
const env = (name: string) => {
  const fallback = settings[name]?.fallback;
  if (fallback === undefined) throw new Error(`the gateway has no setting ${name} with a default`);
  return `\${env.${name}:-${fallback}}`;
};


/** The subgraph names of the supergraph the Router runs. */
const supergraph = read("schema/supergraph.graphql");
const SUBGRAPH_NAMES = [...supergraph.matchAll(/@join__graph\(name: "([^"]+)"/g)].map((m) => m[1]!).sort();

describe("router/router.yaml (Apollo Router, unverified)", () => {
  it("is YAML that says it is unverified and how to run it", () => {
    expect(document.errors).toEqual([]);
    expect(document.warnings).toEqual([]);
    expect(text.split("\n")[0]).toMatch(/^# UNVERIFIED/);
    expect(text).toContain("router --supergraph schema/supergraph.graphql --config router/router.yaml");
  });

  it("uses only documented configuration keys", () => {
    expect(undocumentedKeys(config)).toEqual([]);
    // The check itself catches a key the Router does not know.
    expect(undocumentedKeys({ traffic_shaping: { subgraphs: { labor: { experimental_retry: { retry_mutations: false } } } } })).toEqual([
      "traffic_shaping.subgraphs.*.experimental_retry",
    ]);
  });

  it("sends the subgraphs the headers the gateway forwards, and the gateway credential", () => {
    const rules = config.headers.all.request as Array<Record<string, any>>;
    const propagated = rules.filter((rule) => rule.propagate).map((rule) => rule.propagate.named);
    expect(propagated).toEqual([...FORWARDED]);
    expect(rules.filter((rule) => rule.insert).map((rule) => rule.insert)).toEqual([{ name: GATEWAY_CREDENTIAL_HEADER, value: "${env.GATEWAY_CREDENTIAL}" }]);
  });

  it("routes to the supergraph's subgraphs at the gateway's URLs, with its timeout", () => {
    expect(SUBGRAPH_NAMES).toEqual([...AGENCY_NAMES].sort());
    expect(Object.keys(config.override_subgraph_url).sort()).toEqual(SUBGRAPH_NAMES);
    expect(Object.keys(config.traffic_shaping.subgraphs).sort()).toEqual(SUBGRAPH_NAMES);
    for (const name of SUBGRAPH_NAMES) {
      expect(config.override_subgraph_url[name]).toBe(`${env(agency(name).urlSetting)}/graphql`);
      expect(config.traffic_shaping.subgraphs[name]).toEqual({ timeout: `${env("SUBGRAPH_TIMEOUT_MS")}ms` });
    }
    expect(config.supergraph).toMatchObject({ listen: `${env("HOST")}:${env("PORT")}`, path: "/graphql", introspection: false });
  });

  it("verifies tokens as the gateway does, and reads the roles the tokens carry as scopes", () => {
    expect(config.authentication.router.jwt.jwks).toEqual([
      {
        url: `${env("CIVIL_AFFAIRS_URL")}/.well-known/jwks.json`,
        issuers: [TOKEN_ISSUER],
        audiences: [TOKEN_AUDIENCE],
        algorithms: [TOKEN_ALGORITHM],
        poll_interval: `${env("KEY_SET_REFRESH_MS")}ms`,
      },
    ]);
    expect(config.authorization).toEqual({ require_authentication: false, directives: { enabled: true, reject_unauthorized: false } });
    // Every scope the supergraph requires is a role, so the token's `scope` claim (its roles) can satisfy it.
    const scopes = new Set([...supergraph.matchAll(/@requiresScopes\(scopes: (\[\[".*?\]\])\)/g)].flatMap((m) => (JSON.parse(m[1]!) as string[][]).flat()));
    expect(scopes.size).toBeGreaterThan(0);
    for (const scope of scopes) expect(ROLES).toContain(scope);
  });

  it("has the gateway's limits and batch size", () => {
    expect(config.limits).toEqual({
      max_depth: env("MAX_QUERY_DEPTH"),
      max_aliases: env("MAX_ALIASES"),
      max_root_fields: env("MAX_ROOT_FIELDS"),
      max_height: env("MAX_QUERY_FIELDS"),
      parser_max_tokens: env("MAX_QUERY_TOKENS"),
      http_max_request_bytes: env("BODY_LIMIT_BYTES"),
    });
    expect(Number(settings.MAX_BATCH_SIZE!.fallback)).toBeGreaterThan(1); // batching on, as in the gateway
    expect(config.batching).toEqual({ enabled: true, mode: "batch_http_link", maximum_size: env("MAX_BATCH_SIZE") });
  });

  it("accepts registered operations only, from a manifest in Apollo's format", () => {
    expect(config.persisted_queries).toEqual({ enabled: true, local_manifests: ["${env.PERSISTED_OPERATIONS_FILE}"], safelist: { enabled: true, require_id: false } });
    expect(config.apq).toEqual({ enabled: false }); // the Router refuses APQ with a safelist
    expect(settings.PERSISTED_OPERATIONS_FILE).toBeDefined();
  });

  it("exports Prometheus metrics and OTLP traces over HTTP, as the gateway does", () => {
    expect(config.telemetry.exporters.metrics.prometheus).toMatchObject({ enabled: true, path: "/metrics" });
    expect(config.telemetry.exporters.tracing.otlp).toEqual({ enabled: true, protocol: "http", endpoint: "${env.OTEL_EXPORTER_OTLP_ENDPOINT:-http://127.0.0.1:4318}" });
    expect(settings.OTEL_EXPORTER_OTLP_ENDPOINT).toBeDefined();
    expect(config.telemetry.exporters.tracing.propagation).toEqual({ trace_context: true });
  });

  it("answers CORS for listed origins only, without credentials, with the gateway's headers", () => {
    expect(config.cors.allow_any_origin).toBe(false);
    expect(config.cors.allow_credentials).toBe(false);
    expect(config.cors.policies).toHaveLength(1);
    const [policy] = config.cors.policies;
    expect(policy.origins.length).toBeGreaterThan(0);
    expect(policy.origins).not.toContain("https://studio.apollographql.com");
    expect(policy.allow_credentials).toBe(false);
    // kernel/http/cors.ts does not export its lists: read from its source.
    expect(policy.allow_headers).toEqual(ALLOWED_HEADERS.split(", "));
    expect(policy.methods).toEqual(["GET", "POST", "OPTIONS"]);
    expect(policy.expose_headers).toEqual(["x-request-id", "retry-after"]);
    expect(policy.max_age).toBe("600s");
  });
});
