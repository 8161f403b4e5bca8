import crypto from "node:crypto";
import type { ApolloServerPlugin } from "@apollo/server";
import { Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from "graphql";
import { ConfigError, refusedInProduction, setting, type Setting } from "../config";
import type { RequestContext } from "../context";
import { appError } from "../errors";

/**
 * How the gateway proves itself to the subgraphs: a shared secret in this header on every fetch.
 * Our gateway sends it (gateway/src/subgraphService.ts); Apollo Router inserts it with a static
 * header rule (router/router.yaml); the benchmark's other contenders and the tests send it too.
 */
export const GATEWAY_CREDENTIAL_HEADER = "x-gateway-credential";

/** Known to everyone who reads this code: accepted outside production only. */
export const DEVELOPMENT_GATEWAY_CREDENTIAL = "development-gateway-credential-not-for-production";

const MIN_LENGTH = 32;

/** A subgraph's setting: the credentials it accepts, one or two while one is being rotated out. */
export const acceptedCredentialSettings = {
  GATEWAY_CREDENTIALS: credentialsSetting(
    "Gateway credentials this subgraph accepts for _entities and _service (comma-separated; two during a rotation); required in production",
  ),
};

/** The gateway's setting: the credential it sends. */
export const sentCredentialSettings = {
  GATEWAY_CREDENTIAL: refusedInProduction(
    setting.string("Credential the gateway sends to the subgraphs (x-gateway-credential); required in production", DEVELOPMENT_GATEWAY_CREDENTIAL),
    (value, name) => productionProblem(name, [value]),
  ),
};

/** In production the credentials must be the operator's own: not the development one, not short. */
function productionProblem(name: string, values: string[]): string | undefined {
  if (values.includes(DEVELOPMENT_GATEWAY_CREDENTIAL)) return `${name} must be set in production (the development credential is public)`;
  if (values.some((value) => value.length < MIN_LENGTH)) return `${name}: each credential must be at least ${MIN_LENGTH} characters`;
  return undefined;
}

/** A list of credentials, never empty, the operator's own in production. */
function credentialsSetting(doc: string): Setting<string[]> {
  const list = setting.list(doc, DEVELOPMENT_GATEWAY_CREDENTIAL);
  return refusedInProduction(
    {
      ...list,
      parse(raw, name) {
        const values = list.parse(raw, name);
        if (values.length === 0) throw new ConfigError(`${name} is required: the gateway's credential to the subgraphs`);
        return values;
      },
    },
    (values, name) => productionProblem(name, values),
  );
}

function selectsAny(fields: Set<string>, document: DocumentNode, operation: OperationDefinitionNode): boolean {
  const fragments = new Map<string, SelectionSetNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition.selectionSet);
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode): boolean =>
    set.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) return fields.has(selection.name.value);
      if (selection.kind === Kind.INLINE_FRAGMENT) return walk(selection.selectionSet);
      if (seen.has(selection.name.value)) return false;
      seen.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      return fragment ? walk(fragment) : false;
    });
  return walk(operation.selectionSet);
}

function matches(sent: string, accepted: string[]): boolean {
  const digest = (value: string) => crypto.createHash("sha256").update(value).digest();
  return accepted.some((value) => crypto.timingSafeEqual(digest(sent), digest(value)));
}

/**
 * Refuses `_entities` and `_service` without the gateway's credential: with them a caller names
 * any entity by its key and supplies its fields itself, which only the gateway may do. A subgraph
 * names more such root fields of its own (`gatewayOnly`): those whose limits only the gateway applies.
 */
export function gatewayCredentialPlugin(accepted: string[], gatewayOnly: string[] = []): ApolloServerPlugin<RequestContext> {
  const fields = new Set(["_entities", "_service", ...gatewayOnly]);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, contextValue }) {
          if (!operation || !selectsAny(fields, document, operation)) return;
          const sent = request.http?.headers.get(GATEWAY_CREDENTIAL_HEADER);
          if (sent && matches(sent, accepted)) return;
          throw appError("FORBIDDEN", contextValue.lang, contextValue.lang === "ar" ? "هذا الحقل للبوابة وحدها." : "This field is for the gateway alone.", {
            reason: "GATEWAY_CREDENTIAL_REQUIRED",
            http: { status: 403 },
          });
        },
      };
    },
  };
}
