import { exec, execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { parse, parseAllDocuments } from "yaml";
import { AGENCY_FILES } from "../scripts/agencyFiles";
import type { Stack, StackPorts } from "../scripts/stack";
import type { Agency } from "../subgraphs/agencies";
import { codes, graphql } from "./support/http";
import { freePort, TEST_SERVICE_NODE_ARGS } from "./support/stack";

/**
 * Issue 13's promise: a new agency is one folder and one registry line. In a copy of the repository,
 * `npm run agency:new -- courts` scaffolds it (and writes what derives from the registry); the copy's
 * own stack then starts the three agencies, courts and the gateway, and courts answers through the
 * unified Family and records its reads in `myDataAccesses`. Its deployment files name courts, and the
 * copy's own deployment tests pass over them.
 */
const ROOT = path.resolve(__dirname, "..");
const NAME = "courts";
const FIELD = "courtsNotes";
/** Not copied: what is installed or produced locally (.gitignore) and the history. node_modules is linked. */
const NOT_COPIED = new Set(["node_modules", ".git", "data", "dist", "tmp", "coverage", ".scratch"]);

const FAHAD = "1000000016";
const NOURA = "1000000024"; // his wife
const CA_OFFICER = "1000000909";
const FAHADS_REGISTER = "3000000001";

/** Every file below `dir` (the linked node_modules left out) → a digest of its content. */
function snapshot(dir: string, base = dir, files = new Map<string, string>()): Map<string, string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) snapshot(full, base, files);
    else files.set(path.relative(base, full).split(path.sep).join("/"), crypto.createHash("sha1").update(fs.readFileSync(full)).digest("hex"));
  }
  return files;
}

