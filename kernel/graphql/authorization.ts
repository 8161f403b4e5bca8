import type { Role } from "../auth/viewer";

/**
 * Authorization declared in the schema (federation's `@authenticated` and `@requiresScopes`),
 * written by the subgraphs and enforced by the gateway before it plans a query
 * (gateway/src/security/authorization.ts). Scopes are the roles of RULES.md. Every resolver still
 * checks ownership and roles itself: the directives are the first of two checks, not the only one.
 */

/** Only a caller with a valid token may ask for this field (or any field returning this type). */
export const AUTHENTICATED = "@authenticated";

/** A caller holding any one of these roles may ask for this field (a token is required too). */
export function requiresAnyRole(...roles: Role[]): string {
  return `@requiresScopes(scopes: [${roles.map((role) => `["${role}"]`).join(", ")}])`;
}
