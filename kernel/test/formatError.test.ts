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

  it("passes the contract's own errors on as they are", () => {
    const error = new GraphQLError("Sign in again.", { path: ["me"], extensions: { code: "UNAUTHENTICATED" } });
    expect(format(error.toJSON(), error)).toEqual({ message: "Sign in again.", path: ["me"], extensions: { code: "UNAUTHENTICATED" } });
  });
});
