import { Authorized, Directive, type AuthChecker } from "type-graphql";
import type { Role } from "../auth/viewer";
import { requireRole, requireViewer, type RequestContext } from "../context";

/**
 * Authorization declared in the schema (federation's `@authenticated` and `@requiresScopes`),
 * written by the subgraphs and enforced by the gateway before it plans a query
 * (gateway/src/security/authorization.ts). Scopes are the roles of RULES.md. A field's roles are
 * declared once, with `RequiresRole`: the same declaration is checked again by the subgraph (its
 * auth checker), so the two checks cannot disagree. Resolvers still check ownership themselves.
 */

/** Only a caller with a valid token may ask for this field (or any field returning this type). */
export const AUTHENTICATED = "@authenticated";

/** A caller holding any one of these roles may ask for this field (a token is required too). */
export function requiresAnyRole(...roles: Role[]): string {
  return `@requiresScopes(scopes: [${roles.map((role) => `["${role}"]`).join(", ")}])`;
}

/**
 * Only callers holding one of `roles` may ask for this field: `@requiresScopes` in the SDL for the
 * gateway, and type-graphql's `@Authorized` enforced by `roleChecker` in the subgraph itself.
 */
export function RequiresRole(...roles: Role[]): MethodDecorator & PropertyDecorator {
  if (roles.length === 0) throw new Error("RequiresRole needs at least one role");
  const decorate = (prototype: object, field: string | symbol, descriptor?: PropertyDescriptor) => {
    Directive(requiresAnyRole(...roles))(prototype, field, descriptor as never);
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
