import fs from "node:fs";
import type { SupergraphSdlHook } from "@apollo/gateway";
import type { Logger } from "../../kernel/logger";
import { AGENCY_NAMES } from "../../subgraphs/agencies";
import { asciiSupergraph } from "./asciiSupergraph";

/**
 * The supergraph must compose exactly the agencies of the registry (subgraphs/agencies.ts): one it
 * lacks would leave part of the family silently missing, one the registry lacks has no URL here.
 */
export function assertComposesTheAgencies(sdl: string, file: string): void {
  const composed = [...sdl.matchAll(/@join__graph\(name: "([^"]+)"/g)].map((match) => match[1]!);
  const missing = AGENCY_NAMES.filter((name) => !composed.includes(name));
  const unknown = composed.filter((name) => !(AGENCY_NAMES as string[]).includes(name));
  if (missing.length > 0 || unknown.length > 0) {
    const problems = [...missing.map((name) => `lacks the agency "${name}"`), ...unknown.map((name) => `composes "${name}", which the registry (subgraphs/agencies.ts) does not list`)];
    throw new Error(`The supergraph ${file} ${problems.join("; ")}: run \`npm run compose\` after changing the registry.`);
  }
}

/** Serves the supergraph from a file and hands the gateway every new version written to it. */
export function supergraphFromFile(file: string, log: Logger): SupergraphSdlHook {
  return async ({ update }) => {
    let current = fs.readFileSync(file, "utf8");
    assertComposesTheAgencies(current, file);
    let timer: NodeJS.Timeout | null = null;
    const watcher = fs.watch(file, () => {
      if (timer) clearTimeout(timer);
      // Editors and the compose script write in steps: wait for the file to settle.
      timer = setTimeout(() => {
        const next = fs.readFileSync(file, "utf8");
        if (next === current || next.trim() === "") return;
        try {
          assertComposesTheAgencies(next, file);
          update(asciiSupergraph(next));
          current = next;
          log.info({ file }, "supergraph reloaded");
        } catch (error) {
          log.error({ err: error }, "new supergraph rejected; keeping the previous one");
        }
      }, 200);
    });
    return {
      supergraphSdl: asciiSupergraph(current),
      cleanup: async () => {
        watcher.close();
        if (timer) clearTimeout(timer);
      },
    };
  };
}
