/**
 * Contender (b): stock @apollo/gateway as Apollo's public gateway benchmarks run it: a plain
 * ApolloGateway with a static supergraphSdl and startStandaloneServer; the only addition is
 * forwarding the client's Authorization (and Accept-Language, x-access-purpose) to the subgraphs,
 * without which the subgraphs would refuse the requests.
 */
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import type { IncomingHttpHeaders } from "node:http";
import { CREDENTIAL_HEADERS, FORWARDED, PORT, ready, supergraphSdl } from "./common";

interface Context {
  headers: IncomingHttpHeaders;
}

class ForwardingDataSource extends RemoteGraphQLDataSource<Context> {
  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<Context>["willSendRequest"]>>[0]): void {
    for (const [name, value] of Object.entries(CREDENTIAL_HEADERS)) request.http?.headers.set(name, value);
    if (!context.headers) return;
    for (const name of FORWARDED) {
      const value = context.headers[name];
      if (typeof value === "string") request.http?.headers.set(name, value);
    }
  }
}

async function main(): Promise<void> {
  const gateway = new ApolloGateway({ supergraphSdl: supergraphSdl(), buildService: ({ url }) => new ForwardingDataSource({ url }) });
  const server = new ApolloServer<Context>({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { port: PORT, host: "127.0.0.1" }, context: async ({ req }) => ({ headers: req.headers }) });
  ready(`apollo-stock ${url}`, PORT);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
