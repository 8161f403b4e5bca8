import fs from "node:fs";
import path from "node:path";
import { composeServices } from "@apollo/composition";
import { buildSchema, parse } from "graphql";
import { apiSdlOf, deprecatedElements, type OperationDocument, type ReleaseMetadata } from "./check";

/** Files of the schema check and release; pure helpers that build their contents. */

export const ROOT = path.resolve(__dirname, "..", "..");
export const RELEASED_DIR = path.join(ROOT, "schema", "released");
export const RELEASED_API = path.join(RELEASED_DIR, "api.graphql");
export const RELEASE_METADATA = path.join(RELEASED_DIR, "release.json");
export const ALLOW_FILE = path.join(ROOT, "schema", "breaking-allowed.json");
export const WEB_DIR = path.join(ROOT, "web");

export const releasedSubgraphFile = (name: string) => path.join(RELEASED_DIR, `${name}.graphql`);

/** The version of @apollo/composition that `npm run compose` uses: the supergraph's federation version. */
export function federationVersion(): string {
  return (require("@apollo/composition/package.json") as { version: string }).version;
}

const readIfExists = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null);

export interface ReleasedSet {
  apiSdl: string;
  metadata: ReleaseMetadata;
  subgraphs: Record<string, string>;
}

/** The released schema as schema/released/ holds it, or null before the first release. */
export function readReleased(): ReleasedSet | null {
  const apiSdl = readIfExists(RELEASED_API);
  const meta = readIfExists(RELEASE_METADATA);
  if (apiSdl === null || meta === null) return null;
  const metadata = JSON.parse(meta) as ReleaseMetadata;
  const subgraphs: Record<string, string> = {};
  for (const name of metadata.subgraphs) {
    const sdl = readIfExists(releasedSubgraphFile(name));
    if (sdl !== null) subgraphs[name] = sdl;
  }
  return { apiSdl, metadata, subgraphs };
}

/** schema/breaking-allowed.json, parsed (validated by the check), or null when absent. */
export function readAllowFile(): unknown {
  const text = readIfExists(ALLOW_FILE);
  return text === null ? null : JSON.parse(text);
}

/** Every operation document under web/ (*.graphql, *.gql), none when web/ does not exist. */
export function readOperations(dir = WEB_DIR): OperationDocument[] {
  if (!fs.existsSync(dir)) return [];
  const found: OperationDocument[] = [];
  const walk = (at: string) => {
    for (const entry of fs.readdirSync(at, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && !entry.name.startsWith(".")) walk(full);
      } else if (/\.(graphql|gql)$/.test(entry.name)) {
        found.push({ name: path.relative(ROOT, full), body: fs.readFileSync(full, "utf8") });
      }
    }
  };
  walk(dir);
  return found;
}

/** Composes subgraph SDLs into a supergraph, in memory, as scripts/composition.ts does. */
export function composeSdl(subgraphs: Array<{ name: string; sdl: string; url: string }>): string {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors) throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join("\n")}`);
  return result.supergraphSdl;
}

/**
 * The files `npm run schema:release` writes under schema/released/, from a composition. A deprecation
 * keeps the day of the first release that carried it; a new one gets `releasedOn`.
 */
export function releaseFiles(
  composition: { subgraphs: Array<{ name: string; sdl: string }>; supergraphSdl: string },
  previous: ReleaseMetadata | null,
  releasedOn: string,
  fedVersion: string,
): Record<string, string> {
  const apiSdl = apiSdlOf(composition.supergraphSdl);
  const deprecations: Record<string, string> = {};
  for (const element of deprecatedElements(buildSchema(apiSdl))) deprecations[element] = previous?.deprecations[element] ?? releasedOn;
  const metadata: ReleaseMetadata = {
    releasedOn,
    federationVersion: fedVersion,
    subgraphs: composition.subgraphs.map((s) => s.name),
    deprecations,
  };
  const files: Record<string, string> = { "api.graphql": apiSdl, "release.json": `${JSON.stringify(metadata, null, 2)}\n` };
  for (const { name, sdl } of composition.subgraphs) files[`${name}.graphql`] = `${sdl.trim()}\n`;
  return files;
}
