import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { GATEWAY_CREDENTIAL_HEADER } from "../../kernel/auth/gatewayCredential";
import type { GatewayContext } from "./context";

/** Headers a subgraph needs from the client's request; it verifies the token itself. */
export const FORWARDED = ["authorization", "accept-language", "x-request-id", "x-access-purpose"] as const;

export class SubgraphService extends RemoteGraphQLDataSource<GatewayContext> {
  /** The gateway's credential to the subgraphs (kernel/auth/gatewayCredential.ts), sent on every fetch. */
  private readonly credential: string;

  constructor(options: { url: string; fetcher: RemoteGraphQLDataSource["fetcher"]; credential: string }) {
    super({ url: options.url, fetcher: options.fetcher });
    this.credential = options.credential;
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    request.http?.headers.set(GATEWAY_CREDENTIAL_HEADER, this.credential);
    if (!("forwardedHeaders" in context)) return; // the gateway's own health and schema requests
    for (const name of FORWARDED) {
      const value = context.forwardedHeaders[name];
      if (value) request.http?.headers.set(name, value);
    }
  }
}
