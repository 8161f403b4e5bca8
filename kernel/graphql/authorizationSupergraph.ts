import { DEFAULT_SUPPORTED_SUPERGRAPH_FEATURES, Supergraph } from "@apollo/federation-internals";

/**
 * The supergraph links `@authenticated` and `@requiresScopes` `for: SECURITY`: a router that does not
 * enforce them must refuse the supergraph. Our gateway enforces them (gateway/src/security), so the
 * gateway and the offline tools (contract check, query-plan tests) accept these two features.
 */
export const ENFORCED_SECURITY_FEATURES = ["https://specs.apollo.dev/authenticated/v0.1", "https://specs.apollo.dev/requiresScopes/v0.1"];

/** `Supergraph.build` that accepts the two enforced authorization features. */
export function buildSupergraph(supergraphSdl: string): Supergraph {
  return Supergraph.build(supergraphSdl, { supportedFeatures: new Set([...DEFAULT_SUPPORTED_SUPERGRAPH_FEATURES, ...ENFORCED_SECURITY_FEATURES]) });
}
