import path from "node:path";
import type http from "node:http";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import type { DataSource, EntitySchema, MixedList } from "typeorm";
import { acceptedCredentialSettings, gatewayCredentialPlugin } from "./auth/gatewayCredential";
import { viewerOf } from "./auth/requestViewer";
import { createTokenVerifier } from "./auth/tokens";
import { remoteKeySet, type KeySet } from "./auth/keySet";
import { ReplicaReader } from "./http/replicas";
import { remoteRevocationList, type RevocationList } from "./auth/revocation";
import type { AuditPolicy } from "./audit/policy";
import { keepAuditMonthsAhead } from "./audit/partitions";
import { auditPlugin } from "./audit/plugin";
import { auditResolvers } from "./audit/resolvers";
import { loadConfig, subgraphSettings, type Config, type ConfigSpec } from "./config";
import { createRequestContext, type RequestContext } from "./context";
import { openDatabase } from "./database/dataSource";
import { buildFederatedSchema, type FederatedSchemaOptions } from "./graphql/federatedSchema";
import { documentLimitSettings, documentLimitsFrom } from "./graphql/documentGuard";
import { formatError } from "./graphql/formatError";
import { oneInputErrorPlugin } from "./graphql/oneInputError";
import { closeGracefully } from "./http/closeGracefully";
import { header, requestIdOf } from "./http/headers";
import { createHttpServer, listen, sendJson, type HttpRoute } from "./http/server";
import { pickLanguage } from "./i18n";
import { createLogger, type Logger } from "./logger";
import { runProcess } from "./process";
import { instrumentDatabase } from "./observability/databaseMetrics";
import { collectProcessMetrics, metricsRoute } from "./observability/metrics";
import { requestObservability } from "./observability/requestPlugin";
import { PURPOSE_HEADER, readPurpose } from "./audit/purpose";
import { knownOperationTypes } from "./graphql/operationTypes";

export type SubgraphConfig<S extends ConfigSpec> = Config<ReturnType<typeof subgraphSettings>> &
  Config<typeof documentLimitSettings> &
  Config<typeof acceptedCredentialSettings> &
  Config<S>;

export interface SubgraphDeps<S extends ConfigSpec> {
  config: SubgraphConfig<S>;
  db: DataSource;
  log: Logger;
}

/** A background job owned by the process (e.g. the outbox dispatcher). */
export interface BackgroundJob {
  stop(): Promise<void>;
}

/** What a subgraph prepares once its database is open. */
export interface SubgraphRuntime {
  /** Keys that verify access tokens; by default the key set the identity provider publishes. */
  keys?: KeySet;
  /** Resolver instances built with their dependencies. */
  resolvers?: object[];
  routes?: HttpRoute[];
  background?: BackgroundJob;
  /** Revoked tokens; by default the identity provider's published list (kernel/auth/revocation.ts). */
  revocations?: RevocationList;
  /** The personal data map: reads and changes of someone else's data are audited (kernel/audit). */
  audit?: AuditPolicy;
}

/**
 * Levels a gateway's fetch may go deeper than the client's operation, which the gateway held to
 * MAX_QUERY_DEPTH: a `@requires` selection added under the field that needs it (labor's Family
 * fields ask civil-affairs for `members { relation citizen { nationalId birthDate } }`, three levels).
 */
const PLANNED_DEPTH = 3;

export interface SubgraphDefinition<S extends ConfigSpec> {
  name: string;
  defaultPort: number;
  settings: S;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  schema: FederatedSchemaOptions;
  /** Root fields besides `_entities` and `_service` only the gateway may ask (gatewayCredentialPlugin). */
  gatewayOnlyFields?: string[];
  seedDemo?(deps: SubgraphDeps<S>): Promise<void>;
  prepare?(deps: SubgraphDeps<S>): Promise<SubgraphRuntime>;
}

export interface RunningSubgraph {
  url: string;
  port: number;
  db: DataSource;
  server: http.Server;
  stop(): Promise<void>;
}

/**
 * Starts one subgraph: configuration, database and migrations, demo data, schema, HTTP server
 * with /graphql, /health and /ready, and a clean stop (in-flight requests finish, database closes).
 */
