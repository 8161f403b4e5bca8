import { testContext } from "../../../test/support/context";
import { createRequestContext } from "../../../kernel/context";
import { createLogger } from "../../../kernel/logger";
import { execute, parse, type ExecutionResult, type GraphQLSchema } from "graphql";
import { OFFICER_ROLES, type Role } from "../../../kernel/auth/viewer";
import { buildFederatedSchema } from "../../../kernel/graphql/federatedSchema";
import type { Lang } from "../../../kernel/i18n";
import type { DatabaseKind } from "../../../test/support/database";
import { graphql, PURPOSE, type GraphQLResponse } from "../../../test/support/http";
import { startTestIdentityProvider, type TestIdentityProvider } from "../../../test/support/identityProvider";
import { startTestSubgraph, type TestSubgraph } from "../../../test/support/subgraph";
import type { FamilyRegister } from "../src/civilAffairs/civilAffairsRegister";
import { labor } from "../src/definition";
import { laborResolvers } from "../src/laborResolvers";
import { SHIPPED_RULES_FILE } from "../src/settings";
import { loadRuleSet } from "../src/rules/loadRuleSet";

export interface Caller {
  nationalId?: string;
  roles?: Role[];
  lang?: Lang;
  /** x-access-purpose; officers send a test purpose unless this is null. */
  purpose?: string | null;
  /** `run` only: the instant the request is served at (ctx.now, and so ctx.today), pinned; the clock otherwise. */
  now?: Date;
}

/**
 * Labor with its demo data on a fresh database: over HTTP with real tokens (`http`), and in this
 * process on the same database (`run`), where statements can be counted, the request's date can be
 * pinned (`caller.now`) and civil-affairs' register is the given stand-in.
 */
export interface LaborHarness {
  subgraph: TestSubgraph;
  idp: TestIdentityProvider;
  http(query: string, variables?: Record<string, unknown>, caller?: Caller): Promise<GraphQLResponse>;
  run(query: string, variables?: Record<string, unknown>, caller?: Caller): Promise<ExecutionResult<any>>;
  stop(): Promise<void>;
}

export async function startLaborHarness(kind: DatabaseKind, register: FamilyRegister): Promise<LaborHarness> {
  const idp = await startTestIdentityProvider();
  const subgraph = await startTestSubgraph(labor, { kind, civilAffairsUrl: idp.url });
  const ruleSet = loadRuleSet(SHIPPED_RULES_FILE);
  const schema: GraphQLSchema = await buildFederatedSchema(labor.schema, laborResolvers(ruleSet, register));
  return {
    subgraph,
    idp,
    async http(query, variables = {}, caller = {}) {
      const token = caller.nationalId ? await idp.tokenFor(caller.nationalId, caller.roles ?? ["CITIZEN"]) : undefined;
      const officer = (caller.roles ?? []).some((role) => OFFICER_ROLES.includes(role));
      const headers = caller.purpose ? { "x-access-purpose": caller.purpose } : officer && caller.purpose !== null ? PURPOSE : {};
      return graphql(subgraph.graphqlUrl, query, variables, { token, lang: caller.lang, headers });
    },
    run(query, variables = {}, caller = {}) {
      const viewer = caller.nationalId ? { nationalId: caller.nationalId, roles: caller.roles ?? ["CITIZEN"] } : null;
      const lang = caller.lang ?? "en";
      const contextValue = caller.now
        ? createRequestContext({ viewer, authorization: null, lang, requestId: "test", purpose: null, purposeRequired: true, db: subgraph.db, log: createLogger("test"), now: caller.now })
        : testContext(subgraph.db, viewer, lang);
      return Promise.resolve(execute({ schema, document: parse(query), variableValues: variables, contextValue }));
    },
    async stop() {
      await subgraph.stop();
      await idp.stop();
    },
  };
}
