import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { DEVELOPMENT_GATEWAY_CREDENTIAL, GATEWAY_CREDENTIAL_HEADER } from "../../kernel/auth/gatewayCredential";
import { STATEMENTS_HEADER } from "../../kernel/http/server";
import { supergraphSdlFor } from "../../bench/supergraph";

/** What one operation cost each subgraph: SQL statements (as each reported them) and fetches. */
export interface Tally {
  statements: Record<string, number>;
  fetches: Record<string, number>;
}

interface Context {
  token: string;
  tally: Tally;
}

class CountingDataSource extends RemoteGraphQLDataSource<Context> {
  constructor(private readonly name: string, url: string | undefined) {
    super({ url });
  }
  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<Context>["willSendRequest"]>>[0]): void {
    if (!("token" in context)) return;
    request.http?.headers.set("authorization", `Bearer ${context.token}`);
    request.http?.headers.set("x-access-purpose", "statement count");
    request.http?.headers.set(GATEWAY_CREDENTIAL_HEADER, DEVELOPMENT_GATEWAY_CREDENTIAL);
  }
  override didReceiveResponse({ response, context }: Parameters<NonNullable<RemoteGraphQLDataSource<Context>["didReceiveResponse"]>>[0]) {
    if ("tally" in context) {
      const tally = (context as Context).tally;
      tally.statements[this.name] = (tally.statements[this.name] ?? 0) + Number(response.http?.headers.get(STATEMENTS_HEADER) ?? 0);
      tally.fetches[this.name] = (tally.fetches[this.name] ?? 0) + 1;
    }
    return response;
  }
}

export interface StatementTally {
  run(query: string, variables: Record<string, unknown>, token: string): Promise<{ tally: Tally; data: Record<string, unknown> | null; errors: unknown[] }>;
  stop(): Promise<void>;
}

/**
 * The statements an operation costs the subgraphs: run through an ApolloGateway (the same query
 * plan as ours, from schema/supergraph.graphql) whose data sources add up the `x-sql-statements`
 * header each subgraph answers with (every process but production reports it). `graphqlUrls`:
 * subgraph name → its /graphql URL.
 */
export async function statementTally(graphqlUrls: Record<string, string>): Promise<StatementTally> {
  const gateway = new ApolloGateway({ supergraphSdl: supergraphSdlFor(graphqlUrls), buildService: ({ name, url }) => new CountingDataSource(name, url) });
  const server = new ApolloServer<Context>({ gateway });
  await server.start();
  return {
    async run(query, variables, token) {
      const tally: Tally = { statements: {}, fetches: {} };
      const response = await server.executeOperation({ query, variables }, { contextValue: { token, tally } });
      const result = response.body.kind === "single" ? response.body.singleResult : null;
      return { tally, data: (result?.data as Record<string, unknown>) ?? null, errors: [...(result?.errors ?? [])] };
    },
    stop: () => server.stop(),
  };
}
