import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { delivery } from "../../subgraphs/delivery/src/definition";
import { codes, graphql, violationRules } from "../support/http";
import type { TestGateway } from "../support/gatewayProcess";
import { inProcessGateway } from "../support/inProcessGateway";
import { startTestSubgraph, type TestSubgraph } from "../support/subgraph";

/**
 * Documents that graphql-js validation would spend seconds on (issue: 16,000 `__typename` held the
 * gateway's event loop for 6 s) are refused before they are hashed, parsed or validated, at the
 * gateway and at every subgraph, while a 5 MiB document sent as base64 still fits the body limit.
 * The gateway and the subgraph run in this process (the gateway's CPU time per document is
 * measured in a process of its own by `npm run bench:documents`).
 */
const repeat = (text: string, times: number) => Array.from({ length: times }, () => text).join(" ");
const sha256 = (text: string) => crypto.createHash("sha256").update(text).digest("hex");

describe("document limits, before parsing", () => {
  let gateway: TestGateway;
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    [gateway, subgraph] = await Promise.all([inProcessGateway({ MAX_BATCH_SIZE: "3" }), startTestSubgraph(delivery, { kind: "embedded", demoData: false })]);
  });
  afterAll(async () => {
    await Promise.all([gateway?.stop(), subgraph?.stop()]);
  });

  it("refuses query text over MAX_QUERY_BYTES (32 KiB) with 413, whatever it holds, and stays responsive", async () => {
    const attacks = [
      `{ ${repeat("__typename", 16_000)} }`, // 176 KB
      `{ ${repeat("...F", 8_000)} } fragment F on Query { __typename }`,
      `{ ${repeat("benefitPrograms { code }", 4_000)} }`,
    ];
    for (const query of attacks) {
      const response = await graphql(gateway.url, query);
      expect(response.status).toBe(413);
      expect(violationRules(response)).toEqual(["QUERY_TOO_LARGE"]);
    }
    expect((await fetch(`http://127.0.0.1:${gateway.port}/health`)).status).toBe(200);
  });

  it("counts fields, pairs of fields at one response path, fragments and directives, and reports every limit exceeded at once", async () => {
    const typenames = await graphql(gateway.url, `{ ${repeat("__typename", 2_900)} }`); // 32 KB minus a little
    expect(typenames.status).toBe(400);
    expect(violationRules(typenames)).toEqual(["MAX_FIELDS", "MAX_FIELD_PAIRS"]);
    const spread = await graphql(gateway.url, `{ ${repeat("...F", 101)} } fragment F on Query { __typename }`);
    expect(violationRules(spread)).toEqual(["MAX_FRAGMENTS"]);
    const directives = await graphql(gateway.url, `{ __typename ${repeat("@skip(if: false)", 51)} }`);
    expect(violationRules(directives)).toEqual(["MAX_DIRECTIVES"]);
    const tokens = await graphql(gateway.url, `{ civilAffairsOffices(ids: [${repeat("1", 4_000)}]) { id } }`);
    expect(violationRules(tokens)).toEqual(["MAX_TOKENS"]);
    // 33 × benefitPrograms { code }: 528 pairs of benefitPrograms and 528 of code, wherever written.
    const inFragments = `{ ${Array.from({ length: 33 }, (_, i) => `...F${i}`).join(" ")} } ${Array.from({ length: 33 }, (_, i) => `fragment F${i} on Query { benefitPrograms { code } }`).join(" ")}`;
    expect(violationRules(await graphql(gateway.url, inFragments))).toEqual(["MAX_FIELD_PAIRS"]);
  });

  it("answers in the client's language", async () => {
    const response = await graphql(gateway.url, `{ ${repeat("__typename", 300)} }`, {}, { lang: "ar" });
    expect(response.errors![0]!.extensions!.violations[0].message).toMatch(/زوجاً/);
  });

  it("lets documents within the limits through to validation and execution", async () => {
    expect((await graphql(gateway.url, `{ ${repeat("__typename", 45)} }`)).data).toEqual({ __typename: "Query" }); // 990 pairs
    // 50 root aliases, each family's fields at its own path: no pairs at all.
    const review = `{ ${Array.from({ length: 50 }, (_, i) => `f${i}: benefitPrograms { code nameAr nameEn }`).join(" ")} }`;
    expect(violationRules(await graphql(gateway.url, review))).toEqual([]);
    const fragments = await graphql(gateway.url, `{ ${repeat("...F", 99)} } fragment F on Query { __typename }`);
    expect(fragments.data).toEqual({ __typename: "Query" });
  });

  it("screens every operation of a batch and GET query strings alike", async () => {
    const batch = await fetch(gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([{ query: "{ __typename }" }, { query: `{ ${repeat("__typename", 300)} }` }]),
    });
    expect(batch.status).toBe(400);
    expect(((await batch.json()) as any).errors[0].extensions.violations.map((v: { rule: string }) => v.rule)).toEqual(["MAX_FIELD_PAIRS"]);
    const get = await fetch(`${gateway.url}?query=${encodeURIComponent(`{ ${repeat("__typename", 300)} }`)}`, { headers: { "apollo-require-preflight": "true" } });
    expect(get.status).toBe(400);
  });

  it("applies the same limits at a subgraph called directly", async () => {
    const large = await graphql(subgraph.graphqlUrl, `{ ${repeat("__typename", 16_000)} }`);
    expect(large.status).toBe(413);
    expect(violationRules(large)).toEqual(["QUERY_TOO_LARGE"]);
    expect(violationRules(await graphql(subgraph.graphqlUrl, `{ ${repeat("__typename", 300)} }`))).toEqual(["MAX_FIELD_PAIRS"]);
  });

  it("keeps the body limit large enough for a 5 MiB document sent as base64", async () => {
    const base64 = Buffer.alloc(5 * 1024 * 1024).toString("base64");
    const response = await graphql(gateway.url, `mutation($c: String!) { __typename }`, { c: base64 });
    expect(response.status).not.toBe(413);
  });
});

describe("registered operations only", () => {
  it("refuses an unregistered document before parsing it", async () => {
    const registered = `query Registered { __typename }`;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gw-persisted-"));
    const manifest = path.join(dir, "operations.json");
    fs.writeFileSync(manifest, JSON.stringify({ [sha256(registered)]: registered }));
    const gateway = await inProcessGateway({ PERSISTED_OPERATIONS_FILE: manifest, ONLY_PERSISTED_OPERATIONS: "true" });
    try {
      expect((await graphql(gateway.url, registered)).data).toEqual({ __typename: "Query" });
      // Not even valid GraphQL: had it been parsed, the answer would be a syntax error.
      const broken = await graphql(gateway.url, `{ ${repeat("{", 1_000)}`);
      expect(broken.status).toBe(403);
      expect(codes(broken)).toEqual(["FORBIDDEN"]);
      expect(broken.errors![0]!.extensions!.reason).toBe("PERSISTED_QUERY_NOT_ALLOWED");
      const unknownHash = await fetch(gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256("{ civilAffairsOffices { id } }") } } }),
      });
      expect(unknownHash.status).toBe(403);
    } finally {
      await gateway.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
