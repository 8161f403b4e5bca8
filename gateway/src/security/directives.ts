import { Kind, parse, type ConstDirectiveNode, type ConstValueNode, type DocumentNode } from "graphql";

/** What a field or type declares: a token, and/or scopes (each entry: any one inner list, all of it). */
export interface Requirement {
  authenticated: boolean;
  /** Conjunction of `@requiresScopes` declarations; each is a disjunction of conjunctions of scopes. */
  scopes: string[][][];
}

export interface AuthorizationMetadata {
  types: Map<string, Requirement>;
  /** Keyed by `Type.field`. */
  fields: Map<string, Requirement>;
}

const AUTHENTICATED_SPEC = "https://specs.apollo.dev/authenticated/";
const REQUIRES_SCOPES_SPEC = "https://specs.apollo.dev/requiresScopes/";

function stringArg(directive: ConstDirectiveNode, name: string): string | undefined {
  const arg = directive.arguments?.find((a) => a.name.value === name);
  return arg?.value.kind === Kind.STRING ? arg.value.value : undefined;
}

function valueOf(node: ConstValueNode): unknown {
  if (node.kind === Kind.LIST) return node.values.map(valueOf);
  if (node.kind === Kind.STRING || node.kind === Kind.ENUM) return node.value;
  return null;
}

/** The names the supergraph gives the two directives (a `@link(..., as:)` may rename them). */
function directiveNames(document: DocumentNode): { authenticated: string; requiresScopes: string } {
  const names = { authenticated: "authenticated", requiresScopes: "requiresScopes" };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== "link") continue;
      const url = stringArg(directive, "url") ?? "";
      const as = stringArg(directive, "as");
      if (url.startsWith(AUTHENTICATED_SPEC) && as) names.authenticated = as;
      if (url.startsWith(REQUIRES_SCOPES_SPEC) && as) names.requiresScopes = as;
    }
  }
  return names;
}

function requirementOf(directives: readonly ConstDirectiveNode[] | undefined, names: ReturnType<typeof directiveNames>): Requirement | null {
  const requirement: Requirement = { authenticated: false, scopes: [] };
  for (const directive of directives ?? []) {
    if (directive.name.value === names.authenticated) requirement.authenticated = true;
    if (directive.name.value === names.requiresScopes) {
      const arg = directive.arguments?.find((a) => a.name.value === "scopes");
      const scopes = arg ? (valueOf(arg.value) as string[][]) : [];
      requirement.authenticated = true;
      requirement.scopes.push(scopes);
    }
  }
  return requirement.authenticated ? requirement : null;
}

function merge(into: Map<string, Requirement>, key: string, requirement: Requirement | null): void {
  if (!requirement) return;
  const existing = into.get(key);
  into.set(key, existing ? { authenticated: true, scopes: [...existing.scopes, ...requirement.scopes] } : requirement);
}

/** Reads `@authenticated` and `@requiresScopes` from the composed supergraph SDL. */
export function authorizationMetadata(supergraphSdl: string): AuthorizationMetadata {
  const document = parse(supergraphSdl);
  const names = directiveNames(document);
  const metadata: AuthorizationMetadata = { types: new Map(), fields: new Map() };
  for (const definition of document.definitions) {
    if (!("name" in definition) || !definition.name || !("directives" in definition)) continue;
    const typeName = definition.name.value;
    merge(metadata.types, typeName, requirementOf(definition.directives as readonly ConstDirectiveNode[] | undefined, names));
    if ("fields" in definition && Array.isArray(definition.fields)) {
      for (const field of definition.fields) {
        if (field.kind !== Kind.FIELD_DEFINITION) continue;
        merge(metadata.fields, `${typeName}.${field.name.value}`, requirementOf(field.directives, names));
      }
    }
  }
  return metadata;
}

/**
 * The supergraph links both features `for: SECURITY`, so @apollo/gateway (which does not know them)
 * refuses it. This gateway enforces them itself, so it hands @apollo/gateway the SDL without that
 * purpose on these two links only; any other unknown security feature is still refused.
 */
export function declareEnforcedSecurityFeatures(supergraphSdl: string): string {
  return supergraphSdl.replace(
    /(@link\(url: "https:\/\/specs\.apollo\.dev\/(?:authenticated|requiresScopes)\/v[0-9.]+"[^)]*?), for: SECURITY\)/g,
    "$1)",
  );
}
