import type { IncomingMessage } from "node:http";
import { HeaderMap, type ApolloServer, type ApolloServerPlugin, type ApolloServerOptions, type BaseContext, type HTTPGraphQLResponse } from "@apollo/server";
import { GraphQLError } from "graphql";
import type { SupergraphSdlHook } from "@apollo/gateway";
import type { Config } from "../../../kernel/config";
import { documentLimitsFrom } from "../../../kernel/graphql/documentGuard";
import type { OperationScreen } from "../../../kernel/http/screenOperations";
import { clientAddress, trustedProxies } from "../../../kernel/http/clientAddress";
import { errorResponse } from "../../../kernel/http/errorResponse";
import { header } from "../../../kernel/http/headers";
import { pickLanguage } from "../../../kernel/i18n";
import type { Logger } from "../../../kernel/logger";
import { operationLabel } from "../../../kernel/observability/metrics";
import type { OperationLabel } from "../../../kernel/observability/requestPlugin";
import type { GatewayContext } from "../context";
import { declareEnforcedSecurityFeatures } from "./directives";
import { ManifestFirstCache, RegisteredOperations, sha256 } from "./persistedOperations";
import { securityPlugin } from "./plugin";
import { createRateLimits, type RateLimits } from "./rateLimits";
import type { securitySettings } from "./settings";

export type SecurityConfig = Config<typeof securitySettings>;

export interface GatewaySecurity {
  /** Options for `new ApolloServer(...)`: the security plugin, batching, the persisted-operation cache. */
  apolloOptions: Pick<ApolloServerOptions<GatewayContext>, "allowBatchedHttpRequests" | "persistedQueries"> & { plugins: ApolloServerPlugin<GatewayContext>[] };
  /** Wraps the supergraph source so that @apollo/gateway accepts the authorization features this gateway enforces. */
  supergraph(hook: SupergraphSdlHook): SupergraphSdlHook;
  /** Wraps the context function: the per-client rate limit (token subject, else IP address). */
  context(inner: (request: IncomingMessage) => Promise<GatewayContext>): (request: IncomingMessage) => Promise<GatewayContext>;
  /** Screens each operation before Apollo Server parses it: document limits, registered operations only (if configured). */
  screen: OperationScreen;
  /** Wraps the Apollo server for the HTTP layer: refuses batches larger than MAX_BATCH_SIZE. */
  http<C extends BaseContext>(server: ApolloServer<C>): ApolloServer<C>;
  /** What names a request in the metrics: a registered operation's name, else "unregistered" (a client cannot grow the label set). */
  operationLabel: OperationLabel<GatewayContext>;
  rateLimits: RateLimits;
  close(): Promise<void>;
}

/** A refusal (RATE_LIMITED) as Apollo Server's HTTP response. */
function refusal(error: unknown): HTTPGraphQLResponse {
  if (!(error instanceof GraphQLError)) throw error;
  const { status, headers, body } = errorResponse(error);
  return { status, headers: new HeaderMap(headers), body: { kind: "complete", string: body } };
}

/**
 * `clientManifests`: the manifests of the clients this gateway serves itself (the web app's, built
 * from its documents), registered beside PERSISTED_OPERATIONS_FILE.
 */
