import type { ServiceEndpointDefinition } from "@apollo/gateway";
import type { Logger } from "../../../kernel/logger";
import { createKeepAliveFetcher } from "./keepAliveFetcher";
import { ResilientSubgraphService } from "./resilientSubgraphService";
import type { ResilienceSettings } from "./subgraphPolicy";

export interface ResilienceConfig {
  SUBGRAPH_TIMEOUT_MS: number;
  SUBGRAPH_RETRIES: number;
  SUBGRAPH_BREAKER_FAILURES: number;
  SUBGRAPH_BREAKER_HALF_OPEN_MS: number;
  SUBGRAPH_MAX_SOCKETS: number;
  GATEWAY_CREDENTIAL: string;
}

/**
 * The gateway's subgraph data sources: one keep-alive agent shared by all, one resilient data
 * source (and so one circuit) per subgraph, kept across supergraph reloads.
 */
export function subgraphServices(config: ResilienceConfig, urls: Record<string, string>, log: Logger) {
  const settings: ResilienceSettings = {
    timeoutMs: config.SUBGRAPH_TIMEOUT_MS,
    retries: config.SUBGRAPH_RETRIES,
    breakerFailures: Math.max(1, config.SUBGRAPH_BREAKER_FAILURES),
    halfOpenAfterMs: config.SUBGRAPH_BREAKER_HALF_OPEN_MS,
  };
  const fetcher = createKeepAliveFetcher({ maxSockets: Math.max(1, config.SUBGRAPH_MAX_SOCKETS) });
  const services = new Map<string, ResilientSubgraphService>();
  return {
    services,
    /** For ApolloGateway's buildService: where a subgraph runs comes from this gateway's configuration. */
    buildService({ name, url }: ServiceEndpointDefinition): ResilientSubgraphService {
      const target = urls[name] ? new URL("/graphql", urls[name]).toString() : url!;
      const key = `${name} ${target}`;
      let service = services.get(key);
      if (!service) {
        service = new ResilientSubgraphService({ name, url: target, settings, fetcher, credential: config.GATEWAY_CREDENTIAL, log });
        services.set(key, service);
      }
      return service;
    },
    /** Closes the kept-alive connections (on stop). */
    destroy: () => fetcher.destroy(),
  };
}
