import path from "node:path";
import { acquireProcessLock } from "../kernel/processLock";
import { startBanner } from "./banner";
import { startStack } from "./stack";
import { superviseStack } from "./supervise";
import { AGENCIES, AGENCY_NAMES, agencySetting, type AgencyName } from "../subgraphs/agencies";
import { buildWeb } from "../web/tools/build";

const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

/** `npm start`: the whole platform on this machine, embedded databases under data/. */
async function main(): Promise<void> {
  const dataDir = process.env.DATA_DIR ?? "data";
  // Before anything touches the data: a second `npm start` in this folder stops here.
  acquireProcessLock(path.resolve(dataDir, "npm-start.lock"), `The platform's data folder ${path.resolve(dataDir)}`);
  // The web app is built from web/ on every start (a few seconds): what is served is what is checked out.
  const web = await buildWeb({ ide: process.env.NODE_ENV !== "production" });
  console.log(`Built the web app (web/dist; its JavaScript ${(web.appScriptGzipBytes / 1024).toFixed(1)} KB gzipped).`);
  console.log(`Starting ${AGENCY_NAMES.join(", ")} and the gateway...`);
  const stack = await startStack({
    ports: {
      gateway: port("GATEWAY_PORT", 4000),
      ...(Object.fromEntries(AGENCIES.map((agency) => [agency.name, port(agencySetting(agency, "PORT"), agency.defaultPort)])) as Record<AgencyName, number>),
    },
    dataDir,
    output: (service, line) => {
      // Children log JSON; show warnings and errors only, to keep the terminal readable.
      if (!line.startsWith("{") || /"level":(40|50|60)/.test(line)) console.log(`[${service}] ${line}`);
    },
  });
  console.log(startBanner(stack, process.env.NODE_ENV === "production"));
  let stopping = false;
  superviseStack(stack, () => stopping);
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping...");
    stack.stop().then(() => process.exit(0));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
