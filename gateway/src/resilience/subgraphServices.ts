import type { ServiceEndpointDefinition } from "@apollo/gateway";
import type { Logger } from "../../../kernel/logger";
import { ReplicaPool } from "./replicaPool";
import { ResilientSubgraphService } from "./resilientSubgraphService";
import { subgraphHttp } from "./subgraphHttp";
import type { ResilienceSettings } from "./subgraphPolicy";

export interface ResilienceConfig {
  SUBGRAPH_TIMEOUT_MS: number;
  SUBGRAPH_RETRIES: number;
  SUBGRAPH_BREAKER_FAILURES: number;
  SUBGRAPH_BREAKER_HALF_OPEN_MS: number;
  SUBGRAPH_MAX_SOCKETS: number;
  SUBGRAPH_RESOLVE_MS: number;
  GATEWAY_CREDENTIAL: string;
}

/**
 * The gateway's subgraph data sources: one HTTP client shared by all (a keep-alive connection pool
 * per replica, one timer for every attempt's timeout), one resilient data source per subgraph over
 * its replicas (one circuit each), kept across supergraph reloads.
 */
export function subgraphServices(config: ResilienceConfig, urls: Record<string, readonly string[]>, log: Logger) {
  const settings: ResilienceSettings = {
    timeoutMs: config.SUBGRAPH_TIMEOUT_MS,
    retries: config.SUBGRAPH_RETRIES,
    breakerFailures: Math.max(1, config.SUBGRAPH_BREAKER_FAILURES),
    halfOpenAfterMs: config.SUBGRAPH_BREAKER_HALF_OPEN_MS,
  };
  const http = subgraphHttp({ maxSockets: Math.max(1, config.SUBGRAPH_MAX_SOCKETS), timeoutMs: settings.timeoutMs });
  const pools = new Map<string, ReplicaPool>();
  const services = new Map<string, ResilientSubgraphService>();
  return {
    /** For ApolloGateway's buildService: where a subgraph runs comes from this gateway's configuration. */
    buildService({ name }: ServiceEndpointDefinition): ResilientSubgraphService {
      let service = services.get(name);
      if (!service) {
        const bases = urls[name];
        if (!bases) throw new Error(`The supergraph names the subgraph "${name}", which this gateway has no URL for`);
        const replicas = new ReplicaPool({ subgraph: name, bases, settings, http, credential: config.GATEWAY_CREDENTIAL, resolveEveryMs: config.SUBGRAPH_RESOLVE_MS, log });
        pools.set(name, replicas);
        service = new ResilientSubgraphService({ name, replicas, retries: settings.retries, log });
        services.set(name, service);
      }
      return service;
    },
    /** Stops resolving names and closes the kept-alive connections (on stop). */
    async close(): Promise<void> {
      await Promise.all([...pools.values()].map((pool) => pool.close()));
    },
  };
}
