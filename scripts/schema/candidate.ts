import { compose, type Composition } from "../composition";
import { SUBGRAPHS } from "../../subgraphs";
import { composeSdl, type ReleasedSet } from "./released";
import { routingUrl } from "./supergraphYaml";

/** The names `npm run schema:check -- <agency>` accepts: the registry's. */
export const agencyNames = () => SUBGRAPHS.map((s) => s.name);

/**
 * The candidate supergraph, in memory. For the whole platform: every subgraph's code now (what
 * `npm run compose` would write). For one agency, as `rover subgraph check` does: that agency's code
 * now composed with the other agencies as released (an agency not released yet is left out).
 */
export async function candidateSupergraph(
  released: ReleasedSet,
  agency?: string,
  /** The code's composition when the caller has it already. */
  composed?: Composition,
): Promise<{ composition: Composition; supergraphSdl: string; notes: string[] }> {
  if (agency !== undefined && !agencyNames().includes(agency)) {
    throw new Error(`Unknown agency "${agency}": the registry (subgraphs/index.ts) has ${agencyNames().join(", ")}.`);
  }
  const composition = composed ?? (await compose());
  if (agency === undefined) return { composition, supergraphSdl: composition.supergraphSdl, notes: [] };
  const notes: string[] = [];
  const parts: Array<{ name: string; sdl: string; url: string }> = [];
  for (const definition of SUBGRAPHS) {
    const current = composition.subgraphs.find((s) => s.name === definition.name);
    const sdl = definition.name === agency ? current?.sdl : released.subgraphs[definition.name];
    if (sdl === undefined) {
      notes.push(`${definition.name} has no released SDL (schema/released/${definition.name}.graphql): left out of the candidate.`);
      continue;
    }
    parts.push({ name: definition.name, sdl, url: routingUrl(definition) });
  }
  return { composition, supergraphSdl: composeSdl(parts), notes };
}
