import fs from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import { AGENCIES, type Agency } from "../../subgraphs/agencies";
import { federationVersion, ROOT } from "./released";

/**
 * supergraph.yaml in rover's format (`rover supergraph compose --config supergraph.yaml`), generated from
 * the registry of agencies (subgraphs/agencies.ts) so that Apollo's own tools compose the same supergraph as
 * `npm run compose`: the same federation version, the same subgraph SDL files, the same routing URLs.
 */

export const SUPERGRAPH_YAML = path.join(ROOT, "supergraph.yaml");

/** The routing URL scripts/composition.ts gives each subgraph. */
export const routingUrl = (agency: Pick<Agency, "defaultPort">) => `http://localhost:${agency.defaultPort}/graphql`;

export function supergraphYaml(agencies: readonly Pick<Agency, "name" | "defaultPort">[], fedVersion: string): string {
  const subgraphs: Record<string, { routing_url: string; schema: { file: string } }> = {};
  for (const agency of agencies) subgraphs[agency.name] = { routing_url: routingUrl(agency), schema: { file: `./schema/${agency.name}.graphql` } };
  const header = [
    "# Generated from subgraphs/agencies.ts by `npm run schema:release` (or `npm run schema:check -- --write-supergraph`);",
    "# test/schemaCheck.test.ts fails when it is stale. Do not edit by hand.",
    "# `rover supergraph compose --config supergraph.yaml` composes what `npm run compose` writes to",
    "# schema/supergraph.graphql; routing URLs are the local default ports (deployments override them).",
  ];
  return `${header.join("\n")}\n${stringify({ federation_version: `=${fedVersion}`, subgraphs })}`;
}

/** supergraph.yaml as the registry and the installed composition say it should be. */
export async function currentSupergraphYaml(): Promise<string> {
  return supergraphYaml(AGENCIES, federationVersion());
}

export async function writeSupergraphYaml(): Promise<boolean> {
  const content = await currentSupergraphYaml();
  const before = fs.existsSync(SUPERGRAPH_YAML) ? fs.readFileSync(SUPERGRAPH_YAML, "utf8") : null;
  if (before === content) return false;
  fs.writeFileSync(SUPERGRAPH_YAML, content);
  return true;
}
