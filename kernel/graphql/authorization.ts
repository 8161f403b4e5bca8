import type { GraphQLResolverMap } from "@apollo/subgraph";
import {
  Kind,
  type DocumentNode,
  type FieldDefinitionNode,
  type GraphQLFieldResolver,
  type TypeNode,
} from "graphql";
import { Authorized, Directive, type AuthChecker } from "type-graphql";
import type { Role } from "../auth/viewer";
import { requireRole, requireViewer, type RequestContext } from "../context";

/**
 * Authorization declared in the schema (federation's `@authenticated` and `@requiresScopes`),
 * written by the subgraphs and enforced by the gateway before it plans a query
 * (gateway/src/security/authorization.ts). Scopes are the roles of RULES.md. Each protection is
 * declared once, with `Authenticated` or `RequiresRole`: the same declaration is enforced again by
 * the subgraph, so the two checks cannot disagree. Resolvers still check ownership themselves.
 */

const AUTHENTICATED = "authenticated";
const REQUIRES_SCOPES = "requiresScopes";

/**
 * Only a caller with a valid token may ask for this field, or for any field returning this type:
 * `@authenticated` in the SDL for the gateway, enforced by the subgraph too. On a field,
 * type-graphql's `@Authorized()` runs `roleChecker`; a type is enforced where it can be reached
 * (`protectAuthenticatedTypes`), so it costs no check per field.
 */
export function Authenticated(): ClassDecorator & MethodDecorator & PropertyDecorator {
  const decorate = (target: object, field?: string | symbol, descriptor?: PropertyDescriptor) => {
    if (field === undefined) {
      Directive(`@${AUTHENTICATED}`)(target as Function);
      return;
    }
    Directive(`@${AUTHENTICATED}`)(target, field, descriptor as never);
    Authorized()(target, field, descriptor as never);
  };
  return decorate as ClassDecorator & MethodDecorator & PropertyDecorator;
}

/**
 * Only callers holding one of `roles` may ask for this field: `@requiresScopes` in the SDL for the
 * gateway, and type-graphql's `@Authorized` enforced by `roleChecker` in the subgraph itself.
 */
export function RequiresRole(...roles: Role[]): MethodDecorator & PropertyDecorator {
  if (roles.length === 0) throw new Error("RequiresRole needs at least one role");
  const scopes = roles.map((role) => `["${role}"]`).join(", ");
  const decorate = (prototype: object, field: string | symbol, descriptor?: PropertyDescriptor) => {
    Directive(`@${REQUIRES_SCOPES}(scopes: [${scopes}])`)(prototype, field, descriptor as never);
    Authorized<Role>(...roles)(prototype, field, descriptor as never);
  };
  return decorate as MethodDecorator & PropertyDecorator;
}

/** The subgraphs' auth checker: UNAUTHENTICATED without a token, FORBIDDEN without a listed role. */
export const roleChecker: AuthChecker<RequestContext, Role> = ({ context }, roles) => {
  if (roles.length === 0) requireViewer(context);
  else requireRole(context, ...roles);
  return true;
};

type NamedFields = ReadonlyMap<string, readonly FieldDefinitionNode[] | readonly string[]>;

const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));
const isProtected = (field: FieldDefinitionNode) =>
  field.directives?.some((d) => d.name.value === AUTHENTICATED || d.name.value === REQUIRES_SCOPES) ?? false;

/**
 * Enforces the `@authenticated` types of a subgraph's SDL in the subgraph: their entity resolvers
 * (`__resolveReference`, reached through `_entities`) require a token, and the schema refuses to
 * build when a caller without a token could reach such a type through an unprotected field
 * (a root field, or a field of a type reachable without a token).
 */
export function protectAuthenticatedTypes(typeDefs: DocumentNode, resolvers: GraphQLResolverMap<unknown>): void {
  const authenticated = new Set<string>();
  const members = new Map<string, readonly FieldDefinitionNode[] | readonly string[]>();
  for (const definition of typeDefs.definitions) {
    if (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION || definition.kind === Kind.INTERFACE_TYPE_DEFINITION) {
      members.set(definition.name.value, [...((members.get(definition.name.value) as FieldDefinitionNode[]) ?? []), ...(definition.fields ?? [])]);
      if (definition.directives?.some((d) => d.name.value === AUTHENTICATED)) authenticated.add(definition.name.value);
    } else if (definition.kind === Kind.UNION_TYPE_DEFINITION) {
      members.set(definition.name.value, definition.types?.map((type) => type.name.value) ?? []);
    }
  }
  assertReachedOnlyWithToken(members, authenticated, resolvers);

  for (const typeName of authenticated) {
    const typeResolvers = resolvers[typeName] as { __resolveReference?: GraphQLFieldResolver<unknown, RequestContext> } | undefined;
    const resolveReference = typeResolvers?.__resolveReference;
    if (!typeResolvers || !resolveReference) continue;
    // Async: a refusal is this entity's rejected promise. Thrown synchronously, it would abort
    // `_entities` while the promises of the entities before it were left unhandled.
    typeResolvers.__resolveReference = async (reference, context, args, info) => {
      requireViewer(context);
      return resolveReference(reference, context, args, info);
    };
  }
}

/** Walks from what an anonymous caller can reach (root fields, unprotected entities) and fails on an `@authenticated` type. */
function assertReachedOnlyWithToken(members: NamedFields, authenticated: ReadonlySet<string>, resolvers: GraphQLResolverMap<unknown>): void {
  const entities = Object.keys(resolvers).filter((name) => (resolvers[name] as { __resolveReference?: unknown }).__resolveReference);
  const start = ["Query", "Mutation", ...entities.filter((name) => !authenticated.has(name))];
  const seen = new Set<string>();
  const visit = (typeName: string, path: string) => {
    if (seen.has(typeName)) return;
    seen.add(typeName);
    for (const member of members.get(typeName) ?? []) {
      if (typeof member === "string") {
        if (authenticated.has(member)) throw unprotected(path, member);
        visit(member, path);
        continue;
      }
      if (isProtected(member)) continue;
      const target = namedType(member.type);
      if (authenticated.has(target)) throw unprotected(`${typeName}.${member.name.value}`, target);
      visit(target, `${typeName}.${member.name.value}`);
    }
  };
  for (const typeName of start) visit(typeName, typeName);
}

const unprotected = (path: string, typeName: string) =>
  new Error(`${path} reaches ${typeName}, which is @authenticated, without a check: declare it with Authenticated() or RequiresRole(…)`);
