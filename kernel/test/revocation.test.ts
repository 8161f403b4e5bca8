import crypto from "node:crypto";
import http from "node:http";
import { exportJWK, SignJWT } from "jose";
import { remoteRevocationList, REVOKED_TOKENS_PATH } from "../auth/revocation";
import { createTokenVerifier, InvalidTokenError, TOKEN_ALGORITHM, TOKEN_AUDIENCE, TOKEN_ISSUER } from "../auth/tokens";
import { listen } from "../http/server";
import { ReplicaReader } from "../http/replicas";
import { publishedKeys } from "../../test/support/identityProvider";

/** A stand-in civil-affairs: JWKS and the revoked-token list, which a test can change or break. */
describe("token revocation list", () => {
  const { privateKey, publicKey } = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
  let revoked: string[] = [];
  let failing = false;
  let malformed = false;
  let fetches = 0;
  let server: http.Server;
  let url: string;

  beforeAll(async () => {
    const jwk = { ...(await exportJWK(publicKey)), kid: "k", alg: TOKEN_ALGORITHM, use: "sig" };
    server = http.createServer((req, res) => {
      if (req.url === REVOKED_TOKENS_PATH) {
        fetches++;
        if (failing) res.writeHead(503).end();
        else if (malformed) res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [] }));
        else res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ revoked: revoked.map((jti) => ({ jti, expiresAt: new Date(Date.now() + 60_000).toISOString() })) }));
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    url = `http://127.0.0.1:${await listen(server, 0)}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const token = (jti?: string) => {
    const jwt = new SignJWT({ roles: ["CITIZEN"] }).setProtectedHeader({ alg: TOKEN_ALGORITHM, kid: "k" }).setIssuer(TOKEN_ISSUER).setAudience(TOKEN_AUDIENCE).setSubject("1000000016").setIssuedAt().setExpirationTime("5m");
    return (jti ? jwt.setJti(jti) : jwt).sign(privateKey);
  };

  it("refuses a revoked token once the list is refreshed, shares one fetch, and keeps the last list when the publisher fails", async () => {
    const verify = createTokenVerifier(publishedKeys(url), remoteRevocationList(new ReplicaReader([url]), 100));
    const [a, b] = [crypto.randomUUID(), crypto.randomUUID()];
    const [tokenA, tokenB, noJti] = [await token(a), await token(b), await token()];
    await expect(verify(tokenA)).resolves.toEqual({ nationalId: "1000000016", roles: ["CITIZEN"] });

    revoked = [a];
    await expect(verify(tokenA)).resolves.toBeTruthy(); // within the refresh window
    await new Promise((resolve) => setTimeout(resolve, 150));
    fetches = 0;
    const results = await Promise.allSettled([verify(tokenA), verify(tokenB), verify(noJti)]);
    expect(fetches).toBe(1);
    expect(results[0]).toMatchObject({ status: "rejected", reason: expect.any(InvalidTokenError) });
    expect(results[1].status).toBe("fulfilled");
    expect(results[2].status).toBe("fulfilled");

    failing = true;
    await new Promise((resolve) => setTimeout(resolve, 150));
    await expect(verify(tokenA)).rejects.toBeInstanceOf(InvalidTokenError);
    await expect(verify(tokenB)).resolves.toBeTruthy();
  });

  it("reads a malformed list as empty rather than failing every request", async () => {
    failing = false;
    malformed = true;
    revoked = ["anything"];
    const list = remoteRevocationList(new ReplicaReader([url]), 1000);
    expect(await list.isRevoked("anything")).toBe(false);
  });
});
