import fs from "node:fs";
import path from "node:path";
import { OFFICER_ROLES, ROLES, type Role } from "../kernel/auth/viewer";
import type { Agency } from "../subgraphs/agencies";

/**
 * `npm run agency:new -- <name> [--port N] [--title "Display name"] [--roles ROLE,ROLE]`: a new agency
 * in one folder. Writes subgraphs/<name>/ from scripts/agencyTemplate/ (the one shape of
 * docs/engineering-notes.md), adds its line to the registry (subgraphs/agencies.ts), then writes what
 * derives from the registry: schema/<name>.graphql and schema/supergraph.graphql (`npm run compose`),
 * docker-compose.yml, deploy/kubernetes/, router/router.yaml, docker/postgres/init.sql and the docs'
 * tables (`npm run agencies:write`, with the folder's deployment.ts) and supergraph.yaml
 * (`npm run schema:check -- --write-supergraph`).
 */

const ROOT = path.resolve(__dirname, "..");
const TEMPLATE_DIR = path.join(__dirname, "agencyTemplate");
const REGISTRY_FILE = path.join(ROOT, "subgraphs", "agencies.ts");
const GATEWAY_PORT = 4000;

/** What a camel-cased name may not be: it names the definition's constant, beside these imports (src/definition.ts). */
const RESERVED = new Set(
  "agency demoCast resolveFamilyReference break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await".split(" "),
);

export interface AgencyNames {
  /** kebab-case: registry name, folder, subgraph and service name. */
  name: string;
  camel: string;
  Pascal: string;
  snake: string;
  title: string;
}

export interface NewAgencyOptions {
  name: string;
  port?: number;
  title?: string;
  roles?: Role[];
}

export function agencyNames(name: string, title?: string): AgencyNames {
  const words = name.split("-");
  const cap = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
  const camel = words[0] + words.slice(1).map(cap).join("");
  return { name, camel, Pascal: words.map(cap).join(""), snake: words.join("_"), title: title ?? cap(words.join(" ")) };
}

/** The registry as it is on disk now, read afresh (the file changes while this runs). */
function readRegistry(): readonly Agency[] {
  const file = require.resolve("../subgraphs/agencies");
  delete require.cache[file];
  const { AGENCIES } = require(file) as { AGENCIES: readonly Agency[] };
  delete require.cache[file];
  return AGENCIES;
}

/** Every problem with the request, or an empty list. */
export function problemsWith(options: NewAgencyOptions, registry: readonly Agency[]): string[] {
  const problems: string[] = [];
  const { name } = options;
  if (!/^[a-z][a-z0-9]*(-[a-z][a-z0-9]*)*$/.test(name) || name.length > 40) {
    problems.push(`"${name}" is not an agency name: lower-case words joined by "-", e.g. "courts" or "health-insurance" (40 characters at most).`);
  } else {
    if (RESERVED.has(agencyNames(name).camel)) problems.push(`"${name}" would name a constant "${agencyNames(name).camel}": choose another name.`);
    if (registry.some((entry) => entry.name === name)) problems.push(`The registry (subgraphs/agencies.ts) already has an agency "${name}".`);
    if (fs.existsSync(path.join(ROOT, "subgraphs", name))) problems.push(`subgraphs/${name}/ exists already.`);
    const urlSetting = `${agencyNames(name).snake.toUpperCase()}_URL`;
    if (registry.some((entry) => entry.urlSetting === urlSetting)) problems.push(`The URL setting ${urlSetting} is taken.`);
  }
  if (options.port !== undefined) {
    if (!Number.isSafeInteger(options.port) || options.port < 1024 || options.port > 65535) problems.push(`--port must be a whole number from 1024 to 65535.`);
    else if (options.port === GATEWAY_PORT) problems.push(`Port ${GATEWAY_PORT} is the gateway's.`);
    else if (registry.some((entry) => entry.defaultPort === options.port)) problems.push(`Port ${options.port} is ${registry.find((e) => e.defaultPort === options.port)!.name}'s.`);
  }
  if (options.title !== undefined && !/^[\p{L}\p{N} .,'()&-]{1,60}$/u.test(options.title)) {
    problems.push(`--title: letters, digits, spaces and . , ' ( ) & - only (60 at most): it is written into descriptions.`);
  }
  for (const role of options.roles ?? []) {
    const owner = registry.find((entry) => entry.roles.includes(role));
    if (!(ROLES as readonly string[]).includes(role) || !OFFICER_ROLES.includes(role)) {
      problems.push(`--roles: ${role} is not an officer role: declare it in kernel/auth/viewer.ts (ROLES and OFFICER_ROLES) first.`);
    } else if (owner) {
      problems.push(`--roles: ${role} is ${owner.name}'s; a role belongs to one agency.`);
    }
  }
  return problems;
}

/** The next port after the registry's highest (the gateway's skipped). */
export function nextFreePort(registry: readonly Agency[]): number {
  let port = Math.max(GATEWAY_PORT, ...registry.map((entry) => entry.defaultPort)) + 1;
  while (registry.some((entry) => entry.defaultPort === port)) port += 1;
  return port;
}

/** The registry line of the new agency: no events, start order 1 (after civil-affairs, whose keys it fetches). */
export function registryLine(names: AgencyNames, port: number, roles: readonly Role[]): string {
  const list = (items: readonly string[]) => `[${items.map((item) => JSON.stringify(item)).join(", ")}]`;
  return `  { name: "${names.name}", defaultPort: ${port}, urlSetting: "${names.snake.toUpperCase()}_URL", startOrder: 1, subscribesTo: [], roles: ${list(roles)} },`;
}

/** The registry file with `line` added as the last entry of AGENCIES. */
export function withRegistryLine(source: string, line: string): string {
  const start = source.indexOf("export const AGENCIES = [");
  const end = start < 0 ? -1 : source.slice(start).search(/^\]/m);
  if (end < 0) throw new Error("subgraphs/agencies.ts: cannot find the list `export const AGENCIES = [ … ]` to add the agency to.");
  const at = start + end;
  return `${source.slice(0, at)}${line}\n${source.slice(at)}`;
}

