/**
 * Contender (d), the floor: one process hosting the three subgraph schemas (same type-graphql
 * resolvers, same databases) behind an in-process ApolloGateway whose data sources execute each
 * fetch against the subgraph schema with graphql `execute()` instead of HTTP, so that the query
 * plan is the same as federation's but without network hops, JSON (de)serialisation between
 * processes, or re-verifying the token in every subgraph (verified once, here).
 * Databases: CIVIL_AFFAIRS_DATABASE_URL, LABOR_DATABASE_URL, DELIVERY_DATABASE_URL.
 */
import path from "node:path";
import crypto from "node:crypto";
import { ApolloGateway, type GraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { execute, parse, type DocumentNode, type GraphQLSchema } from "graphql";
import type { DataSource } from "typeorm";
import { viewerOf } from "../../kernel/auth/requestViewer";
import { createTokenVerifier, type TokenVerifier } from "../../kernel/auth/tokens";
import type { KeySet } from "../../kernel/auth/keySet";
import type { Viewer } from "../../kernel/auth/viewer";
import { loadConfig, subgraphSettings, type ConfigSpec } from "../../kernel/config";
import { createRequestContext } from "../../kernel/context";
import { openDatabase } from "../../kernel/database/dataSource";
import { runCounted, StatementCount } from "../../kernel/database/statementCounter";
import { buildFederatedSchema } from "../../kernel/graphql/federatedSchema";
import { documentLimitSettings, documentLimitsFrom } from "../../kernel/graphql/documentGuard";
import { formatError } from "../../kernel/graphql/formatError";
import { header } from "../../kernel/http/headers";
import { createHttpServer, listen, sendJson } from "../../kernel/http/server";
import { pickLanguage, type Lang } from "../../kernel/i18n";
import { createLogger, type Logger } from "../../kernel/logger";
import type { SubgraphConfig, SubgraphDefinition } from "../../kernel/subgraph";
import { SUBGRAPHS } from "../../subgraphs";
import { PORT, ready, supergraphSdl } from "./common";
import { agency, agencySetting } from "../../subgraphs/agencies";

interface MonolithContext {
  viewer: Viewer | null;
  lang: Lang;
  requestId: string;
  authorization: string | null;
  purpose: string | null;
}

interface LocalSubgraph {
  name: string;
  schema: GraphQLSchema;
  db: DataSource;
  log: Logger;
  keys?: KeySet;
}


/** What startSubgraph does up to the schema, without the HTTP server (and without background jobs). */
async function loadSubgraph(definition: SubgraphDefinition<ConfigSpec>): Promise<LocalSubgraph> {
  const env = { ...process.env, DATABASE_URL: process.env[agencySetting(agency(definition.name), "DATABASE_URL")], DEMO_DATA: "false" };
  const config = loadConfig({ ...subgraphSettings(definition.defaultPort), ...documentLimitSettings, ...definition.settings }, env) as SubgraphConfig<ConfigSpec>;
  const log = createLogger(definition.name);
  const db = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.DATABASE_URL ? undefined : path.resolve(config.DATA_DIR, definition.name, "pgdata"),
    entities: definition.entities,
    migrations: definition.migrations,
    log,
  });
  const runtime = (await definition.prepare?.({ config, db, log })) ?? {};
  // The separate civil-affairs process dispatches the outbox; this one must not compete for it.
  await runtime.background?.stop();
  const schema = await buildFederatedSchema(definition.schema, runtime.resolvers);
  return { name: definition.name, schema, db, log, keys: runtime.keys };
}

/** A fetch of the query plan, executed in-process against the subgraph's schema. */
class InProcessDataSource implements GraphQLDataSource<MonolithContext> {
  private readonly documents = new Map<string, DocumentNode>();
  constructor(private readonly subgraph: LocalSubgraph) {}

  async process({ request, context }: GraphQLDataSourceProcessOptions<MonolithContext>) {
    const query = request.query!;
    let document = this.documents.get(query);
    if (!document) {
      document = parse(query);
      if (this.documents.size < 1000) this.documents.set(query, document);
    }
    const own = "requestId" in context ? context : null;
    const contextValue = createRequestContext({
      viewer: own?.viewer ?? null,
      authorization: own?.authorization ?? null,
      lang: own?.lang ?? "en",
      requestId: own?.requestId ?? crypto.randomUUID(),
      purpose: own?.purpose ?? null,
      purposeRequired: false,
      db: this.subgraph.db,
      log: this.subgraph.log,
    });
    const result = await runCounted(new StatementCount(), async () =>
      execute({ schema: this.subgraph.schema, document, variableValues: request.variables, contextValue }),
    );
    return result as never;
  }
}

async function main(): Promise<void> {
  const subgraphs = await Promise.all(SUBGRAPHS.map(loadSubgraph));
  const byName = new Map(subgraphs.map((s) => [s.name, s]));
  const log = createLogger("monolith");
  const gateway = new ApolloGateway({ supergraphSdl: supergraphSdl(), buildService: ({ name }) => new InProcessDataSource(byName.get(name)!) });
  const apollo = new ApolloServer<MonolithContext>({ gateway, formatError: formatError(log), csrfPrevention: true });
  await apollo.start();
  const civil = byName.get("civil-affairs")!;
  if (!civil.keys) throw new Error("civil-affairs prepared no signing keys");
  const verify: TokenVerifier = createTokenVerifier(civil.keys);
  const server = createHttpServer<MonolithContext>({
    graphql: {
      path: "/graphql",
      server: apollo,
      screen: { limits: documentLimitsFrom(loadConfig(documentLimitSettings)) },
      context: async (request) => {
        const lang = pickLanguage(header(request, "accept-language"));
        return {
          viewer: await viewerOf(request, verify, lang),
          lang,
          requestId: header(request, "x-request-id") ?? crypto.randomUUID(),
          authorization: header(request, "authorization") ?? null,
          purpose: header(request, "x-access-purpose")?.trim() || null,
        };
      },
    },
    routes: [{ method: "GET", path: "/health", handle: (_req, res) => sendJson(res, 200, { status: "ok" }) }],
    bodyLimitBytes: 8 * 1024 * 1024,
    log,
  });
  const port = await listen(server, PORT, "127.0.0.1");
  ready("monolith", port);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
