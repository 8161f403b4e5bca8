import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import Redis from "ioredis";
import { loadPersistedOperations, RegisteredOperations } from "../../gateway/src/security/persistedOperations";
import { withCheckDigit } from "../../kernel/nationalId";
import { codes, graphql, violationRules, type GraphQLResponse } from "../support/http";
import { startTestIdentityProvider } from "../support/identityProvider";
import { PRODUCTION, testGatewayEnv, type TestGateway as RunningGateway } from "../support/gatewayProcess";
import { inProcessGateway as gateway } from "../support/inProcessGateway";

/**
 * The gateway's abuse limits. They act before the query is planned, so these gateways run without
 * subgraphs (dead URLs): only `{ __typename }` is ever executed, by the gateway itself. Each gateway
 * runs in this process (test/support/inProcessGateway.ts); only the one that must exit at start
 * with a message runs as a process of its own.
 */
const sha256 = (text: string) => crypto.createHash("sha256").update(text).digest("hex");

/** One sample's value in a Prometheus scrape; 0 when the series has not been counted yet. */
const sample = (scrape: string, series: string) => {
  const line = scrape.split("\n").find((text) => text.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
};

/** me › family › (head › family) × pairs › registerNumber: 3 + 2 × pairs levels deep. */
const nested = (pairs: number) => `{ me { family { ${"head { family { ".repeat(pairs)}registerNumber${" } }".repeat(pairs)} } } }`;

describe("gateway abuse limits", () => {
  let main: RunningGateway;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gw-limits-"));
  beforeAll(async () => {
    main = await gateway({ LOGIN_RATE_LIMIT_POINTS: "2", MAX_BATCH_SIZE: "3", BODY_LIMIT_BYTES: "4000", MAX_QUERY_COST: "5000", CORS_ORIGINS: "https://app.example" });
  });
  afterAll(async () => {
    await main?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a query deeper than MAX_QUERY_DEPTH (12) with BAD_USER_INPUT / MAX_DEPTH, HTTP 400", async () => {
    const response = await graphql(main.url, nested(5)); // 13 levels
    expect(response.status).toBe(400);
    expect(codes(response)).toEqual(["BAD_USER_INPUT"]);
    expect(violationRules(response)).toEqual(["MAX_DEPTH"]);
    // Fewer levels pass the limit (and are then refused for want of a token, not for depth).
    expect(codes(await graphql(main.url, nested(4)))).toEqual(["UNAUTHENTICATED"]); // 11 levels
  });

  it("refuses a query costing more than MAX_QUERY_COST (5000), lists counted by first or 10", async () => {
    const expensive = `{ a: familiesForReview(registerNumbers: ["1"]) { members { citizen { family { members { relation } } } } } }`;
    expect(violationRules(await graphql(main.url, expensive))).toEqual([]);
    const wide = `query($ids: [ID!]!) { familiesForReview(registerNumbers: $ids) { members { citizen { family { members { relation } } } } } }`;
    const response = await graphql(main.url, wide, { ids: Array.from({ length: 100 }, (_, i) => String(i)) });
    expect(response.status).toBe(400);
    expect(violationRules(response)).toEqual(["MAX_COST"]);
    // A page counts its first (at most the 100 a queue returns: a larger first is the subgraph's OUT_OF_RANGE).
    const paged = await graphql(main.url, `{ cardApplications(first: 100) { edges { node { id history { to } documents { id } spouses { nationalId } children { nationalId } } } } }`);
    expect(violationRules(paged)).toContain("MAX_COST");
  });

  it("refuses more than MAX_ALIASES (60) aliases and MAX_ROOT_FIELDS (60) root fields", async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: civilAffairsOffices { id }`).join(" ")} }`;
    expect(violationRules(await graphql(main.url, aliases(61)))).toEqual(["MAX_ALIASES", "MAX_ROOT_FIELDS"]);
    const nestedAliases = `{ civilAffairsOffices { ${Array.from({ length: 61 }, (_, i) => `n${i}: id`).join(" ")} } }`;
    expect(violationRules(await graphql(main.url, nestedAliases))).toEqual(["MAX_ALIASES"]);
    // 50 root aliases (a labor officer's review, test/e2e/labor.e2e.test.ts) stay within the limits.
    expect(violationRules(await graphql(main.url, aliases(50)))).toEqual([]);
  });

  it("counts fragments once each, however often they are spread", async () => {
    const fragments = Array.from({ length: 20 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(" ");
    const response = await graphql(main.url, `{ ...F0 } ${fragments} fragment F20 on Query { civilAffairsOffices { id } }`);
    expect(response.status).toBe(400);
    expect(violationRules(response)).toEqual(["MAX_COST", "MAX_ROOT_FIELDS"]);
  });

  it("refuses a body larger than BODY_LIMIT_BYTES with 413", async () => {
    const response = await fetch(main.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ __typename }`, variables: { padding: "x".repeat(5000) } }),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as any).errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "PAYLOAD_TOO_LARGE" });
  });

  it("answers batches of up to MAX_BATCH_SIZE operations and refuses larger ones", async () => {
    const batch = (n: number) =>
      fetch(main.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(Array.from({ length: n }, () => ({ query: "{ __typename }" }))) });
    const ok = await batch(3);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual(Array.from({ length: 3 }, () => ({ data: { __typename: "Query" } })));
    const refused = await batch(4);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as any).errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "MAX_BATCH_SIZE", maxBatchSize: 3 });
  });

  it("keeps CSRF prevention on: a GET or a text/plain POST without a preflight header is refused", async () => {
    const get = await fetch(`${main.url}?query=${encodeURIComponent("{ __typename }")}`);
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/Cross-Site Request Forgery/);
    const plain = await fetch(main.url, { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify({ query: "{ __typename }" }) });
    expect(plain.status).toBe(400);
    expect(await plain.text()).toMatch(/Cross-Site Request Forgery/);
    const preflighted = await fetch(`${main.url}?query=${encodeURIComponent("{ __typename }")}`, { headers: { "apollo-require-preflight": "true" } });
    expect(preflighted.status).toBe(200);
  });

  it("supports automatic persisted queries: the hash alone after the first full request", async () => {
    const query = `{ __typename }`;
    const persistedQuery = { version: 1, sha256Hash: sha256(query) };
    const post = (body: object) => fetch(main.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then((r) => r.json() as Promise<any>);
    expect((await post({ extensions: { persistedQuery } })).errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect((await post({ query, extensions: { persistedQuery } })).data).toEqual({ __typename: "Query" });
    expect((await post({ extensions: { persistedQuery } })).data).toEqual({ __typename: "Query" });
  });

  it("limits login attempts per national ID (in any digits) with RATE_LIMITED, HTTP 429", async () => {
    const login = (id: string) => graphql(main.url, `mutation($id: ID!) { login(nationalId: $id, password: "x") { accessToken } }`, { id });
    await login("1000000057");
    await login("١٠٠٠٠٠٠٠٥٧");
    const third = await login("1000000057");
    expect(third.status).toBe(429);
    expect(codes(third)).toEqual(["RATE_LIMITED"]);
    expect(third.headers.get("retry-after")).toMatch(/^\d+$/);
    // Another ID is not affected.
    expect(codes(await login("1000000016"))).not.toContain("RATE_LIMITED");
  });

  it("counts an ID given as a variable's default value", async () => {
    const id = "1000000107";
    await graphql(main.url, `mutation($id: ID! = "${id}") { login(nationalId: $id, password: "x") { accessToken } }`);
    await graphql(main.url, `mutation($id: ID! = "${id}") { login(nationalId: $id, password: "x") { accessToken } }`);
    expect(codes(await graphql(main.url, `mutation($id: ID!) { login(nationalId: $id, password: "x") { accessToken } }`, { id }))).toEqual(["RATE_LIMITED"]);
  });

  it("limits sign-ins per client, whatever the IDs", async () => {
    const limited = await gateway({ LOGIN_CLIENT_RATE_LIMIT_POINTS: "3" });
    try {
      const ids = ["1000000115", "1000000123", "1000000131", "1000000149"];
      const answers = [];
      for (const id of ids) answers.push(await graphql(limited.url, `mutation($id: ID!) { login(nationalId: $id, password: "x") { accessToken } }`, { id }));
      expect(answers.map((a) => codes(a).includes("RATE_LIMITED"))).toEqual([false, false, false, true]);
    } finally {
      await limited.stop();
    }
  });

  it("closes the connection of a refused request without reading its body", async () => {
    const refused = await fetch(main.url, { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer forged.token.value" }, body: JSON.stringify({ query: "{ __typename }", padding: "x".repeat(3000) }) });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("connection")).toBe("close");
  });

  it("finds login however the operation is written: inline fragment, fragment spread under an alias, a number variable", async () => {
    const id = "1000000099";
    await graphql(main.url, `mutation { ... on Mutation { login(nationalId: "${id}", password: "x") { accessToken } } }`);
    await graphql(main.url, `mutation { ...L } fragment L on Mutation { signIn: login(nationalId: "١٠٠٠٠٠٠٠٩٩", password: "x") { accessToken } }`);
    const third = await graphql(main.url, `mutation($id: ID!) { login(nationalId: $id, password: "x") { accessToken } }`, { id: Number(id) });
    expect(third.status).toBe(429);
    expect(codes(third)).toEqual(["RATE_LIMITED"]);
  });

  it("limits requests per client (IP address without a token) with RATE_LIMITED, HTTP 429", async () => {
    const limited = await gateway({ RATE_LIMIT_POINTS: "3" });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await graphql(limited.url, `{ __typename }`)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await graphql(limited.url, `{ __typename }`);
      expect(codes(refused)).toEqual(["RATE_LIMITED"]);
    } finally {
      await limited.stop();
    }
  });

  it("names the client by X-Forwarded-For only behind a trusted proxy", async () => {
    const from = (gatewayUrl: string, address: string) => graphql(gatewayUrl, `{ __typename }`, {}, { headers: { "x-forwarded-for": address } });
    const behindProxy = await gateway({ RATE_LIMIT_POINTS: "2", TRUSTED_PROXIES: "127.0.0.1,10.0.0.0/8" });
    const direct = await gateway({ RATE_LIMIT_POINTS: "2" });
    try {
      const statuses = [];
      for (const address of ["203.0.113.1", "203.0.113.1", "203.0.113.1", "203.0.113.2", "203.0.113.9, 10.1.2.3"]) statuses.push((await from(behindProxy.url, address)).status);
      // The last: a proxy at 10.1.2.3 (trusted) forwarded for 203.0.113.9, a new client.
      expect(statuses).toEqual([200, 200, 429, 200, 200]);
      const spoofed = [];
      for (const address of ["203.0.113.1", "203.0.113.2", "203.0.113.3"]) spoofed.push((await from(direct.url, address)).status);
      expect(spoofed).toEqual([200, 200, 429]); // no trusted proxy: the header names nobody
    } finally {
      await Promise.all([behindProxy.stop(), direct.stop()]);
    }
  });

  it("counts every operation of a batch against the client's limit", async () => {
    const limited = await gateway({ RATE_LIMIT_POINTS: "5", MAX_BATCH_SIZE: "10" });
    try {
      const batch = (n: number) =>
        fetch(limited.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(Array.from({ length: n }, () => ({ query: "{ __typename }" }))) });
      expect((await batch(4)).status).toBe(200); // 4 of 5
      const refused = await batch(4);
      expect(refused.status).toBe(429);
      expect(((await refused.json()) as any).errors[0].extensions.code).toBe("RATE_LIMITED");
    } finally {
      await limited.stop();
    }
  });

  it("spends each operation's cost from the client's budget per minute", async () => {
    const budgeted = await gateway({ COST_BUDGET_PER_MINUTE: "100" });
    try {
      const costs20 = `{ civilAffairsOffices { id } }`; // a list of 10 assumed, 2 each
      const answers = [];
      for (let i = 0; i < 6; i++) answers.push(await graphql(budgeted.url, costs20));
      expect(answers.map((a) => codes(a).includes("RATE_LIMITED"))).toEqual([false, false, false, false, false, true]);
      expect(answers[5]!.status).toBe(429);
    } finally {
      await budgeted.stop();
    }
  });

  it("in production: no introspection, no query page, and only registered operations when ONLY_PERSISTED_OPERATIONS=true", async () => {
    const registered = `query Registered { __typename }`;
    const manifest = path.join(dir, "operations.json");
    fs.writeFileSync(manifest, JSON.stringify({ [sha256(registered)]: registered }));
    const production = await gateway({ ...PRODUCTION, PERSISTED_OPERATIONS_FILE: manifest, ONLY_PERSISTED_OPERATIONS: "true" });
    try {
      expect((await graphql(production.url, registered)).data).toEqual({ __typename: "Query" });
      const byHash = await fetch(production.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(registered) } } }),
      });
      expect(((await byHash.json()) as any).data).toEqual({ __typename: "Query" });
      const other = await graphql(production.url, `{ civilAffairsOffices { id } }`);
      expect(other.status).toBe(403);
      expect(codes(other)).toEqual(["FORBIDDEN"]);
      expect(other.errors![0]!.extensions!.reason).toBe("PERSISTED_QUERY_NOT_ALLOWED");
      const introspection = `{ __schema { queryType { name } } }`;
      fs.writeFileSync(manifest, JSON.stringify({ [sha256(registered)]: registered, [sha256(introspection)]: introspection }));
      const page = await fetch(production.url, { headers: { accept: "text/html" } });
      expect(await page.text()).not.toMatch(/<html/i);
    } finally {
      await production.stop();
    }
    const open = await gateway(PRODUCTION);
    try {
      const response = await graphql(open.url, `{ __schema { queryType { name } } }`);
      expect(codes(response)).toEqual(["BAD_USER_INPUT"]);
      expect(response.errors![0]!.extensions!.reason).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(response.errors![0]!.message).toMatch(/introspection/i);
    } finally {
      await open.stop();
    }
    const development = await fetch(main.url, { headers: { accept: "text/html" } });
    expect(await development.text()).toMatch(/<html/i);
  });

  it("in production: no field suggestions, /metrics for its token only, no CORS origin unless configured", async () => {
    const production = await gateway({ ...PRODUCTION, RATE_LIMIT_POINTS: "5" }); // the typo and the preflight below use two
    try {
      const typo = await graphql(production.url, `{ benefitProgram { code } }`);
      expect(codes(typo)).toEqual(["BAD_USER_INPUT"]);
      expect(typo.errors![0]!.message).not.toMatch(/Did you mean/);
      const base = `http://127.0.0.1:${production.port}`;
      expect((await fetch(`${base}/metrics`)).status).toBe(401);
      expect((await fetch(`${base}/metrics`, { headers: { authorization: "Bearer a-guess" } })).status).toBe(401);
      const preflight = await fetch(production.url, { method: "OPTIONS", headers: { origin: "https://app.example", "access-control-request-method": "POST" } });
      expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
      // The metrics registry is the process's: the other gateways of this file count there too, so
      // this one's refusals are what the counters gained while only it was asked.
      const scrape = async () => (await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${PRODUCTION.METRICS_TOKEN}` } })).text();
      const before = await scrape();
      // Forged tokens are counted before anything else: the fourth is refused by the rate limit.
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await graphql(production.url, `{ __typename }`, {}, { token: "forged.token.value" })).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const scraped = await scrape();
      expect(scraped).toMatch(/graphql_requests_refused_total\{status="401",code="UNAUTHENTICATED"\} \d+/);
      expect(scraped).toMatch(/graphql_requests_refused_total\{status="429",code="RATE_LIMITED"\} \d+/);
      const gained = (series: string) => sample(scraped, series) - sample(before, series);
      expect(gained(`graphql_requests_refused_total{status="401",code="UNAUTHENTICATED"}`)).toBe(3);
      expect(gained(`graphql_requests_refused_total{status="429",code="RATE_LIMITED"}`)).toBe(1);
    } finally {
      await production.stop();
    }
  });

  it("serves its routes at the paths as sent only: /metrics, never /./metrics nor /graphql/../metrics", async () => {
    // fetch resolves dot segments itself: the paths go out as written through node:http.
    const statusOf = (pathAsSent: string) =>
      new Promise<number>((resolve, reject) => {
        const request = http.request({ host: "127.0.0.1", port: main.port, path: pathAsSent }, (response) => {
          response.resume();
          resolve(response.statusCode!);
        });
        request.on("error", reject).end();
      });
    expect(await statusOf("/metrics")).toBe(200);
    for (const sneaky of ["/./metrics", "/graphql/../metrics", "/x/../graphql"]) expect({ sneaky, status: await statusOf(sneaky) }).toEqual({ sneaky, status: 404 });
  });

  it("lets browser clients send the headers Apollo clients add", async () => {
    const preflight = await fetch(main.url, {
      method: "OPTIONS",
      headers: { origin: "https://app.example", "access-control-request-method": "POST", "access-control-request-headers": "apollographql-client-name, apollographql-client-version, traceparent" },
    });
    for (const name of ["apollographql-client-name", "apollographql-client-version", "traceparent"]) expect(preflight.headers.get("access-control-allow-headers")).toContain(name);
  });

  it("answers CORS only for the configured origins", async () => {
    const ask = (origin: string) => fetch(main.url, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST" } });
    const allowed = await ask("https://app.example");
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example");
    const other = await ask("https://evil.example");
    expect(other.status).toBe(403);
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("is not ready before it holds the token-signing keys; then ready while it can serve, the agencies' health beside it", async () => {
    const before = await fetch(`http://127.0.0.1:${main.port}/ready`);
    expect(before.status).toBe(503);
    expect(await before.json()).toMatchObject({ status: "no token-signing keys yet", agencies: "degraded", subgraphs: { "civil-affairs": false, labor: false, delivery: false } });

    // A stand-in civil-affairs publishes the keys (and answers /ready); labor and delivery stay down.
    const idp = await startTestIdentityProvider();
    const served = await gateway({ CIVIL_AFFAIRS_URL: idp.url });
    try {
      const ready = async () => {
        for (;;) {
          const response = await fetch(`http://127.0.0.1:${served.port}/ready`);
          if (response.status === 200) return response.json();
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      };
      expect(await ready()).toMatchObject({ status: "ready", agencies: "degraded", subgraphs: { "civil-affairs": true, labor: false, delivery: false } });
      // Civil-affairs going away later keeps the last keys: still ready, every agency reported down.
      await idp.stop();
      expect(await ready()).toMatchObject({ status: "ready", subgraphs: { "civil-affairs": false, labor: false, delivery: false } });
    } finally {
      await served.stop();
    }
  });

  it("keeps limiting on its own, in memory, when Redis cannot be reached", async () => {
    const withoutRedis = await gateway({ REDIS_URL: "redis://127.0.0.1:9", RATE_LIMIT_POINTS: "2" });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await graphql(withoutRedis.url, `{ __typename }`)).status);
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await withoutRedis.stop();
    }
  });

  (process.env.REDIS_URL ? it : it.skip)("shares the limits through Redis when REDIS_URL is set", async () => {
    const shared = await gateway({ REDIS_URL: process.env.REDIS_URL, LOGIN_RATE_LIMIT_POINTS: "2" });
    const redis = new Redis(process.env.REDIS_URL!);
    try {
      const id = withCheckDigit(`1${crypto.randomInt(10_000_000, 99_999_999)}`);
      const login = () => graphql(shared.url, `mutation($id: ID!) { login(nationalId: $id, password: "x") { accessToken } }`, { id });
      await login();
      await login();
      expect(codes(await login())).toEqual(["RATE_LIMITED"]);
      expect(Number(await redis.get(`gw:login:${id}`))).toBeGreaterThanOrEqual(3);
    } finally {
      await redis.quit();
      await shared.stop();
    }
  });
});

describe("the gateway's supergraph file, query page and CORS", () => {
  let served: RunningGateway;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "gw-supergraph-")), "supergraph.graphql");
  const original = fs.readFileSync(path.resolve(__dirname, "../../schema/supergraph.graphql"), "utf8");
  beforeAll(async () => {
    fs.writeFileSync(file, original);
    served = await gateway({ SUPERGRAPH_PATH: file });
  });
  afterAll(() => served?.stop());

  it("serves browsers the GraphQL IDE's page: a shell for its own bundle, no inline script or style, no CDN", async () => {
    const page = await fetch(served.url, { headers: { accept: "text/html" } });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(html).toMatch(/^<!doctype html>\s*<html lang="en" dir="ltr">/i);
    // The IDE (web/ide/main.tsx) is the bundle the gateway serves from web/dist/ide/.
    expect(html).toContain('<link rel="stylesheet" href="/ide/ide.css">');
    expect(html).toContain('<div id="ide"></div>');
    expect(html).toMatch(/<noscript>[^<]+<\/noscript>/);
    // Its only script is that bundle: nothing inline, so it runs under `script-src 'self'`.
    expect(html.match(/<script\b[\s\S]*?<\/script>/gi)).toEqual(['<script type="module" src="/ide/ide.js"></script>']);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i); // no inline event handlers
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/<style\b|\sstyle\s*=/i);
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1|localhost)/);
    // And the page's own security headers: no inline script may run, nobody may frame it.
    const policy = page.headers.get("content-security-policy") ?? "";
    expect(policy).toMatch(/(^|; )script-src 'self'(;|$)/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("serves the supergraph's descriptions as written, Arabic included, measured in bytes", async () => {
    const response = await fetch(served.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ __type(name: "Money") { fields { name description } } }` }),
    });
    const text = await response.text();
    expect(response.headers.get("content-length")).toBe(String(Buffer.byteLength(text)));
    const fields = (JSON.parse(text) as { data: { __type: { fields: { name: string; description: string }[] } } }).data.__type.fields;
    expect(fields.find((field) => field.name === "formatted")?.description).toBe('Localized, e.g. "100.00 ر.س" or "SAR 100.00".');
  });

  it("lets browser clients of any origin call it by default, without credentials", async () => {
    const preflight = await fetch(served.url, {
      method: "OPTIONS",
      headers: { origin: "https://app.example", "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-headers")).toContain("authorization");
    expect(preflight.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("reloads the supergraph when the file changes", async () => {
    const query = `{ benefitPrograms { code } }`;
    const reasons = (response: GraphQLResponse) => (response.errors ?? []).map((e) => e.extensions?.reason);
    expect(reasons(await graphql(served.url, query))).not.toContain("GRAPHQL_VALIDATION_FAILED");
    // A new composition in which the field has another name: the old name must stop validating.
    fs.writeFileSync(file, original.replace("benefitPrograms: [BenefitProgram!]! @join__field", "supportPrograms: [BenefitProgram!]! @join__field"));
    const deadline = Date.now() + 10_000;
    let after = await graphql(served.url, query);
    while (!reasons(after).includes("GRAPHQL_VALIDATION_FAILED") && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await graphql(served.url, query);
    }
    expect(codes(after)).toEqual(["BAD_USER_INPUT"]);
    expect(reasons(after)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
  });
});

/**
 * PERSISTED_OPERATIONS_FILE in Apollo's persisted-query manifest format (what Apollo Router's
 * safelist reads, router/router.yaml) or the older {sha256: query} map; the test above covers the map.
 */
describe("persisted-operation manifests", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gw-manifests-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const registered = `query Registered { __typename }`;
  const write = (name: string, content: unknown) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
    return file;
  };
  const apolloManifest = (operations: unknown[]) => ({ format: "apollo-persisted-query-manifest", version: 1, operations });
  const entry = (body: string, name = "Registered") => ({ id: sha256(body), name, type: "query", body });

  it("reads Apollo's persisted-query manifest and the older {sha256: query} map alike", () => {
    const other = `query Offices { civilAffairsOffices { id } }`;
    const apollo = loadPersistedOperations(write("apollo.json", apolloManifest([entry(registered), entry(other, "Offices")])));
    const map = loadPersistedOperations(write("map.json", { [sha256(registered)]: registered, [sha256(other)]: other }));
    expect(apollo).toEqual(new Map([[sha256(registered), registered], [sha256(other), other]]));
    expect(map).toEqual(apollo);
    // An upper-case id is the same hash; name and type are optional, as Apollo Router reads them.
    const bare = { id: sha256(registered).toUpperCase(), body: registered };
    expect(loadPersistedOperations(write("upper.json", apolloManifest([bare])))).toEqual(new Map([[sha256(registered), registered]]));
  });

  it("registers the operations of a manifest rebuilt while the gateway runs, at most one look at the files a second", () => {
    const file = write("rebuilt.json", apolloManifest([entry(registered)]));
    const added = `query Added { __typename }`;
    let now = 0;
    const failures: unknown[] = [];
    const operations = new RegisteredOperations([file], (error) => failures.push(error), () => now);
    expect(operations.has(sha256(registered))).toBe(true);
    expect(operations.has(sha256(added))).toBe(false);
    write("rebuilt.json", apolloManifest([entry(registered), entry(added, "Added")]));
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    // Within the second: the files are not looked at again.
    expect(operations.has(sha256(added))).toBe(false);
    now = 1000;
    expect(operations.get(sha256(added).toUpperCase())).toBe(added);
    // A rebuilt file that no longer loads keeps what was registered, and says so.
    write("rebuilt.json", "{ broken");
    fs.utimesSync(file, new Date(), new Date(Date.now() + 10_000));
    now = 2000;
    expect(operations.has(sha256("query Unknown { __typename }"))).toBe(false);
    expect(operations.has(sha256(added))).toBe(true);
    expect(failures).toHaveLength(1);
  });

  it("names a registered operation in the metrics, and any other \"unregistered\": a client cannot grow the label set", async () => {
    const file = write("labels.json", apolloManifest([entry(registered)]));
    const labelled = await gateway({ PERSISTED_OPERATIONS_FILE: file });
    try {
      expect((await graphql(labelled.url, registered)).data).toEqual({ __typename: "Query" });
      for (let i = 0; i < 30; i++) expect((await graphql(labelled.url, `query Junk${i}x${"O".repeat(40)} { __typename }`)).errors).toBeUndefined();
      const scraped = await (await fetch(`http://127.0.0.1:${labelled.port}/metrics`)).text();
      expect(scraped).toMatch(/graphql_requests_total\{operation="Registered",outcome="ok"\} \d+/);
      expect(sample(scraped, `graphql_requests_total{operation="unregistered",outcome="ok"}`)).toBeGreaterThanOrEqual(30);
      expect(scraped).not.toMatch(/operation="Junk/);
    } finally {
      await labelled.stop();
    }
  });

  it("refuses a malformed manifest with a message that names the file and what is wrong", () => {
    const refused = (name: string, content: unknown) => () => loadPersistedOperations(write(name, content));
    expect(refused("not-json.json", "{ operations: ")).toThrow(/PERSISTED_OPERATIONS_FILE .*not-json\.json: cannot read it as JSON/);
    expect(refused("array.json", [entry(registered)])).toThrow(/expected an Apollo persisted-query manifest or a \{sha256: query\} object/);
    expect(refused("format.json", { ...apolloManifest([entry(registered)]), format: "relay" })).toThrow(/"format" must be "apollo-persisted-query-manifest", got "relay"/);
    expect(refused("version.json", { ...apolloManifest([entry(registered)]), version: 2 })).toThrow(/"version" must be 1, got 2/);
    expect(refused("operations.json", { format: "apollo-persisted-query-manifest", version: 1, operations: {} })).toThrow(/"operations" must be an array/);
    expect(refused("body.json", apolloManifest([{ id: sha256(registered), name: "Registered", type: "query" }]))).toThrow(/operations\[0\]\.body must be the operation's text/);
    expect(refused("type.json", apolloManifest([{ ...entry(registered), type: "fragment" }]))).toThrow(/operations\[0\]\.type must be one of query, mutation, subscription/);
    expect(refused("id.json", apolloManifest([entry(registered), { ...entry(registered, "Renamed"), id: sha256("something else") }]))).toThrow(/operations\[1\] \(Renamed\): the id is not the sha256 of its body/);
    expect(refused("map.json", { [sha256("{ a }")]: "{ b }" })).toThrow(/is not the sha256 of its query/);
  });

  it("honours an Apollo-format manifest with ONLY_PERSISTED_OPERATIONS=true: by text or by id, nothing else", async () => {
    const manifest = write("production.json", apolloManifest([entry(registered)]));
    const production = await gateway({ ...PRODUCTION, PERSISTED_OPERATIONS_FILE: manifest, ONLY_PERSISTED_OPERATIONS: "true" });
    try {
      expect((await graphql(production.url, registered)).data).toEqual({ __typename: "Query" });
      const byId = await fetch(production.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(registered) } } }),
      });
      expect(((await byId.json()) as any).data).toEqual({ __typename: "Query" });
      const other = await graphql(production.url, `{ civilAffairsOffices { id } }`);
      expect(other.status).toBe(403);
      expect(codes(other)).toEqual(["FORBIDDEN"]);
      expect(other.errors![0]!.extensions!.reason).toBe("PERSISTED_QUERY_NOT_ALLOWED");
    } finally {
      await production.stop();
    }
  });

  // A process of its own: what users rely on is the process exiting with code 1 and saying why (gateway/src/main.ts).
  it("stops the gateway at start, saying why, when the manifest is malformed", async () => {
    const manifest = write("broken.json", { format: "apollo-persisted-query-manifest", version: 1, operations: [{ id: "abc", body: registered }] });
    const child = spawn(process.execPath, ["-r", "@swc-node/register", "gateway/src/main.ts"], {
      cwd: path.resolve(__dirname, "../.."),
      env: testGatewayEnv(0, { PERSISTED_OPERATIONS_FILE: manifest, ONLY_PERSISTED_OPERATIONS: "true" }),
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(1);
    expect(stderr).toContain(`gateway failed to start: PERSISTED_OPERATIONS_FILE ${manifest}: operations[0] (abc): the id is not the sha256 of its body`);
  });
});
