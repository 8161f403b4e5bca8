import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startSubgraph } from "../../../kernel/subgraph";
import { gatewaySettings } from "../../../gateway/src/settings";
import { loadConfig, subgraphSettings } from "../../../kernel/config";
import { delivery } from "../../delivery/src/definition";
import { civilAffairs } from "../src/definition";

/**
 * In production the services refuse to start with anything public: the demo accounts, the
 * development HMAC secrets, or a signing key generated on the spot instead of a managed one.
 */
const PEM = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();

function production(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    NODE_ENV: "production",
    PORT: "0",
    DATABASE_URL: "",
    EMBEDDED_DATABASE: "memory",
    DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "production-")),
    DEMO_DATA: "false",
    OUTBOX_SUBSCRIBERS: "",
    GATEWAY_CREDENTIALS: "an-operator-credential-0123456789abcdef",
    METRICS_TOKEN: "a-metrics-token",
    ...extra,
  };
}

describe("production configuration", () => {
  it("refuses demo data in production", async () => {
    await expect(startSubgraph(civilAffairs, production({ DEMO_DATA: "true", JWT_PRIVATE_KEY: PEM }))).rejects.toThrow(/DEMO_DATA must be false in production/);
    await expect(startSubgraph(delivery, production({ DEMO_DATA: "true" }))).rejects.toThrow(/DEMO_DATA must be false in production/);
  });

  it("refuses the public gateway credential, a short one, and a mode that is not one of the three", async () => {
    const ready = { JWT_PRIVATE_KEY: PEM, EVENTS_HMAC_SECRET: "a-real-secret" };
    await expect(startSubgraph(civilAffairs, production({ ...ready, GATEWAY_CREDENTIALS: undefined }))).rejects.toThrow(/GATEWAY_CREDENTIALS must be set in production/);
    await expect(startSubgraph(civilAffairs, production({ ...ready, GATEWAY_CREDENTIALS: "short" }))).rejects.toThrow(/at least 32 characters/);
    await expect(startSubgraph(civilAffairs, production({ ...ready, NODE_ENV: "prod" }))).rejects.toThrow(/NODE_ENV must be one of development, test, production, got "prod"/);
    await expect(startSubgraph(civilAffairs, production({ ...ready, EMBEDDED_DATABASE: "ram", LOG_LEVEL: "loud" }))).rejects.toThrow(/EMBEDDED_DATABASE must be one of[\s\S]*LOG_LEVEL must be one of/);
  });

  it("refuses to start without a metrics token", async () => {
    await expect(startSubgraph(delivery, production({ METRICS_TOKEN: undefined, EVENTS_HMAC_SECRET: "a", CARRIER_WEBHOOK_SECRET: "b" }))).rejects.toThrow(/METRICS_TOKEN is required in production/);
  });

  it("refuses civil-affairs without a managed signing key, or with the public events secret", async () => {
    await expect(startSubgraph(civilAffairs, production({ EVENTS_HMAC_SECRET: "a-real-secret" }))).rejects.toThrow(/JWT_PRIVATE_KEY is required in production/);
    await expect(startSubgraph(civilAffairs, production({ JWT_PRIVATE_KEY: PEM }))).rejects.toThrow(/EVENTS_HMAC_SECRET must be set in production/);
  });

  it("refuses delivery with either public HMAC secret", async () => {
    await expect(startSubgraph(delivery, production({ CARRIER_WEBHOOK_SECRET: "a-real-secret" }))).rejects.toThrow(/EVENTS_HMAC_SECRET must be set in production/);
    await expect(startSubgraph(delivery, production({ EVENTS_HMAC_SECRET: "a-real-secret" }))).rejects.toThrow(/CARRIER_WEBHOOK_SECRET must be set in production/);
  });

  it("refuses the gateway's public credential and an open /metrics in one refusal", () => {
    expect(() => loadConfig(gatewaySettings, { NODE_ENV: "production" })).toThrow(/METRICS_TOKEN is required in production[\s\S]*GATEWAY_CREDENTIAL must be set in production/);
  });

  it("names every setting production refuses in one refusal, beside the malformed ones", async () => {
    const bare = production({ DEMO_DATA: "true", GATEWAY_CREDENTIALS: undefined, METRICS_TOKEN: undefined, LOG_LEVEL: "loud" });
    const refusal = await startSubgraph(civilAffairs, bare).then(
      () => "started",
      (error: Error) => error.message,
    );
    for (const name of ["LOG_LEVEL must be one of", "DEMO_DATA must be false", "GATEWAY_CREDENTIALS must be set", "METRICS_TOKEN is required", "JWT_PRIVATE_KEY is required", "EVENTS_HMAC_SECRET must be set"]) {
      expect(refusal).toContain(name);
    }
  });

  it("starts civil-affairs in production with real secrets and publishes only public keys", async () => {
    const running = await startSubgraph(civilAffairs, production({ JWT_PRIVATE_KEY: PEM, EVENTS_HMAC_SECRET: "a-real-secret" }));
    try {
      const jwks = (await (await fetch(`${running.url}/.well-known/jwks.json`)).json()) as { keys: Array<Record<string, unknown>> };
      expect(jwks.keys.length).toBeGreaterThan(0);
      // The published key is public only: no private parameter.
      expect(jwks.keys.every((key) => !("d" in key))).toBe(true);
      // No statement counts, no field suggestions, metrics for the scraper's token only.
      const typo = await fetch(`${running.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ civilAffairsOffice { id } }" }) });
      expect(typo.headers.get("x-sql-statements")).toBeNull();
      expect(JSON.stringify(await typo.json())).not.toMatch(/Did you mean/);
      expect((await fetch(`${running.url}/metrics`)).status).toBe(401);
      expect((await fetch(`${running.url}/metrics`, { headers: { authorization: "Bearer a-metrics-token" } })).status).toBe(200);
    } finally {
      await running.stop();
    }
  });

  it("refreshes the revoked tokens every 5 s by default, in the gateway and every subgraph", () => {
    expect(gatewaySettings.TOKEN_REVOCATION_REFRESH_MS.parse(undefined, "TOKEN_REVOCATION_REFRESH_MS")).toBe(5000);
    expect(subgraphSettings(0).TOKEN_REVOCATION_REFRESH_MS.parse(undefined, "TOKEN_REVOCATION_REFRESH_MS")).toBe(5000);
  });
});
