import fs from "node:fs";
import path from "node:path";

/**
 * The composed supergraph with each subgraph's URL replaced (name → URL of its /graphql), for the
 * other contenders. Its `@link(... for: SECURITY)` to @authenticated / @requiresScopes is turned
 * into a plain @link: stock gateways refuse a SECURITY feature they do not implement, and ignore it
 * once it is plain; the subgraphs authorize every field themselves either way.
 */
export function supergraphSdlFor(urls: Record<string, string>): string {
  const sdl = fs
    .readFileSync(path.resolve(__dirname, "..", "schema", "supergraph.graphql"), "utf8")
    .replace(/(@link\(url: "https:\/\/specs\.apollo\.dev\/(?:authenticated|requiresScopes)\/v[0-9.]+"[^)]*?), for: SECURITY\)/g, "$1)");
  return sdl.replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (match, name: string) => (urls[name] ? `@join__graph(name: "${name}", url: "${urls[name]}")` : match));
}
