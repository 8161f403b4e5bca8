import path from "node:path";
import ts from "typescript";
import { subgraphSettings, type ConfigSpec } from "../../kernel/config";
import { acceptedCredentialSettings } from "../../kernel/auth/gatewayCredential";
import { documentLimitSettings } from "../../kernel/graphql/documentGuard";
import { gatewaySettings } from "../../gateway/src/settings";
import { SUBGRAPHS } from "../../subgraphs";

/** What the deployment files (docker-compose.yml, deploy/kubernetes) are checked against. */

export const ROOT = path.resolve(__dirname, "..", "..");

export interface App {
  name: string;
  /** The port it listens on by default. */
  port: number;
  /** Every setting its code reads. */
  spec: ConfigSpec;
  /** Its entry, relative to the repository. */
  source: string;
}

export const APPS: App[] = [
  ...SUBGRAPHS.map((d) => ({
    name: d.name,
    port: d.defaultPort,
    spec: { ...subgraphSettings(d.defaultPort), ...documentLimitSettings, ...acceptedCredentialSettings, ...d.settings } as ConfigSpec,
    source: `subgraphs/${d.name}/src/main.ts`,
  })),
  { name: "gateway", port: Number(gatewaySettings.PORT.fallback), spec: gatewaySettings as ConfigSpec, source: "gateway/src/main.ts" },
];

export const SUBGRAPH_NAMES = SUBGRAPHS.map((d) => d.name);

/** The setting an environment variable gives: `NAME`, or `NAME_FILE` (kernel/config.ts). */
export function settingOf(spec: ConfigSpec, variable: string): string | undefined {
  if (variable in spec) return variable;
  const named = variable.replace(/_FILE$/, "");
  return named !== variable && named in spec ? named : undefined;
}

/** A setting is required when reading it unset fails: no fallback and not optional. */
export function isRequired(spec: ConfigSpec, name: string): boolean {
  try {
    spec[name].parse(undefined, name);
    return false;
  } catch {
    return true;
  }
}

const build = (() => {
  const file = path.join(ROOT, "tsconfig.build.json");
  const { config, error } = ts.readConfigFile(file, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, "\n"));
  return ts.parseJsonConfigFileContent(config, ts.sys, ROOT, undefined, file);
})();

/** The file `npm run build` emits for a source entry, relative to the repository; it fails for a file the build does not compile. */
export function compiledEntry(source: string): string {
  const absolute = path.join(ROOT, source);
  if (!build.fileNames.includes(absolute)) throw new Error(`tsconfig.build.json does not compile ${source}`);
  const { outDir, rootDir } = build.options;
  return path.relative(ROOT, path.join(outDir!, path.relative(rootDir!, absolute))).replace(/\.ts$/, ".js");
}
