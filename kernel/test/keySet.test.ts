import crypto from "node:crypto";
import http from "node:http";
import { calculateJwkThumbprint, exportJWK, SignJWT, type JWK } from "jose";
import { JWKS_PATH, remoteKeySet } from "../auth/keySet";
import { createTokenVerifier, InvalidTokenError, TOKEN_ALGORITHM, TOKEN_AUDIENCE, TOKEN_ISSUER } from "../auth/tokens";
import { ReplicaReader } from "../http/replicas";
import { listen } from "../http/server";
import { createLogger } from "../logger";
import { startSubgraph } from "../subgraph";
import { labor } from "../../subgraphs/labor/src/definition";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function signingKey() {
  const { privateKey, publicKey } = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk);
  return {
    jwk: { ...jwk, kid, alg: TOKEN_ALGORITHM, use: "sig" } as JWK,
    sign: () => new SignJWT({ roles: ["CITIZEN"] }).setProtectedHeader({ alg: TOKEN_ALGORITHM, kid }).setIssuer(TOKEN_ISSUER).setAudience(TOKEN_AUDIENCE).setSubject("1000000016").setIssuedAt().setExpirationTime("10m").sign(privateKey),
  };
}

/** A stand-in civil-affairs replica publishing whatever key set the test gives it (or failing). */
async function publisher() {
  const state = { keys: [] as JWK[], failing: false, fetches: 0 };
  const server = http.createServer((req, res) => {
    state.fetches++;
    if (state.failing || req.url !== JWKS_PATH) return void res.writeHead(503).end();
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: state.keys }));
  });
  const url = `http://127.0.0.1:${await listen(server, 0)}`;
  return { state, url, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe("the signing key set a verifier holds", () => {
  const log = createLogger("test");

  it("is not ready before civil-affairs first answers, then keeps its last set through failures", async () => {
    const idp = await publisher();
    const old = await signingKey();
    idp.state.failing = true;
    const keys = remoteKeySet(new ReplicaReader([idp.url]), { refreshMs: 100, log });
    try {
      await sleep(150);
      expect(keys.ready()).toBe(false);
      await expect(createTokenVerifier(keys)(await old.sign())).rejects.toBeInstanceOf(InvalidTokenError);

      idp.state.keys = [old.jwk];
      idp.state.failing = false;
      await sleep(1_200); // retried every second until it has a set
      expect(keys.ready()).toBe(true);

      idp.state.failing = true;
      await sleep(250);
      expect(keys.ready()).toBe(true);
      await expect(createTokenVerifier(keys)(await old.sign())).resolves.toMatchObject({ nationalId: "1000000016" });
    } finally {
      keys.close();
      await idp.stop();
    }
  });

  it("fetches from whichever replica answers", async () => {
    const [down, up] = [await publisher(), await publisher()];
    const key = await signingKey();
    down.state.failing = true;
    up.state.keys = [key.jwk];
    const keys = remoteKeySet(new ReplicaReader([down.url, up.url]), { refreshMs: 60_000, log });
    try {
      await expect(createTokenVerifier(keys)(await key.sign())).resolves.toMatchObject({ nationalId: "1000000016" });
    } finally {
      keys.close();
      await Promise.all([down.stop(), up.stop()]);
    }
  });

  it("rotates: a key published is accepted after the next refresh; a cached token whose key was withdrawn is refused after the next refresh", async () => {
    const idp = await publisher();
    const [old, next] = [await signingKey(), await signingKey()];
    idp.state.keys = [old.jwk];
    const keys = remoteKeySet(new ReplicaReader([idp.url]), { refreshMs: 300, log });
    const verify = createTokenVerifier(keys);
    try {
      const oldToken = await old.sign();
      await expect(verify(oldToken)).resolves.toMatchObject({ nationalId: "1000000016" });

      // Step 1: the next key is published; step 2, once every verifier has refreshed, it signs.
      idp.state.keys = [old.jwk, next.jwk];
      await sleep(450);
      await expect(verify(await next.sign())).resolves.toMatchObject({ nationalId: "1000000016" });
      await expect(verify(oldToken)).resolves.toMatchObject({ nationalId: "1000000016" });

      // Step 3 (or an emergency withdrawal): the old key leaves the set. Its token was cached as
      // verified; within one refresh it is refused.
      idp.state.keys = [next.jwk];
      await sleep(450);
      await expect(verify(oldToken)).rejects.toBeInstanceOf(InvalidTokenError);
    } finally {
      keys.close();
      await idp.stop();
    }
  });

  it("does not let unknown key ids make it fetch on every request", async () => {
    const idp = await publisher();
    const [known, stranger] = [await signingKey(), await signingKey()];
    idp.state.keys = [known.jwk];
    const keys = remoteKeySet(new ReplicaReader([idp.url]), { refreshMs: 60_000, log });
    const verify = createTokenVerifier(keys);
    try {
      await verify(await known.sign());
      const before = idp.state.fetches;
      const forged = await stranger.sign();
      await Promise.allSettled(Array.from({ length: 20 }, () => verify(forged)));
      expect(idp.state.fetches - before).toBeLessThanOrEqual(1);
    } finally {
      keys.close();
      await idp.stop();
    }
  });
});

describe("a subgraph's readiness and the key set", () => {
  it("reports not ready until it holds civil-affairs' keys, then stays ready when civil-affairs goes away", async () => {
    const idp = await publisher();
    idp.state.failing = true;
    const verifier = await startSubgraph(labor, { ...process.env, NODE_ENV: "test", LOG_LEVEL: "silent", PORT: "0", EMBEDDED_DATABASE: "memory", DATABASE_URL: "", DEMO_DATA: "false", CIVIL_AFFAIRS_URL: idp.url });
    const ready = async () => (await fetch(`${verifier.url}/ready`)).status;
    try {
      expect(await ready()).toBe(503);
      idp.state.keys = [(await signingKey()).jwk];
      idp.state.failing = false;
      for (const deadline = Date.now() + 5_000; (await ready()) !== 200 && Date.now() < deadline; ) await sleep(100);
      expect(await ready()).toBe(200);
      idp.state.failing = true;
      await sleep(300);
      expect(await ready()).toBe(200);
    } finally {
      await verifier.stop();
      await idp.stop();
    }
  });
});