export function gatewaySecurity(config: SecurityConfig, log: Logger, clientManifests: string[] = []): GatewaySecurity {
  const rateLimits = createRateLimits({
    clientPoints: config.RATE_LIMIT_POINTS,
    clientWindowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
    loginPoints: config.LOGIN_RATE_LIMIT_POINTS,
    loginWindowSeconds: config.LOGIN_RATE_LIMIT_WINDOW_SECONDS,
    costPerMinute: config.COST_BUDGET_PER_MINUTE,
    loginClientPoints: config.LOGIN_CLIENT_RATE_LIMIT_POINTS,
    redisUrl: config.REDIS_URL,
    redisKeyPrefix: config.REDIS_KEY_PREFIX,
    log,
  });
  const manifestFiles = [...(config.PERSISTED_OPERATIONS_FILE ? [config.PERSISTED_OPERATIONS_FILE] : []), ...clientManifests];
  const manifest = manifestFiles.length > 0 ? new RegisteredOperations(manifestFiles, (error) => log.error({ err: error }, "a changed persisted-operations manifest does not load; the operations registered before stay")) : null;
  if (config.ONLY_PERSISTED_OPERATIONS && !manifest) throw new Error("ONLY_PERSISTED_OPERATIONS=true needs PERSISTED_OPERATIONS_FILE");
  const plugin = securityPlugin({
    limits: {
      maxCost: config.MAX_QUERY_COST,
      maxAliases: config.MAX_ALIASES,
      maxRootFields: config.MAX_ROOT_FIELDS,
      defaultListSize: config.LIST_SIZE_DEFAULT,
    },
    rateLimits,
  });
  const onlyPersisted = config.ONLY_PERSISTED_OPERATIONS ? manifest : null;
  const proxies = trustedProxies(config.TRUSTED_PROXIES);
  const maxBatch = Math.max(1, config.MAX_BATCH_SIZE);
  return {
    apolloOptions: {
      plugins: [plugin],
      allowBatchedHttpRequests: maxBatch > 1,
      ...(manifest ? { persistedQueries: { cache: new ManifestFirstCache(manifest) } } : {}),
    },
    supergraph: (hook) => async (options) => {
      const result = await hook({ ...options, update: (sdl) => options.update(declareEnforcedSecurityFeatures(sdl)) });
      return { ...result, supergraphSdl: declareEnforcedSecurityFeatures(result.supergraphSdl) };
    },
    context: (inner) => async (request) => {
      const address = `ip:${clientAddress(request, proxies)}`;
      let context: GatewayContext;
      try {
        context = await inner(request);
      } catch (refused) {
        // A refused token still costs its sender a request (else forged tokens flood for free).
        await rateLimits.consumeClient(address, pickLanguage(header(request, "accept-language")));
        throw refused;
      }
      context.client = context.viewer ? `sub:${context.viewer.nationalId}` : address;
      await rateLimits.consumeClient(context.client, context.lang);
      return context;
    },
    operationLabel: ({ request, operationName }) => {
      const persisted = (request.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined)?.sha256Hash;
      const hash = typeof persisted === "string" ? persisted : request.query !== undefined ? sha256(request.query) : undefined;
      return manifest && hash !== undefined && manifest.has(hash) ? operationLabel(operationName) : "unregistered";
    },
    screen: {
      limits: documentLimitsFrom(config),
      ...(onlyPersisted && {
        isAllowed: ({ query, persistedHash }) => (query !== undefined ? onlyPersisted.has(sha256(query)) : persistedHash !== undefined && onlyPersisted.has(persistedHash)),
      }),
    },
    http: (server) => {
      const guarded = Object.create(server) as typeof server;
      guarded.executeHTTPGraphQLRequest = async (args) => {
        const body = args.httpGraphQLRequest.body;
        if (Array.isArray(body) && body.length > maxBatch) {
          const message = `A batch may hold at most ${maxBatch} operations; this one has ${body.length}.`;
          return {
            status: 400,
            headers: new HeaderMap([["content-type", "application/json; charset=utf-8"]]),
            body: { kind: "complete", string: JSON.stringify({ errors: [{ message, extensions: { code: "BAD_USER_INPUT", reason: "MAX_BATCH_SIZE", maxBatchSize: maxBatch, violations: [{ field: "body", rule: "MAX_BATCH_SIZE", message }] } }] }) },
          };
        }
        // The request itself was counted as it came in; each further operation of a batch counts too.
        if (Array.isArray(body) && body.length > 1) {
          const context = (await args.context()) as unknown as GatewayContext;
          if (context.client) {
            try {
              await rateLimits.consumeClient(context.client, context.lang, body.length - 1);
            } catch (error) {
              return refusal(error);
            }
          }
        }
        return server.executeHTTPGraphQLRequest(args);
      };
      return guarded;
    },
    rateLimits,
    close: () => rateLimits.close(),
  };
}
