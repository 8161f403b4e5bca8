import { execFile } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { buildSchema, parse, validate, type DefinitionNode, type OperationDefinitionNode } from "graphql";
import { sha256 } from "../../gateway/src/security/persistedOperations";
import { buildWebForGateway } from "../support/browser";
import type { TestGateway } from "../support/gatewayProcess";
import { inProcessGateway } from "../support/inProcessGateway";

/**
 * How the gateway serves the citizens' web app (gateway/src/webApp.ts) and whether the app's
 * GraphQL documents, their generated code and the persisted-operations manifest agree with the
 * API. No browser: the browser tests are citizenApp.browser.test.ts.
 */
const ROOT = path.resolve(__dirname, "../..");
const WEB_SRC = path.join(ROOT, "web", "src");

/** Every operation document of the app (web/src/**\/*.graphql), by path relative to the root. */
function appDocuments(): Array<{ file: string; text: string }> {
  return (fs.readdirSync(WEB_SRC, { recursive: true }) as string[])
    .filter((file) => file.endsWith(".graphql"))
    .sort()
    .map((file) => ({ file: path.join("web/src", file), text: fs.readFileSync(path.join(WEB_SRC, file), "utf8") }));
}

const isOperation = (definition: DefinitionNode): definition is OperationDefinitionNode => definition.kind === "OperationDefinition";

/** A GET with the path sent exactly as written (fetch would resolve `..` and re-encode it first). */
function rawGet(port: number, rawPath: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, path: rawPath, method: "GET" }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on("error", reject);
    request.end();
  });
}

/** The directives of a Content-Security-Policy header, by name. */
function cspDirectives(header: string | null): Record<string, string> {
  return Object.fromEntries(
    (header ?? "")
      .split(";")
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name, ...values] = part.split(/\s+/);
        return [name!.toLowerCase(), values.join(" ")];
      }),
  );
}

