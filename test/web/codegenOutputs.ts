import path from "node:path";
import { generate } from "@graphql-codegen/cli";
import config from "../../web/codegen";

/**
 * Prints, as JSON, what `npm run web:codegen` would write ({ filename, content }[], file names
 * relative to the repository) without writing it. Run in a process of its own by
 * webServing.test.ts: the codegen CLI loads ES modules (yargs) that jest's sandbox cannot.
 */
const ROOT = path.resolve(__dirname, "../..");

generate({ ...config, cwd: ROOT, silent: true }, false).then(
  (outputs: Array<{ filename: string; content: string }>) => process.stdout.write(JSON.stringify(outputs.map(({ filename, content }) => ({ filename, content })))),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
