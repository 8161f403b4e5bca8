import fs from "node:fs";
import type { SupergraphSdlHook } from "@apollo/gateway";
import type { Logger } from "../../kernel/logger";

/** Serves the supergraph from a file and hands the gateway every new version written to it. */
export function supergraphFromFile(file: string, log: Logger): SupergraphSdlHook {
  return async ({ update }) => {
    let current = fs.readFileSync(file, "utf8");
    let timer: NodeJS.Timeout | null = null;
    const watcher = fs.watch(file, () => {
      if (timer) clearTimeout(timer);
      // Editors and the compose script write in steps: wait for the file to settle.
      timer = setTimeout(() => {
        const next = fs.readFileSync(file, "utf8");
        if (next === current || next.trim() === "") return;
        try {
          update(next);
          current = next;
          log.info({ file }, "supergraph reloaded");
        } catch (error) {
          log.error({ err: error }, "new supergraph rejected; keeping the previous one");
        }
      }, 200);
    });
    return {
      supergraphSdl: current,
      cleanup: async () => {
        watcher.close();
        if (timer) clearTimeout(timer);
      },
    };
  };
}
