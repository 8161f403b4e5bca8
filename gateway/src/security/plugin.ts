import crypto from "node:crypto";
import type { ApolloServerPlugin, GraphQLRequestListener } from "@apollo/server";
import { GraphQLError, print, type GraphQLSchema } from "graphql";
import { appError, badInput } from "../../../kernel/errors";
import { arabicCount, formatNumber } from "../../../kernel/i18n";
import type { GatewayContext } from "../context";
import { authorizeOperation, type Removal } from "./authorization";
import { authorizationMetadata, type AuthorizationMetadata } from "./directives";
import { loginNationalIds } from "./loginAttempts";
import { exceededLimits, measureOperation, type OperationLimits } from "./limits";
import type { RateLimits } from "./rateLimits";

export interface SecurityPluginOptions {
  limits: OperationLimits;
  rateLimits: RateLimits;
}

const n = (value: number) => formatNumber("ar", value);

/** The operation limits' refusals; in Arabic each number in Arabic-Indic digits, its noun as the number governs it. */
export const LIMIT_MESSAGES: Record<string, { en: (actual: number, max: number) => string; ar: (actual: number, max: number) => string }> = {
  MAX_COST: { en: (a, m) => `The query costs ${a}; at most ${m} is allowed.`, ar: (a, m) => `تكلفة الاستعلام ${n(a)}؛ الحد الأقصى ${n(m)}.` },
  MAX_ALIASES: {
    en: (a, m) => `The query has ${a} aliases; at most ${m} are allowed.`,
    ar: (a, m) => `في الاستعلام ${arabicCount(a, { singular: "اسم مستعار", dual: "اسمين مستعارين", plural: "أسماء مستعارة", accusative: "اسماً مستعاراً" })}؛ الحد الأقصى ${n(m)}.`,
  },
  MAX_ROOT_FIELDS: {
    en: (a, m) => `The query asks ${a} root fields; at most ${m} are allowed.`,
    ar: (a, m) => `يطلب الاستعلام ${arabicCount(a, { singular: "حقل جذري", dual: "حقلين جذريين", plural: "حقول جذرية", accusative: "حقلاً جذرياً" })}؛ الحد الأقصى ${n(m)}.`,
  },
};

/**
 * The gateway's request checks, in order, before the query is planned (the document limits and the
 * allow-list, depth among the limits, ran before parsing: kernel/http/screenOperations.ts): login attempts per
 * national ID, the operation's cost/aliases/root fields,
 * then authorization from the supergraph's `@authenticated` / `@requiresScopes` (refused fields are
 * removed; the response has null and one error per removed path).
 */
export function securityPlugin(options: SecurityPluginOptions): ApolloServerPlugin<GatewayContext> {
  let apiSchema: GraphQLSchema | null = null;
  let metadata: AuthorizationMetadata | null = null;
  return {
    async serverWillStart() {
      return {
        schemaDidLoadOrUpdate({ apiSchema: schema, coreSupergraphSdl }) {
          apiSchema = schema;
          metadata = coreSupergraphSdl ? authorizationMetadata(coreSupergraphSdl) : { types: new Map(), fields: new Map() };
        },
      };
    },
    async requestDidStart(): Promise<GraphQLRequestListener<GatewayContext>> {
      let removals: Removal[] = [];
      let complete: ((data: Record<string, unknown> | null | undefined) => Record<string, unknown> | null | undefined) | null = null;
      return {
        async didResolveOperation(requestContext) {
          const { contextValue: ctx, operation, document, request } = requestContext;
          const lang = ctx.lang;
          if (!operation) {
            // Several operations and no operationName (or a name that is none of them).
            const message = lang === "ar" ? "حدد operationName: في المستند أكثر من عملية." : "Name the operation to run (operationName): the document has several, or none by that name.";
            const error = badInput(lang, [{ field: "operationName", rule: "OPERATION_NAME", message }]);
            throw new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 400 } } });
          }
          if (!apiSchema || !metadata) return;
          const variables = request.variables ?? {};
          const signIns = loginNationalIds(document, operation, variables);
          if (signIns.length > 0 && ctx.client) await options.rateLimits.consumeLoginClient(ctx.client, signIns.length, lang);
          for (const nationalId of signIns) await options.rateLimits.consumeLogin(nationalId, lang);
          const measure = measureOperation(apiSchema, document, operation, variables, options.limits.defaultListSize);
          const exceeded = exceededLimits(measure, options.limits);
          if (exceeded.length > 0) {
            const error = badInput(
              lang,
              exceeded.map(({ rule, actual, max }) => ({ field: "query", rule, message: LIMIT_MESSAGES[rule]![lang](actual, max) })),
            );
            throw new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 400 } } });
          }
          // One client's heavy queries spend its own budget, not everyone's subgraphs.
          if (ctx.client) await options.rateLimits.consumeCost(ctx.client, measure.cost, lang);
          const authorized = authorizeOperation(apiSchema, metadata, document, operation, variables, ctx.viewer);
          if (!authorized.document) return;
          removals = authorized.removals;
          complete = authorized.complete;
          // The gateway plans (and caches plans) by queryHash: the filtered operation gets its own.
          const printed = print(authorized.document);
          const mutable = requestContext as unknown as { document: unknown; queryHash: string; source: string };
          mutable.document = authorized.document;
          mutable.source = printed;
          mutable.queryHash = crypto.createHash("sha256").update(printed).digest("hex");
        },
        async willSendResponse(requestContext) {
          if (!complete || requestContext.response.body.kind !== "single") return;
          const result = requestContext.response.body.singleResult;
          // Nothing ran (a variable that could not be coerced): the refusals of fields never reached would only add noise.
          if (result.data === undefined) return;
          const lang = requestContext.contextValue.lang;
          result.data = complete(result.data as Record<string, unknown> | null | undefined) as typeof result.data;
          const refused = removals.map((removal) => ({ ...appError(removal.code, lang).toJSON(), path: removal.path }));
          result.errors = [...refused, ...(result.errors ?? [])];
        },
      };
    },
  };
}
