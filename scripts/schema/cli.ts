import fs from "node:fs";
import { contractPath } from "../contractCheck";
import { checkSchema, type CheckInput, type CheckReport } from "./check";
import { readAllowFile, readOperations, type ReleasedSet } from "./released";

/** What `schema:check` and `schema:release` share around the pure check: reading the files it takes. */

/** The check of a candidate supergraph against the release, with the allow-file, the contract and web/ as they are on disk. */
export function checkAgainstRelease(released: ReleasedSet, candidateSupergraphSdl: string, today: string, subgraph?: CheckInput["subgraph"]): Promise<CheckReport> {
  return checkSchema({
    candidateSupergraphSdl,
    releasedApiSdl: released.apiSdl,
    metadata: released.metadata,
    allowFile: readAllowFile(),
    today,
    contractSdl: fs.readFileSync(contractPath(), "utf8"),
    operations: readOperations(),
    ...(subgraph ? { subgraph } : {}),
  });
}

/** `--today=YYYY-MM-DD`, else today (UTC). */
export function todayArg(args: string[]): string {
  return args.find((a) => a.startsWith("--today="))?.slice("--today=".length) ?? new Date().toISOString().slice(0, 10);
}

/** Runs a command's main; its result is the exit code, an error is printed as a message and exits 1. */
export function runCommand(main: (args: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
