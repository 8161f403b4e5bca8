import http from "node:http";
import crypto from "node:crypto";
import { exportJWK, SignJWT, importPKCS8 } from "jose";
import { TOKEN_ALGORITHM, TOKEN_AUDIENCE, TOKEN_ISSUER } from "../../kernel/auth/tokens";
import type { Role } from "../../kernel/auth/viewer";
import { listen } from "../../kernel/http/server";
import { remoteKeySet, type KeySet } from "../../kernel/auth/keySet";
import { ReplicaReader } from "../../kernel/http/replicas";
import { createLogger } from "../../kernel/logger";

/** The key set a verifier fetches from an identity provider at `url` (and its replicas). */
export function publishedKeys(...urls: string[]): KeySet {
  return remoteKeySet(new ReplicaReader(urls), { refreshMs: 60_000, log: createLogger("test") });
}

export interface TestIdentityProvider {
  /** Base URL serving /.well-known/jwks.json; give it to a subgraph as CIVIL_AFFAIRS_URL. */
  url: string;
  tokenFor(nationalId: string, roles?: Role[], options?: { expiresInSeconds?: number }): Promise<string>;
  stop(): Promise<void>;
}

/**
 * A stand-in identity provider for testing labor or delivery alone: publishes a JWKS and signs
 * tokens exactly as civil-affairs does (the end-to-end tests use the real civil-affairs).
 */
export async function startTestIdentityProvider(): Promise<TestIdentityProvider> {
  const { privateKey } = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
  const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const signingKey = await importPKCS8(pem, TOKEN_ALGORITHM);
  const jwk = { ...(await exportJWK(crypto.createPublicKey(privateKey))), kid: "test", alg: TOKEN_ALGORITHM, use: "sig" };
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  const port = await listen(server, 0);
  return {
    url: `http://127.0.0.1:${port}`,
    tokenFor: (nationalId, roles = ["CITIZEN"], options = {}) =>
      new SignJWT({ roles })
        .setProtectedHeader({ alg: TOKEN_ALGORITHM, kid: "test" })
        .setIssuer(TOKEN_ISSUER)
        .setAudience(TOKEN_AUDIENCE)
        .setSubject(nationalId)
        .setJti(crypto.randomUUID())
        .setIssuedAt()
        .setExpirationTime(Math.floor(Date.now() / 1000) + (options.expiresInSeconds ?? 900))
        .sign(signingKey),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
