import { bearerToken, createTokenVerifier, InvalidTokenError } from "../auth/tokens";
import { publishedKeys, startTestIdentityProvider, type TestIdentityProvider } from "../../test/support/identityProvider";
import { VerifiedTokenCache } from "../auth/verifiedTokens";

describe("access tokens", () => {
  let idp: TestIdentityProvider;
  beforeAll(async () => {
    idp = await startTestIdentityProvider();
  });
  afterAll(() => idp.stop());

  it("reads the bearer token from the Authorization header", () => {
    expect(bearerToken("Bearer abc.def.ghi")).toBe("abc.def.ghi");
    expect(bearerToken("bearer   xyz ")).toBe("xyz");
    expect(bearerToken("Basic abc")).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });

  it("verifies a token against the published keys and keeps only known roles", async () => {
    const verify = createTokenVerifier(publishedKeys(idp.url));
    const token = await idp.tokenFor("1000000909", ["CITIZEN", "CIVIL_AFFAIRS_OFFICER", "SUPERUSER" as never]);
    expect(await verify(token)).toEqual({ nationalId: "1000000909", roles: ["CITIZEN", "CIVIL_AFFAIRS_OFFICER"] });
  });

  it("refuses expired, tampered and foreign tokens", async () => {
    const verify = createTokenVerifier(publishedKeys(idp.url));
    const expired = await idp.tokenFor("1000000016", ["CITIZEN"], { expiresInSeconds: -120 });
    await expect(verify(expired)).rejects.toBeInstanceOf(InvalidTokenError);
    const token = await idp.tokenFor("1000000016");
    const [header, payload, signature] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, "base64url").toString()), roles: ["CIVIL_AFFAIRS_OFFICER"] })).toString("base64url");
    await expect(verify(`${header}.${forged}.${signature}`)).rejects.toBeInstanceOf(InvalidTokenError);
    const other = await startTestIdentityProvider();
    try {
      await expect(verify(await other.tokenFor("1000000016"))).rejects.toBeInstanceOf(InvalidTokenError);
    } finally {
      await other.stop();
    }
  });

  it("tolerates a small clock skew", async () => {
    const verify = createTokenVerifier(publishedKeys(idp.url));
    const justExpired = await idp.tokenFor("1000000016", ["CITIZEN"], { expiresInSeconds: -10 });
    await expect(verify(justExpired)).resolves.toMatchObject({ nationalId: "1000000016" });
  });
});

describe("the verified-token cache", () => {
  const entry = (acceptedUntil: number) => ({ viewer: { nationalId: "1000000016", roles: ["CITIZEN" as const] }, jti: "j", kid: "k", acceptedUntil });

  it("forgets a token once it is no longer accepted", () => {
    const cache = new VerifiedTokenCache();
    cache.set("t", entry(1_000));
    expect(cache.get("t", 999)).not.toBeNull();
    expect(cache.get("t", 1_000)).toBeNull();
    expect(cache.get("t", 0)).toBeNull(); // gone for good
  });

  it("makes room by dropping the oldest token", () => {
    const cache = new VerifiedTokenCache(2);
    cache.set("a", entry(Infinity));
    cache.set("b", entry(Infinity));
    cache.set("c", entry(Infinity));
    expect([cache.get("a"), cache.get("b"), cache.get("c")].map(Boolean)).toEqual([false, true, true]);
  });

  it("still refuses a cached token once it is revoked", async () => {
    const idp = await startTestIdentityProvider();
    const revoked = new Set<string>();
    const verify = createTokenVerifier(publishedKeys(idp.url), { isRevoked: async (jti: string) => revoked.has(jti) } as never);
    try {
      const token = await idp.tokenFor("1000000016");
      await expect(verify(token)).resolves.toMatchObject({ nationalId: "1000000016" });
      const jti = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()).jti;
      expect(jti).toEqual(expect.any(String));
      revoked.add(jti);
      await expect(verify(token)).rejects.toBeInstanceOf(InvalidTokenError);
    } finally {
      await idp.stop();
    }
  });
});
