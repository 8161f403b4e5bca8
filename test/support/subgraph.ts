import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { graphql as execute, type ExecutionResult, type GraphQLSchema } from "graphql";
import { OFFICER_ROLES, type Role } from "../../kernel/auth/viewer";
import type { ConfigSpec } from "../../kernel/config";
import { DEV_EVENTS_SECRET } from "../../kernel/events/settings";
import { buildFederatedSchema } from "../../kernel/graphql/federatedSchema";
import type { Lang } from "../../kernel/i18n";
import { startSubgraph, type RunningSubgraph, type SubgraphDefinition } from "../../kernel/subgraph";
import { testContext } from "./context";
import { createTestDatabase, type DatabaseKind } from "./database";
import { graphql, PURPOSE, type GraphQLResponse } from "./http";
import { startTestIdentityProvider } from "./identityProvider";
import { postSigned } from "./signedPost";

export interface TestSubgraph extends RunningSubgraph {
  graphqlUrl: string;
}

/**
 * Starts one subgraph in this process on a free port, on a fresh database of the given kind,
 * with its demo data unless `demoData` is false. `stop()` also removes the database.
 */
export async function startTestSubgraph<S extends ConfigSpec>(
  definition: SubgraphDefinition<S>,
  options: { kind: DatabaseKind; civilAffairsUrl?: string; env?: NodeJS.ProcessEnv; demoData?: boolean },
): Promise<TestSubgraph> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `${definition.name}-`));
  const database = options.kind === "postgres" ? await createTestDatabase(definition.name) : null;
  const running = await startSubgraph(definition, {
    ...process.env,
    NODE_ENV: "test",
    PORT: "0",
    DATA_DIR: dataDir,
    DEMO_DATA: String(options.demoData ?? true),
    EMBEDDED_DATABASE: "memory",
    DEMO_FAMILIES: "60",
    ...(options.civilAffairsUrl ? { CIVIL_AFFAIRS_URL: options.civilAffairsUrl } : {}),
    ...(database ? { DATABASE_URL: database.url } : { DATABASE_URL: "" }),
    ...options.env,
  });
  return {
    ...running,
    graphqlUrl: `${running.url}/graphql`,
    stop: async () => {
      await running.stop();
      await database?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Who sends an operation: no one (no token) without a national ID. */
export interface Caller {
  nationalId?: string;
  /** The token's roles; the identity provider's default (CITIZEN) when not given. */
  roles?: Role[];
  lang?: Lang;
  /** x-access-purpose: an officer sends a test purpose unless this is null. */
  purpose?: string | null;
  /** `run` only: the instant the request is served at (ctx.now, and so ctx.today); the clock otherwise. */
  now?: Date;
}

/** Operations over HTTP as one caller; `headers` add to the caller's or replace them. */
export type Client = (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => Promise<GraphQLResponse>;

/** Signs tokens a subgraph accepts. */
export interface TokenIssuer {
  tokenFor(nationalId: string, roles?: Role[]): Promise<string>;
}

export interface SubgraphHarnessOptions {
  kind: DatabaseKind;
  /** Load the demo data (the default). */
  demoData?: boolean;
  env?: NodeJS.ProcessEnv;
  /**
   * Who signs the tokens. By default a test identity provider (test/support/identityProvider.ts)
   * that the subgraph trusts as civil-affairs; civil-affairs signs its own.
   */
  tokens?: (subgraph: TestSubgraph) => TokenIssuer;
  /** The resolver instances `run` builds the schema with: those the definition's `prepare` builds, over stand-ins. */
  resolvers?: object[];
}

/** A subgraph under test (test/support/subgraph.ts `startSubgraphHarness`). */
export interface SubgraphHarness extends TestSubgraph {
  /** The caller's client, its token signed now. */
  as(caller: Caller): Promise<Client>;
  /** One operation over HTTP (`statements(response)` reads the statements it ran). */
  http(query: string, variables?: Record<string, unknown>, caller?: Caller): Promise<GraphQLResponse>;
  /**
   * One operation in this process on the subgraph's database: `countStatements` sees its
   * statements, and `caller.now` pins its date. No audit, and no resolver instances but `resolvers`.
   */
  run(query: string, variables?: Record<string, unknown>, caller?: Caller): Promise<ExecutionResult<any>>;
  /** POSTs an event to /events, signed as civil-affairs' outbox signs it (with `secret`; unsigned when null). */
  publish(event: unknown, secret?: string | null): Promise<{ status: number; body: any }>;
}

/**
 * The one way a subgraph's tests start it: `startTestSubgraph` on a fresh database of the given
 * kind (use `describe.each(DATABASE_KINDS)`), with callers signed in as any viewer.
 */
export async function startSubgraphHarness<S extends ConfigSpec>(definition: SubgraphDefinition<S>, options: SubgraphHarnessOptions): Promise<SubgraphHarness> {
  const identityProvider = options.tokens ? null : await startTestIdentityProvider();
  let subgraph: TestSubgraph;
  try {
    subgraph = await startTestSubgraph(definition, {
      kind: options.kind,
      demoData: options.demoData,
      civilAffairsUrl: identityProvider?.url,
      // Alone, civil-affairs' outbox has no one to deliver to.
      env: { OUTBOX_SUBSCRIBERS: "", ...options.env },
    });
  } catch (error) {
    await identityProvider?.stop();
    throw error;
  }
  const issuer = options.tokens?.(subgraph) ?? identityProvider!;
  let schema: Promise<GraphQLSchema> | undefined;
  const as = async (caller: Caller): Promise<Client> => {
    const token = caller.nationalId ? await issuer.tokenFor(caller.nationalId, caller.roles) : undefined;
    const officer = (caller.roles ?? []).some((role) => OFFICER_ROLES.includes(role));
    const purpose = caller.purpose ? { "x-access-purpose": caller.purpose } : officer && caller.purpose !== null ? PURPOSE : {};
    return (query, variables = {}, headers = {}) => graphql(subgraph.graphqlUrl, query, variables, { token, lang: caller.lang, headers: { ...purpose, ...headers } });
  };
  return {
    ...subgraph,
    as,
    http: async (query, variables, caller = {}) => (await as(caller))(query, variables),
    async run(query, variables = {}, caller = {}) {
      schema ??= buildFederatedSchema(definition.schema, options.resolvers);
      const viewer = caller.nationalId ? { nationalId: caller.nationalId, roles: caller.roles ?? ["CITIZEN"] } : null;
      const contextValue = testContext(subgraph.db, viewer, caller.lang, caller.now);
      return execute({ schema: await schema, source: query, variableValues: variables, contextValue });
    },
    publish: (event, secret = DEV_EVENTS_SECRET) => postSigned(`${subgraph.url}/events`, event, secret),
    async stop() {
      await subgraph.stop();
      await identityProvider?.stop();
    },
  };
}