describe("the gateway serves the citizens' web app", () => {
  let webDir: string;
  let gateway: TestGateway;
  let origin: string;
  // Files a path traversal would reach if the gateway followed it: planted beside and inside assets/.
  const SECRET = `secret-${process.pid}-${Date.now()}`;

  beforeAll(async () => {
    webDir = await buildWebForGateway();
    fs.writeFileSync(path.join(webDir, "app", "package.json"), JSON.stringify({ name: SECRET }));
    fs.writeFileSync(path.join(webDir, "package.json"), JSON.stringify({ name: SECRET }));
    fs.writeFileSync(path.join(webDir, "app", "assets", ".env"), `TOKEN=${SECRET}\n`);
    gateway = await inProcessGateway({ WEB_DIR: webDir });
    origin = `http://127.0.0.1:${gateway.port}`;
  });
  afterAll(async () => {
    await gateway?.stop();
    if (webDir) fs.rmSync(webDir, { recursive: true, force: true });
  });

  it("answers / with the app's page and headers that keep it safe in a browser", async () => {
    const response = await fetch(`${origin}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('<div id="app"></div>');
    expect(html).toMatch(/<script type="module" src="\/assets\/main-[A-Z0-9]+\.js"><\/script>/);
    // The page's own name in every build: never cached, so a new build is picked up at once.
    expect(response.headers.get("cache-control")).toBe("no-cache");

    const csp = cspDirectives(response.headers.get("content-security-policy"));
    expect(csp["script-src"]).toBeDefined();
    expect(csp["script-src"]).not.toContain("'unsafe-inline'");
    expect(csp["script-src"]).not.toContain("'unsafe-eval'");
    expect(csp["default-src"]).toBe("'none'");
    expect(csp["frame-ancestors"]).toBe("'none'");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    // No inline script in the page itself: the policy would block it.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);

    const again = await fetch(`${origin}/index.html`);
    expect(again.status).toBe(200);
    expect(await again.text()).toBe(html);
  });

  it("serves the hashed assets with a year-long immutable cache and their own types", async () => {
    const html = await (await fetch(`${origin}/`)).text();
    const assets = [...html.matchAll(/"(\/assets\/main-[A-Z0-9]+\.(js|css))"/g)].map((match) => ({ url: match[1]!, kind: match[2]! }));
    expect(assets.map((asset) => asset.kind).sort()).toEqual(["css", "js"]);
    for (const asset of assets) {
      const response = await fetch(`${origin}${asset.url}`);
      expect({ url: asset.url, status: response.status }).toEqual({ url: asset.url, status: 200 });
      expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(response.headers.get("content-type")).toBe(asset.kind === "js" ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      const body = await response.text();
      expect(body).toBe(fs.readFileSync(path.join(webDir, "app", asset.url), "utf8"));
    }
  });

  it("serves nothing outside the assets folder, nor its dot files", async () => {
    const attempts = [
      "/assets/../package.json",
      "/assets/%2e%2e%2fpackage.json",
      "/assets/%2e%2e/package.json",
      "/assets/..%2fpackage.json",
      "/assets/..%5cpackage.json",
      "/assets/%2e%2e%2f%2e%2e%2fpackage.json",
      "/assets/.env",
      "/assets/%2eenv",
      "/assets/",
      "/assets/missing-ABCDEFGH.js",
      "/package.json",
    ];
    for (const attempt of attempts) {
      const response = await rawGet(gateway.port, attempt);
      expect({ attempt, status: response.status }).toEqual({ attempt, status: 404 });
      expect(response.body).not.toContain(SECRET);
      expect(response.body).not.toContain('"name"');
    }
  });
});

describe("the web app's operations", () => {
  const schema = buildSchema(fs.readFileSync(path.join(ROOT, "schema", "api.graphql"), "utf8"));
  const documents = appDocuments();
  // Fragments may be shared across files (web/src/family/family.graphql's Person, Address, Office).
  const all = parse(documents.map((document) => document.text).join("\n"));
  const operations = all.definitions.filter(isOperation);

  it("validate against the API schema (schema/api.graphql)", () => {
    expect(documents.length).toBeGreaterThan(0);
    expect(operations.length).toBeGreaterThan(0);
    expect(operations.every((operation) => operation.name)).toBe(true);
    expect(validate(schema, all).map((error) => `${error.message} (${error.locations?.map((l) => `${l.line}:${l.column}`).join(", ")})`)).toEqual([]);
    const names = operations.map((operation) => operation.name!.value);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  it("are in the persisted-operations manifest buildWeb writes, one entry each, in Apollo's format", async () => {
    const webDir = await buildWebForGateway();
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(webDir, "persisted-operations.json"), "utf8"));
      expect(Object.keys(manifest).sort()).toEqual(["format", "operations", "version"]);
      expect(manifest.format).toBe("apollo-persisted-query-manifest");
      expect(manifest.version).toBe(1);
      const entries = manifest.operations as Array<{ id: string; name: string; type: string; body: string }>;
      expect(entries.map((entry) => entry.name).sort()).toEqual(operations.map((operation) => operation.name!.value).sort());
      for (const entry of entries) {
        expect(Object.keys(entry).sort()).toEqual(["body", "id", "name", "type"]);
        expect({ name: entry.name, id: entry.id }).toEqual({ name: entry.name, id: sha256(entry.body) });
        const body = parse(entry.body);
        const [operation, ...others] = body.definitions.filter(isOperation);
        expect(others).toEqual([]);
        // The document as codegen normalised it (fields sorted, one line): the same operation, of the same type.
        const source = operations.find((candidate) => candidate.name!.value === entry.name)!;
        expect({ name: entry.name, operation: operation!.name?.value, type: entry.type }).toEqual({ name: entry.name, operation: entry.name, type: source.operation });
        expect(operation!.operation).toBe(source.operation);
        // The body is whole on its own: the operation and the fragments it uses.
        expect({ name: entry.name, errors: validate(schema, body).map((error) => error.message) }).toEqual({ name: entry.name, errors: [] });
      }
    } finally {
      fs.rmSync(webDir, { recursive: true, force: true });
    }
  });

  it("have up-to-date generated code in web/src/graphql (npm run web:codegen)", async () => {
    const started = Date.now();
    // In a process of its own (codegenOutputs.ts): the codegen CLI loads ES modules jest cannot.
    const outputs = await new Promise<Array<{ filename: string; content: string }>>((resolve, reject) =>
      execFile(process.execPath, ["-r", "@swc-node/register", path.join(__dirname, "codegenOutputs.ts")], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
        error ? reject(new Error(`web codegen failed: ${stderr || error.message}`)) : resolve(JSON.parse(stdout)),
      ),
    );
    const seconds = (Date.now() - started) / 1000;
    expect(outputs.length).toBeGreaterThan(0);
    const stale = outputs
      .filter((output) => {
        const file = path.resolve(ROOT, output.filename);
        return !fs.existsSync(file) || fs.readFileSync(file, "utf8") !== output.content;
      })
      .map((output) => `${output.filename} differs from what npm run web:codegen writes`);
    // Nor may a file codegen no longer writes linger beside them.
    const written = new Set(outputs.map((output) => path.resolve(ROOT, output.filename)));
    const generatedDir = path.join(WEB_SRC, "graphql");
    const leftOver = fs
      .readdirSync(generatedDir)
      .map((file) => path.join(generatedDir, file))
      .filter((file) => !written.has(file))
      .map((file) => `${path.relative(ROOT, file)} is not written by npm run web:codegen any more`);
    expect([...stale, ...leftOver]).toEqual([]);
    expect(seconds).toBeLessThan(30);
  });
});
