import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { context as activeContext, propagation } from "@opentelemetry/api";
import { GraphQLError } from "graphql";
import { GATEWAY_CREDENTIAL_HEADER } from "../../kernel/auth/gatewayCredential";
import type { GatewayContext } from "./context";
import type { SubgraphConnection } from "./resilience/subgraphHttp";

/** Headers a subgraph needs from the client's request; it verifies the token itself. */
export const FORWARDED = ["authorization", "accept-language", "x-request-id", "x-access-purpose"] as const;

type GatewayGraphQLResponse = Awaited<ReturnType<GraphQLDataSource<GatewayContext>["process"]>>;

/** A 2xx answer whose body is not a GraphQL response: something other than the subgraph answered. */
export class NotGraphQLError extends Error {}

function parseBody(contentType: string | undefined, body: string): unknown {
  if (!contentType?.startsWith("application/json") && !contentType?.startsWith("application/graphql-response+json")) return body;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

/**
 * One replica of a subgraph as the query plan's fetches reach it: the fetch posted over the
 * replica's keep-alive connections with the gateway's credential and the client's forwarded headers.
 * Replaces @apollo/gateway's RemoteGraphQLDataSource, which builds node-fetch Headers and Request
 * objects on every fetch and reads cache-control hints that nothing here sets; its errors are kept:
 * an HTTP error status is a GraphQLError whose `extensions.response` has the status and the body.
 */
export class SubgraphService implements GraphQLDataSource<GatewayContext> {
  private readonly path: string;

  constructor(private readonly options: { url: string; connection: SubgraphConnection; credential: string }) {
    this.path = new URL(options.url).pathname;
  }

  async process({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const headers: Record<string, string> = { "content-type": "application/json", [GATEWAY_CREDENTIAL_HEADER]: this.options.credential };
    // Absent on the gateway's own health and schema requests.
    if ("forwardedHeaders" in context) {
      for (const name of FORWARDED) {
        const value = context.forwardedHeaders[name];
        if (value) headers[name] = value;
      }
    }
    // With tracing on, the subgraph's spans join the trace under @apollo/gateway's fetch span (a no-op otherwise).
    propagation.inject(activeContext.active(), headers);
    const { query, variables, operationName, extensions } = request;
    const answer = await this.options.connection.post(this.path, headers, JSON.stringify({ query, variables, operationName, extensions }));
    const body = parseBody(answer.contentType, answer.body);
    if (answer.status < 200 || answer.status >= 300) {
      const code = answer.status === 401 ? "UNAUTHENTICATED" : answer.status === 403 ? "FORBIDDEN" : undefined;
      throw new GraphQLError(`${answer.status}: ${answer.statusText}`, {
        extensions: { response: { url: this.options.url, status: answer.status, statusText: answer.statusText, body }, ...(code ? { code } : {}) },
      });
    }
    if (body === null || typeof body !== "object" || Array.isArray(body)) throw new NotGraphQLError(`Expected JSON response body, but received: ${answer.body.slice(0, 200)}`);
    return body as GatewayGraphQLResponse;
  }
}
