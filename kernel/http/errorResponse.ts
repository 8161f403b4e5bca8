import type { GraphQLError } from "graphql";

/** A GraphQL error answered before Apollo Server runs: its HTTP status and headers (extensions.http) and the JSON body. */
export function errorResponse(error: GraphQLError): { status: number; headers: Array<[string, string]>; body: string } {
  const { http: head, ...extensions } = error.extensions as { http?: { status?: number; headers?: Map<string, string> } } & Record<string, unknown>;
  return {
    status: head?.status ?? 400,
    headers: [["content-type", "application/json; charset=utf-8"], ...(head?.headers ?? [])],
    body: JSON.stringify({ errors: [{ message: error.message, extensions }] }),
  };
}
