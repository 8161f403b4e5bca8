import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { decodeJwt } from "jose";
import { withCheckDigit } from "../../../kernel/nationalId";
import { DATABASE_KINDS } from "../../../test/support/database";
import { graphql } from "../../../test/support/http";
import { login } from "../src/identity/login";
import { loadSigningKeys } from "../src/identity/signingKeys";
import { startSubgraphHarness, type SubgraphHarness } from "../../../test/support/subgraph";
import { civilAffairs } from "../src/definition";
import { PASSWORD, signIn } from "./people";

/**
 * The sign-in lockout counts each attempt before its password is checked, in one statement: 40
 * concurrent attempts on one ID get at most LOGIN_MAX_FAILURES (5) password checks, the rest are
 * RATE_LIMITED without one (before, all 39 wrong passwords were checked and the 40th signed in).
 */
describe.each(DATABASE_KINDS)("sign-in lockout (%s)", (kind) => {
  let ca: SubgraphHarness;
  beforeAll(async () => {
    ca = await startSubgraphHarness(civilAffairs, { kind, tokens: signIn });
  });
  afterAll(() => ca?.stop());

  const attempt = (id: string, password: string) =>
    graphql(ca.graphqlUrl, `mutation($id: ID!, $pw: String!) { login(nationalId: $id, password: $pw) { accessToken } }`, { id, pw: password });

  it("lets at most five of 40 concurrent attempts check a password", async () => {
    const id = "1000000099";
    await ca.as({ nationalId: id }); // gives Abdullah the test password, then clears the count by signing in
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(id, i === 39 ? PASSWORD : `wrong-${i}`)));
    const checked = answers.filter((a) => a.errors?.[0]?.extensions?.code !== "RATE_LIMITED");
    expect(checked.length).toBe(5);
    expect(answers.filter((a) => a.errors?.[0]?.extensions?.code === "RATE_LIMITED").length).toBe(35);
    // The lock holds for the right password too, and says how long it lasts as the gateway's limits do.
    const locked = (await attempt(id, PASSWORD)).errors?.[0]?.extensions;
    expect(locked?.code).toBe("RATE_LIMITED");
    expect(locked?.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(locked?.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
  });

  it("counts unknown IDs the same way, and opens again once the lock has passed", async () => {
    const policy = { maxFailures: 5, lockMinutes: 15, tokenTtlSeconds: 900 };
    const keys = await loadSigningKeys(undefined, path.join(fs.mkdtempSync(path.join(os.tmpdir(), "keys-")), "signing.pem"));
    const id = "1000000016";
    await ca.as({ nationalId: id });
    const start = new Date(Date.now() + 60 * 60_000); // an hour ahead: nothing of the other tests is in its window
    const codeOf = (promise: Promise<unknown>) => promise.then(() => "OK", (error: { extensions?: { code?: string } }) => error.extensions?.code);
    for (let i = 0; i < 5; i++) expect(await codeOf(login(ca.db, keys, policy, "en", id, "wrong", start))).toBe("UNAUTHENTICATED");
    expect(await codeOf(login(ca.db, keys, policy, "en", id, PASSWORD, start))).toBe("RATE_LIMITED");
    // In Arabic the wait is said in the Arabic digits of the rest of the sentence.
    await expect(login(ca.db, keys, policy, "ar", id, PASSWORD, start)).rejects.toMatchObject({ message: expect.stringContaining("بعد ١٥ دقيقة") });
    const later = new Date(start.getTime() + 16 * 60_000);
    expect(await codeOf(login(ca.db, keys, policy, "en", id, PASSWORD, later))).toBe("OK");
  });

  it("signs the roles into the token twice: `roles`, and `scope` space-separated for Apollo Router's @requiresScopes", async () => {
    const policy = { maxFailures: 5, lockMinutes: 15, tokenTtlSeconds: 900 };
    const keys = await loadSigningKeys(undefined, path.join(fs.mkdtempSync(path.join(os.tmpdir(), "keys-")), "signing.pem"));
    const id = "1000000057";
    await ca.as({ nationalId: id, roles: ["CIVIL_AFFAIRS_OFFICER", "ANALYST"] });
    const session = await login(ca.db, keys, policy, "en", id, PASSWORD);
    const claims = decodeJwt(session.accessToken);
    expect(claims.roles).toEqual(["CITIZEN", "CIVIL_AFFAIRS_OFFICER", "ANALYST"]);
    expect(claims.roles).toEqual(session.roles);
    expect(claims.scope).toBe("CITIZEN CIVIL_AFFAIRS_OFFICER ANALYST");
    expect((claims.scope as string).split(" ")).toEqual(claims.roles);
  });
});

describe("sign-ins in flight", () => {
  it("answers RATE_LIMITED at once past LOGIN_MAX_IN_FLIGHT, without counting a failure against the ID", async () => {
    const ca = await startSubgraphHarness(civilAffairs, { kind: "embedded", env: { LOGIN_MAX_IN_FLIGHT: "2" }, tokens: signIn });
    try {
      const ids = Array.from({ length: 12 }, (_, i) => withCheckDigit(String(100_000_500 + i)));
      const answers = await Promise.all(
        ids.map((id) => graphql(ca.graphqlUrl, `mutation($id: ID!) { login(nationalId: $id, password: "wrong") { accessToken } }`, { id }, { lang: "en" })),
      );
      const codesSeen = answers.map((a) => a.errors?.[0]?.extensions?.code);
      expect(codesSeen.filter((code) => code === "RATE_LIMITED").length).toBeGreaterThan(0);
      expect(codesSeen.every((code) => code === "RATE_LIMITED" || code === "UNAUTHENTICATED")).toBe(true);
      const busy = answers.findIndex((a) => a.errors?.[0]?.extensions?.code === "RATE_LIMITED");
      expect(answers[busy]!.errors![0]!.message).toMatch(/Many people are signing in/);
      expect(answers[busy]!.errors![0]!.extensions!.retryAfterSeconds).toBe(1);
      const counted = await ca.db.query(`SELECT national_id FROM login_throttle WHERE national_id = ANY($1)`, [ids]);
      expect(counted.length).toBe(codesSeen.filter((code) => code === "UNAUTHENTICATED").length);
    } finally {
      await ca.stop();
    }
  });
});
