/**
 * SQL statements per request: a few requests of each workload through an in-process ApolloGateway
 * whose data sources add up the `x-sql-statements` header every subgraph answers with.
 */
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { STATEMENTS_HEADER } from "../kernel/http/server";

export interface Tally {
  statements: Record<string, number>;
  fetches: Record<string, number>;
  errors: number;
}

interface Context {
  token: string;
  tally: Tally;
}

class CountingDataSource extends RemoteGraphQLDataSource<Context> {
  constructor(private readonly name: string, url: string) {
    super({ url });
  }
  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<Context>["willSendRequest"]>>[0]): void {
    if (!("token" in context)) return;
    request.http?.headers.set("authorization", `Bearer ${context.token}`);
    request.http?.headers.set("x-access-purpose", "benchmark: statement count");
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

export interface StatementCounter {
  run(query: string, variables: Record<string, unknown>, token: string): Promise<{ tally: Tally; data: Record<string, unknown> | null }>;
  stop(): Promise<void>;
}

export async function statementCounter(supergraphSdl: string, urls: Record<string, string>): Promise<StatementCounter> {
  const gateway = new ApolloGateway({ supergraphSdl, buildService: ({ name }) => new CountingDataSource(name, urls[name]!) });
  const server = new ApolloServer<Context>({ gateway });
  await server.start();
  return {
    async run(query, variables, token) {
      const tally: Tally = { statements: {}, fetches: {}, errors: 0 };
      const response = await server.executeOperation({ query, variables }, { contextValue: { token, tally } });
      const result = response.body.kind === "single" ? response.body.singleResult : null;
      tally.errors = result?.errors?.length ?? 0;
      if (tally.errors) console.warn("statement count: errors", JSON.stringify(result?.errors).slice(0, 400));
      return { tally, data: (result?.data as Record<string, unknown>) ?? null };
    },
    stop: () => server.stop(),
  };
}
