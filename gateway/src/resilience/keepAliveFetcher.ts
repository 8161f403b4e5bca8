import http from "node:http";
import https from "node:https";
import { AsyncLocalStorage } from "node:async_hooks";
import type { Fetcher } from "@apollo/utils.fetcher";
import fetch from "node-fetch";

/**
 * The fetcher the gateway's subgraph data sources use. @apollo/gateway's default is
 * make-fetch-happen (an npm-registry client with its own agent and caching layers); this one is
 * plain node-fetch (which @apollo/gateway already depends on) over a keep-alive http.Agent, so
 * connections to each subgraph are reused instead of opened per fetch, and the call can be
 * cancelled by the resilience policy's timeout (an AbortSignal carried in `fetchSignal`).
 */
export interface KeepAliveFetcher {
  fetcher: Fetcher;
  agents: { http: http.Agent; https: https.Agent };
  destroy(): void;
}

/** The AbortSignal of the attempt being made (set by the policy around each attempt). */
export const fetchSignal = new AsyncLocalStorage<AbortSignal>();

export function createKeepAliveFetcher(options: { maxSockets: number; keepAliveMs?: number }): KeepAliveFetcher {
  const agentOptions = { keepAlive: true, keepAliveMsecs: options.keepAliveMs ?? 1000, maxSockets: options.maxSockets, maxFreeSockets: Math.min(options.maxSockets, 32), scheduling: "lifo" as const };
  const agents = { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) };
  const fetcher: Fetcher = (url, init = {}) =>
    fetch(url, {
      method: init.method,
      headers: init.headers,
      body: init.body,
      agent: (parsed: URL) => (parsed.protocol === "https:" ? agents.https : agents.http),
      signal: init.signal ?? fetchSignal.getStore(),
    } as Parameters<typeof fetch>[1]) as unknown as ReturnType<Fetcher>;
  return {
    fetcher,
    agents,
    destroy() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
