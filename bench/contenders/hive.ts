/**
 * Contender (c): Hive Gateway (@graphql-hive/gateway-runtime, the runtime the hive-gateway CLI
 * serves) over the same supergraph, one process, Authorization (and Accept-Language,
 * x-access-purpose) propagated to the subgraphs. Defaults otherwise; logging at errors only.
 */
import http from "node:http";
import { createGatewayRuntime } from "@graphql-hive/gateway-runtime";
import { CREDENTIAL_HEADERS, FORWARDED, PORT, ready, supergraphSdl } from "./common";

async function main(): Promise<void> {
  const runtime = createGatewayRuntime({
    supergraph: supergraphSdl(),
    graphqlEndpoint: "/graphql",
    landingPage: false,
    logging: "error",
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({ ...Object.fromEntries(FORWARDED.map((name) => [name, request.headers.get(name)])), ...CREDENTIAL_HEADERS }),
    },
  });
  const server = http.createServer(runtime);
  await new Promise<void>((resolve) => server.listen(PORT, "127.0.0.1", resolve));
  ready("hive", PORT);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
