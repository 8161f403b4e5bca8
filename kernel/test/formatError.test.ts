import { GraphQLError } from "graphql";
import { formatError } from "../graphql/formatError";
import { createLogger } from "../logger";

const format = formatError(createLogger("test"));

/** How @apollo/gateway hands on a fetch a subgraph refused with an HTTP error (gateway/src/subgraphService.ts). */
function refusedFetch(status: number, code: string) {
  const response = { url: "http://10.0.3.7:4001/graphql", status, statusText: "Forbidden", body: { errors: [{ message: "Only the gateway may query _entities and _service." }] } };
  const error = new GraphQLError(`${status}: Forbidden`, { path: ["me"], extensions: { code, response } });
  return format(error.toJSON(), error);
}

describe("the errors a client is sent", () => {
  it("hides a fetch a subgraph refused (the gateway's credential) behind INTERNAL_SERVER_ERROR, without the subgraph's address or answer", () => {
    const sent = refusedFetch(403, "FORBIDDEN");
    expect(sent).toEqual({ message: "Internal server error.", path: ["me"], extensions: { code: "INTERNAL_SERVER_ERROR" } });
  });

  it("names the part of the body a BAD_REQUEST refused: `variables` not an object is about variables, a missing query about the query", () => {
    const refused = (message: string) => {
      const error = new GraphQLError(message, { extensions: { code: "BAD_REQUEST" } });
      return (format(error.toJSON(), error).extensions as { violations: Array<{ field: string }> }).violations.map((violation) => violation.field);
    };
    expect(refused("`variables` in a POST body should be provided as an object.")).toEqual(["variables"]);
    expect(refused("`operationName` in a POST body should be provided as a string.")).toEqual(["operationName"]);
    expect(refused("GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.")).toEqual(["query"]);
  });

  it("passes the contract's own errors on as they are", () => {
    const error = new GraphQLError("Sign in again.", { path: ["me"], extensions: { code: "UNAUTHENTICATED" } });
    expect(format(error.toJSON(), error)).toEqual({ message: "Sign in again.", path: ["me"], extensions: { code: "UNAUTHENTICATED" } });
  });
});