describe("a new agency in one folder (npm run agency:new)", () => {
  let copy: string;
  let stack: Stack | undefined;
  const logs: string[] = [];
  let before: Map<string, string>;
  let after: Map<string, string>;
  let copiedAgencies: readonly Agency[];

  beforeAll(async () => {
    copy = fs.mkdtempSync(path.join(os.tmpdir(), "agency-scaffold-"));
    fs.cpSync(ROOT, copy, { recursive: true, filter: (source) => !NOT_COPIED.has(path.relative(ROOT, source).split(path.sep)[0]!) && !source.endsWith(".log") });
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(copy, "node_modules"), "dir");
    before = snapshot(copy);

    // The command as package.json states it: scaffolds, adds the registry line, composes, writes the generated files.
    const script = (JSON.parse(fs.readFileSync(path.join(copy, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts["agency:new"];
    expect(script).toBeDefined();
    await promisify(exec)(`${script} ${NAME}`, { cwd: copy });
    after = snapshot(copy);

    // The copy's own stack (scripts/stack.ts), as `npm start` runs it, on in-memory databases.
    const { startStack } = require(path.join(copy, "scripts", "stack.ts")) as typeof import("../scripts/stack");
    copiedAgencies = (require(path.join(copy, "subgraphs", "agencies.ts")) as typeof import("../subgraphs/agencies")).AGENCIES;
    const ports: Record<string, number> = {};
    for (const name of ["gateway", ...copiedAgencies.map((agency) => agency.name)]) ports[name] = await freePort();
    try {
      stack = await startStack({
        ports: ports as StackPorts,
        dataDir: path.join(copy, "data"),
        env: { NODE_ENV: "test", LOG_LEVEL: "warn", DATABASE_URL: "", EMBEDDED_DATABASE: "memory", DEMO_FAMILIES: "0" },
        output: (service, line) => logs.push(`[${service}] ${line}`),
        nodeArgs: () => TEST_SERVICE_NODE_ARGS,
      });
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${logs.slice(-30).join("\n")}`);
    }
  }, 240_000);

  afterAll(async () => {
    await stack?.stop();
    if (copy) fs.rmSync(copy, { recursive: true, force: true });
  }, 60_000);

  const login = async (nationalId: string) => {
    const response = await graphql(stack!.gatewayUrl, `mutation($id: ID!) { login(nationalId: $id, password: "demo-password") { accessToken } }`, { id: nationalId });
    if (!response.data?.login) throw new Error(`login ${nationalId}: ${JSON.stringify(response.errors)}`);
    return response.data.login.accessToken as string;
  };

  it("writes the folder and the registry line, and otherwise only what derives from the registry", () => {
    const changed = [...after.keys()].filter((file) => before.get(file) !== after.get(file)).sort();
    const removed = [...before.keys()].filter((file) => !after.has(file));
    expect(removed).toEqual([]);
    const derived = [
      "subgraphs/agencies.ts",
      `schema/${NAME}.graphql`,
      "schema/supergraph.graphql",
      "supergraph.yaml",
      "README.md",
      "docker/postgres/init.sql",
      "docker-compose.yml",
      "router/router.yaml",
      `deploy/kubernetes/${NAME}.yaml`,
      ...["kustomization", "config", "secrets", "migrate-job", "network-policies"].map((name) => `deploy/kubernetes/${name}.yaml`),
    ];
    const generated = new Set([...derived, ...AGENCY_FILES.map(({ file }) => file)]);
    const outside = changed.filter((file) => !file.startsWith(`subgraphs/${NAME}/`) && !generated.has(file) && !/^schema\/[^/]+\.graphql$/.test(file));
    expect(outside).toEqual([]);
    expect(changed).toEqual(expect.arrayContaining(derived));
    for (const file of ["deployment.ts", "src/definition.ts", "src/main.ts", "src/settings.ts", "src/audit/personalData.ts", "src/audit/dataAccessReport.ts", "test/familyNotes.test.ts"]) {
      expect(changed).toContain(`subgraphs/${NAME}/${file}`);
    }
    expect(changed.filter((file) => file.startsWith(`subgraphs/${NAME}/src/migrations/`))).toHaveLength(1);

    const highest = Math.max(...copiedAgencies.filter((agency) => agency.name !== NAME).map((agency) => agency.defaultPort));
    expect(copiedAgencies.at(-1)).toEqual({ name: NAME, defaultPort: highest + 1, urlSetting: "COURTS_URL", startOrder: 1, subscribesTo: [], roles: [] });
  });

  it("answers through the gateway's unified Family, records another member's read and an officer's refusal, and shows them in myDataAccesses", async () => {
    const fahad = await login(FAHAD);
    const query = `{ me { family { registerNumber ${FIELD} { text recordedAt } } } }`;
    const own = await graphql(stack!.gatewayUrl, query, {}, { token: fahad });
    expect(own.errors).toBeUndefined();
    expect(own.data.me.family.registerNumber).toBe(FAHADS_REGISTER);
    expect(own.data.me.family[FIELD]).toEqual([{ text: expect.stringContaining("Courts"), recordedAt: expect.any(String) }]);

    // His wife reads the same records through courts' own query, a civil-affairs officer is refused them.
    const byWife = await graphql(stack!.gatewayUrl, `query WifeReads($n: ID!) { courtsFamily(registerNumber: $n) { ${FIELD} { text } } }`, { n: FAHADS_REGISTER }, { token: await login(NOURA) });
    expect(byWife.errors).toBeUndefined();
    expect(byWife.data.courtsFamily[FIELD]).toHaveLength(1);
    const byOfficer = await graphql(stack!.gatewayUrl, `query OfficerLooks($n: ID!) { family(registerNumber: $n) { ${FIELD} { text } } }`, { n: FAHADS_REGISTER }, { token: await login(CA_OFFICER) });
    expect(codes(byOfficer)).toContain("FORBIDDEN");

    const report = await graphql(stack!.gatewayUrl, `{ myDataAccesses { nationalId courts { accessorNationalId action fields refusedFields outcome operationName } } }`, {}, { token: fahad });
    expect(report.errors).toBeUndefined();
    const accesses = report.data.myDataAccesses.courts as Array<{ accessorNationalId: string; fields: string[]; refusedFields: string[] }>;
    expect(accesses).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ accessorNationalId: NOURA, action: "READ", outcome: "COMPLETED", operationName: null, fields: expect.arrayContaining([`Family.${FIELD}`]) }),
        expect.objectContaining({ accessorNationalId: CA_OFFICER, outcome: "REFUSED", operationName: "OfficerLooks", refusedFields: [`Family.${FIELD}`] }),
      ]),
    );
    // His own reads are not someone else's.
    expect(accesses.map((access) => access.accessorNationalId)).not.toContain(FAHAD);
  }, 60_000);

  it("is in every deployment file, and the copy's deployment tests pass over them", async () => {
    const read = (file: string) => fs.readFileSync(path.join(copy, file), "utf8");
    const courts = copiedAgencies.at(-1)!;
    const compose = parse(read("docker-compose.yml"), { merge: true });
    expect(compose.services[NAME].command).toEqual(["node", `dist/subgraphs/${NAME}/src/main.js`]);
    expect(compose.services.gateway.environment.COURTS_URL).toBe(`http://${NAME}:${courts.defaultPort}`);
    expect(read("docker/postgres/init.sql")).toContain(`CREATE DATABASE ${NAME};`);
    expect(parse(read("supergraph.yaml")).subgraphs[NAME]).toEqual({ routing_url: `http://localhost:${courts.defaultPort}/graphql`, schema: { file: `./schema/${NAME}.graphql` } });
    const router = parse(read("router/router.yaml"));
    expect(router.override_subgraph_url[NAME]).toBe(`\${env.COURTS_URL:-http://127.0.0.1:${courts.defaultPort}}/graphql`);
    expect(router.traffic_shaping.subgraphs[NAME]).toBeDefined();

    const kubernetes = (file: string) => parseAllDocuments(read(`deploy/kubernetes/${file}`), { version: "1.1" }).map((document) => document.toJS());
    expect(parse(read("deploy/kubernetes/kustomization.yaml")).resources).toContain(`${NAME}.yaml`);
    expect(kubernetes(`${NAME}.yaml`).map((object) => `${object.kind} ${object.metadata.name}`)).toEqual([
      `Deployment ${NAME}`,
      `Service ${NAME}`,
      `Service ${NAME}-pods`,
      `HorizontalPodAutoscaler ${NAME}`,
      `PodDisruptionBudget ${NAME}`,
    ]);
    expect(kubernetes("config.yaml").find((object) => object.metadata.name === "gateway-config").data.COURTS_URL).toBe(`http://${NAME}-pods:${courts.defaultPort}`);
    expect(kubernetes("migrate-job.yaml")[0].spec.template.spec.containers.map((container: { name: string }) => container.name)).toContain(NAME);
    const policies = kubernetes("network-policies.yaml");
    expect(policies.find((policy) => policy.metadata.name === NAME)?.spec.podSelector).toEqual({ matchLabels: { "app.kubernetes.io/name": NAME } });
    expect(policies.find((policy) => policy.metadata.name === "gateway").spec.egress).toContainEqual({
      to: [{ podSelector: { matchLabels: { "app.kubernetes.io/name": NAME } } }],
      ports: [{ port: courts.defaultPort }],
    });

    // The checks of compose against the code's settings, of every Kubernetes object against the API
    // schema and of the NetworkPolicies' flows, of router.yaml's keys, and that nothing generated is stale.
    const suites = ["test/dockerCompose.test.ts", "test/deployment/kubernetes.test.ts", "test/router.test.ts", "test/registry.test.ts"];
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(ROOT, "node_modules", "jest", "bin", "jest.js"), "--runInBand", "--ci", "--json", ...suites], {
      cwd: copy,
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: { stdout: string }) => error);
    const report = JSON.parse(stdout) as { testResults: Array<{ status: string; message: string; assertionResults: Array<{ fullName: string; status: string }> }> };
    expect(report.testResults.filter((suite) => suite.status !== "passed").map((suite) => suite.message)).toEqual([]);
    const results = report.testResults.flatMap((suite) => suite.assertionResults);
    expect(results.map((result) => result.fullName)).toEqual(
      expect.arrayContaining([
        `docker-compose.yml ${NAME} sets only environment variables its code reads`,
        `docker-compose.yml ${NAME} sets every required setting that has no default`,
        `deploy/kubernetes Deployment ${NAME} is valid against the Kubernetes API schema`,
        `deploy/kubernetes ${NAME} sets only settings its code declares, and every one it requires`,
        "deploy/kubernetes NetworkPolicies allow exactly the platform's flows",
      ]),
    );
  }, 120_000);
});
