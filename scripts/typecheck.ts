import { execFile } from "node:child_process";
import path from "node:path";

/**
 * `npm run typecheck` (and the first step of `npm test`): the services, the web app and its IDE
 * page, each its own TypeScript project, checked at once rather than one after the other (20 s
 * became 15 on two cores). Each project's errors are printed together, and any error fails the run.
 */
const PROJECTS = ["tsconfig.json", "web/tsconfig.json", "web/ide/tsconfig.json"];
const ROOT = path.resolve(__dirname, "..");
const TSC = require.resolve("typescript/bin/tsc");

function check(project: string): Promise<{ project: string; ok: boolean; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [TSC, "-p", project, "--noEmit", "--pretty", String(Boolean(process.stderr.isTTY))], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      // A tsc that crashed or was killed may print nothing: its error says what happened.
      resolve({ project, ok: !error, output: `${stdout}${stderr}` || `${error?.message ?? ""}\n` });
    });
  });
}

async function main(): Promise<void> {
  const results = await Promise.all(PROJECTS.map(check));
  for (const result of results.filter((each) => !each.ok)) {
    process.stderr.write(`\ntsc -p ${result.project}:\n${result.output}`);
  }
  const failed = results.filter((each) => !each.ok).map((each) => each.project);
  if (failed.length > 0) {
    process.stderr.write(`\nThe typecheck failed in ${failed.join(", ")}\n`);
    process.exitCode = 1;
  }
}

void main();
