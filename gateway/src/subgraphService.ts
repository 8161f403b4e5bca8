import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayContext } from "./context";

/** Headers a subgraph needs from the client's request; it verifies the token itself. */
const FORWARDED = ["authorization", "accept-language", "x-request-id", "x-access-purpose"] as const;

export class SubgraphService extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!("forwardedHeaders" in context)) return; // the gateway's own health and schema requests
    for (const name of FORWARDED) {
      const value = context.forwardedHeaders[name];
      if (value) request.http?.headers.set(name, value);
    }
  }
}
