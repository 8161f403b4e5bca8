import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { composeServices } from "@apollo/composition";
import { printSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import { buildFederatedSchema } from "../kernel/graphql/federatedSchema";
import { SUBGRAPHS } from "../subgraphs";
import { apiSdlOf } from "./schema/check";

export const SCHEMA_DIR = path.resolve(__dirname, "..", "schema");

export interface Composition {
  subgraphs: Array<{ name: string; sdl: string }>;
  supergraphSdl: string;
}

/** Prints each subgraph's SDL from its code and composes the supergraph, offline. */
export async function compose(): Promise<Composition> {
  const subgraphs = [];
  for (const definition of SUBGRAPHS) {
    const schema = await buildFederatedSchema(definition.schema);
    subgraphs.push({ name: definition.name, sdl: printSubgraphSchema(schema), url: `http://localhost:${definition.defaultPort}/graphql` });
  }
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join("\n")}`);
  }
  return { subgraphs: subgraphs.map(({ name, sdl }) => ({ name, sdl })), supergraphSdl: result.supergraphSdl };
}

export function schemaFiles(composition: Composition): Record<string, string> {
  const files: Record<string, string> = {};
  for (const { name, sdl } of composition.subgraphs) files[`${name}.graphql`] = `${sdl.trim()}\n`;
  files["supergraph.graphql"] = `${composition.supergraphSdl.trim()}\n`;
  // The API schema clients see through the gateway: what the web app's operations are typed and checked against.
  files["api.graphql"] = apiSdlOf(composition.supergraphSdl);
  return files;
}

export function readSchemaFile(name: string): string | null {
  const file = path.join(SCHEMA_DIR, name);
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
}