/** Fills in the placeholders; one left unfilled is an error in the template. */
export function render(text: string, values: Record<string, string>, where: string): string {
  const out = text.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
  const left = /\{\{\w+\}\}/.exec(out);
  if (left) throw new Error(`scripts/agencyTemplate/${where}: unknown placeholder ${left[0]}`);
  return out;
}

/** The template's files (`*.tmpl`), relative to its folder. */
function templateFiles(dir = TEMPLATE_DIR): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return templateFiles(full);
    return entry.name.endsWith(".tmpl") ? [path.relative(TEMPLATE_DIR, full)] : [];
  });
}

/** Writes subgraphs/<name>/ from the template; returns the files written, relative to the repository. */
export function writeAgencyFolder(names: AgencyNames, timestamp: number): string[] {
  const values: Record<string, string> = { ...names, timestamp: String(timestamp) };
  const folder = path.join(ROOT, "subgraphs", names.name);
  const written: string[] = [];
  for (const file of templateFiles()) {
    const target = path.join(folder, render(file, values, file).replace(/\.tmpl$/, ""));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, render(fs.readFileSync(path.join(TEMPLATE_DIR, file), "utf8"), values, file), { flag: "wx" });
    written.push(path.relative(ROOT, target));
  }
  return written.sort();
}

/**
 * Writes every file that derives from the registry and the subgraphs' code, as their own commands do;
 * loads the registry afresh, so it must run after the registry line is written.
 */
export async function writeDerivedFiles(): Promise<string[]> {
  readRegistry(); // drops any cached copy before the modules below load it
  const written: string[] = [];
  const write = (file: string, content: string) => {
    const target = path.join(ROOT, file);
    if (fs.existsSync(target) && fs.readFileSync(target, "utf8") === content) return;
    fs.writeFileSync(target, content);
    written.push(file);
  };
  const { compose, schemaFiles } = await import("./composition");
  for (const [name, content] of Object.entries(schemaFiles(await compose()))) write(`schema/${name}`, content);
  const { writeAgencyFiles } = await import("./agencyFiles");
  written.push(...writeAgencyFiles());
  const { currentSupergraphYaml, SUPERGRAPH_YAML } = await import("./schema/supergraphYaml");
  write(path.relative(ROOT, SUPERGRAPH_YAML), await currentSupergraphYaml());
  return written;
}

export async function newAgency(options: NewAgencyOptions): Promise<{ names: AgencyNames; port: number; folder: string[]; derived: string[] }> {
  const registry = readRegistry();
  const problems = problemsWith(options, registry);
  if (problems.length > 0) throw new Error(problems.join("\n"));
  const names = agencyNames(options.name, options.title);
  const port = options.port ?? nextFreePort(registry);
  const folder = writeAgencyFolder(names, Date.now());
  fs.writeFileSync(REGISTRY_FILE, withRegistryLine(fs.readFileSync(REGISTRY_FILE, "utf8"), registryLine(names, port, options.roles ?? [])));
  try {
    return { names, port, folder, derived: await writeDerivedFiles() };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\nsubgraphs/${names.name}/ and its line in subgraphs/agencies.ts are written; fix them and run \`npm run compose\`, or remove both to start again.`);
  }
}

export function parseArgs(args: string[]): NewAgencyOptions {
  const options: NewAgencyOptions = { name: "" };
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => inline ?? args[++i] ?? "";
    if (flag === "--port") options.port = Number(value());
    else if (flag === "--title") options.title = value();
    else if (flag === "--roles") options.roles = value().split(",").map((role) => role.trim()).filter(Boolean) as Role[];
    else if (flag.startsWith("--")) throw new Error(`Unknown option ${flag}.`);
    else names.push(arg);
  }
  if (names.length !== 1) throw new Error('usage: npm run agency:new -- <name> [--port N] [--title "Display name"] [--roles ROLE,ROLE]');
  options.name = names[0]!;
  return options;
}

if (require.main === module) {
  (async () => {
    const { names, port, folder, derived } = await newAgency(parseArgs(process.argv.slice(2)));
    console.log(`Agency "${names.name}" on port ${port}: its line in subgraphs/agencies.ts and subgraphs/${names.name}/:`);
    for (const file of folder) console.log(`  ${file}`);
    console.log(`Written from the registry and the code: ${derived.join(", ") || "nothing"}.`);
    console.log(
      [
        "",
        "Next:",
        `  npm start     the platform with ${names.name}: { me { family { ${names.camel}Notes { text } } } } through the gateway`,
        `  npm test      typecheck and every test, the agency's own in subgraphs/${names.name}/test/`,
        "  Make the records the agency's own (entity, migration, seed, test), then `npm run compose` and `npm run schema:check`.",
      ].join("\n"),
    );
  })().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