export async function startSubgraph<S extends ConfigSpec>(
  definition: SubgraphDefinition<S>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunningSubgraph> {
  const config = loadConfig({ ...subgraphSettings(definition.defaultPort), ...documentLimitSettings, ...acceptedCredentialSettings, ...definition.settings }, env) as SubgraphConfig<S>;
  const log = createLogger(definition.name);
  const db = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.EMBEDDED_DATABASE === "memory" ? undefined : path.resolve(config.DATA_DIR, definition.name, "pgdata"),
    entities: definition.entities,
    migrations: definition.migrations,
    log,
    // Demo data once, however many replicas start together (under the migrations' lock).
    prepare: config.DEMO_DATA && definition.seedDemo ? (opened) => definition.seedDemo!({ config, db: opened, log }) : undefined,
  });
  instrumentDatabase(db);
  collectProcessMetrics();
  const deps: SubgraphDeps<S> = { config, db, log };

  const runtime: SubgraphRuntime = (await definition.prepare?.(deps)) ?? {};
  const civilAffairs = new ReplicaReader(config.CIVIL_AFFAIRS_URL);
  const keys = runtime.keys ?? remoteKeySet(civilAffairs, { refreshMs: config.KEY_SET_REFRESH_MS, log });
  const verify = createTokenVerifier(keys, runtime.revocations ?? remoteRevocationList(civilAffairs, config.TOKEN_REVOCATION_REFRESH_MS, log));
  const schema = await buildFederatedSchema(definition.schema, runtime.resolvers, runtime.audit ? auditResolvers(runtime.audit) : undefined);
  const auditMonths = runtime.audit ? keepAuditMonthsAhead(db, log) : null;
  await auditMonths?.ready;

  const routes: HttpRoute[] = [
    // `pid` lets a supervisor tell this process from another one on the same port (scripts/stack.ts).
    { method: "GET", path: "/health", handle: (_req, res) => sendJson(res, 200, { status: "ok", pid: process.pid }) },
    {
      method: "GET",
      path: "/ready",
      // Ready once it can answer: its database responds and it holds the keys that verify tokens
      // (a later failure to refresh them keeps the last set and does not change this).
      handle: async (_req, res) => {
        if (!keys.ready()) return sendJson(res, 503, { status: "no token-signing keys yet", pid: process.pid });
        try {
          await db.query("SELECT 1");
          sendJson(res, 200, { status: "ready", pid: process.pid });
        } catch {
          sendJson(res, 503, { status: "database unavailable" });
        }
      },
    },
    metricsRoute(config.METRICS_TOKEN),
    ...(runtime.routes ?? []),
  ];

  const production = config.NODE_ENV === "production";
  const apollo = new ApolloServer<RequestContext>({
    schema,
    // No "Did you mean …" in production: field suggestions map the schema for a stranger.
    hideSchemaDetailsFromClientErrors: production,
    formatError: formatError(log),
    includeStacktraceInErrorResponses: false,
    validationRules: [knownOperationTypes],
    csrfPrevention: true,
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      // No field has a cache hint: the plugin would only wrap every resolver for nothing.
      ApolloServerPluginCacheControlDisabled(),
      requestObservability<RequestContext>(log),
      oneInputErrorPlugin<RequestContext>(),
      gatewayCredentialPlugin(config.GATEWAY_CREDENTIALS, definition.gatewayOnlyFields),
      ...(runtime.audit ? [auditPlugin(runtime.audit, log)] : []),
    ],
  });
  await apollo.start();

  const httpServer = createHttpServer<RequestContext>({
    graphql: {
      path: "/graphql",
      server: apollo,
      context: async (request) => {
        const lang = pickLanguage(header(request, "accept-language"));
        const requestId = requestIdOf(request);
        return createRequestContext({
          viewer: await viewerOf(request, verify, lang),
          authorization: header(request, "authorization") ?? null,
          lang,
          requestId,
          purpose: readPurpose(header(request, PURPOSE_HEADER), lang),
          purposeRequired: config.NODE_ENV === "production" || config.ACCESS_PURPOSE_REQUIRED,
          db,
          log: log.child({ requestId }),
        });
      },
      screen: { limits: { ...documentLimitsFrom(config), maxDepth: config.MAX_QUERY_DEPTH + PLANNED_DEPTH } },
    },
    routes,
    bodyLimitBytes: 8 * 1024 * 1024,
    log,
    countStatements: !production,
  });
  const port = await listen(httpServer, config.PORT, config.HOST);
  log.info({ port }, `${definition.name} subgraph ready`);

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await runtime.background?.stop();
      auditMonths?.stop();
      await closeGracefully(httpServer);
      keys.close();
      await apollo.stop();
      await db.destroy();
    })());
  return { url: `http://127.0.0.1:${port}`, port, db, server: httpServer, stop };
}

/** Entry point of a subgraph process: start, and stop cleanly on SIGTERM / SIGINT. */
export function runSubgraphProcess<S extends ConfigSpec>(definition: SubgraphDefinition<S>): void {
  runProcess(definition.name, () => startSubgraph(definition));
}
