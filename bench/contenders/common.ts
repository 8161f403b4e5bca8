import path from "node:path";
import { DEVELOPMENT_GATEWAY_CREDENTIAL, GATEWAY_CREDENTIAL_HEADER } from "../../kernel/auth/gatewayCredential";
import { supergraphSdlFor } from "../supergraph";
import { AGENCIES } from "../../subgraphs/agencies";

// As our gateway does (gateway/src/server.ts): no usage metrics sent to Apollo from any contender.
process.env.APOLLO_TELEMETRY_DISABLED = "true";
// A normal exit when the bench stops the process: Node writes a --cpu-prof profile only then.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(0));

/** What every contender process reads from its environment (set by bench/run.ts). */
export const ROOT = path.resolve(__dirname, "..", "..");
export const PORT = Number(process.env.PORT ?? 4711);
export const SUBGRAPH_URLS: Record<string, string> = Object.fromEntries(
  AGENCIES.map((agency) => [agency.name, `${process.env[agency.urlSetting] ?? `http://127.0.0.1:${agency.defaultPort}`}/graphql`]),
);

/** The composed supergraph with each subgraph's URL pointed at the running subgraphs. */
export function supergraphSdl(): string {
  return supergraphSdlFor(SUBGRAPH_URLS);
}

/** The gateway's credential to the subgraphs (kernel/auth/gatewayCredential.ts), which every contender sends. */
export const CREDENTIAL_HEADERS = { [GATEWAY_CREDENTIAL_HEADER]: process.env.GATEWAY_CREDENTIAL || DEVELOPMENT_GATEWAY_CREDENTIAL };

/** Headers forwarded from the client to every subgraph, as ours does. */
export const FORWARDED = ["authorization", "accept-language", "x-access-purpose"] as const;

export function ready(name: string, port: number): void {
  console.log(JSON.stringify({ level: 30, msg: `${name} ready`, port }));
}
