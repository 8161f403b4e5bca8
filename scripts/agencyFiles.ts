import fs from "node:fs";
import path from "node:path";
import { AGENCIES } from "../subgraphs/agencies";
import { composeFile, demoSecretsTable } from "./deployment/compose";
import { kubernetesFiles } from "./deployment/kubernetes";
import { DEPLOYED } from "./deployment/model";
import { policyFiles } from "./deployment/networkPolicies";
import { routerYaml } from "./deployment/router";
import { betweenMarkers, checkedYaml } from "./deployment/text";

/**
 * Files that name the agencies, written by `npm run agencies:write` from the registry
 * (subgraphs/agencies.ts) and each agency's deployment description (subgraphs/<name>/deployment.ts);
 * test/registry.test.ts fails when one is stale. Whole files, or blocks between markers in files
 * otherwise written by hand (README.md, docker/secrets/README.md, router/router.yaml).
 */
const ROOT = path.resolve(__dirname, "..");

function postgresInit(): string {
  return [
    "-- Generated from subgraphs/agencies.ts by `npm run agencies:write`; do not edit by hand.",
    "-- Runs once, on the first start of an empty volume: one database per subgraph, as each agency",
    "-- owns its data and no subgraph reads another's tables.",
    ...DEPLOYED.map((entry) => `CREATE DATABASE ${entry.database};`),
    "",
  ].join("\n");
}

function agencyTable(): string {
  return [
    "| Agency | Port | Replicas' URLs (gateway) | Start order | Receives | Its officers |",
    "|---|---|---|---|---|---|",
    ...AGENCIES.map(
      (agency) =>
        `| ${agency.name} | ${agency.defaultPort} | \`${agency.urlSetting}\` | ${agency.startOrder + 1} | ${agency.subscribesTo.join(", ") || "—"} | ${agency.roles.join(", ")} |`,
    ),
  ].join("\n");
}

const MARKDOWN_COMMENT: [string, string] = ["<!-- ", " -->"];

/** Every generated file: its path and what it should hold, given what it holds now (null: it does not exist). */
export const AGENCY_FILES: Array<{ file: string; expected(current: string | null): string }> = [
  { file: "docker/postgres/init.sql", expected: postgresInit },
  { file: "README.md", expected: (current) => betweenMarkers(current ?? "", "README.md", "agencies", agencyTable(), MARKDOWN_COMMENT) },
  { file: "docker-compose.yml", expected: () => checkedYaml("docker-compose.yml", composeFile()) },
  { file: "docker/secrets/README.md", expected: (current) => betweenMarkers(current ?? "", "docker/secrets/README.md", "demo-secrets", demoSecretsTable(), MARKDOWN_COMMENT) },
  ...[...kubernetesFiles(), ...policyFiles()].map(({ file, content }) => ({ file, expected: () => checkedYaml(file, content) })),
  { file: "router/router.yaml", expected: (current) => checkedYaml("router/router.yaml", routerYaml(current ?? "")) },
];

const read = (file: string) => (fs.existsSync(path.join(ROOT, file)) ? fs.readFileSync(path.join(ROOT, file), "utf8") : null);

/** The generated files whose content differs from the generator's. */
export function staleAgencyFiles(): string[] {
  return AGENCY_FILES.filter(({ file, expected }) => {
    const current = read(file);
    return current !== expected(current);
  }).map(({ file }) => file);
}

/** Writes the stale ones; returns them. */
export function writeAgencyFiles(): string[] {
  const written: string[] = [];
  for (const { file, expected } of AGENCY_FILES) {
    const current = read(file);
    const next = expected(current);
    if (next === current) continue;
    fs.writeFileSync(path.join(ROOT, file), next);
    written.push(file);
  }
  return written;
}

if (require.main === module) {
  const written = writeAgencyFiles();
  for (const { file } of AGENCY_FILES) console.log(`${file}: ${written.includes(file) ? "written" : "current"}`);
}
