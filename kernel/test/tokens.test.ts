import { bearerToken, createTokenVerifier, InvalidTokenError } from "../auth/tokens";
import { startTestIdentityProvider, type TestIdentityProvider } from "../../test/support/identityProvider";
import { remoteKeys } from "../auth/tokens";

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
    const verify = createTokenVerifier(remoteKeys(idp.url));
    const token = await idp.tokenFor("1000000909", ["CITIZEN", "CIVIL_AFFAIRS_OFFICER", "SUPERUSER" as never]);
    expect(await verify(token)).toEqual({ nationalId: "1000000909", roles: ["CITIZEN", "CIVIL_AFFAIRS_OFFICER"] });
  });

  it("refuses expired, tampered and foreign tokens", async () => {
    const verify = createTokenVerifier(remoteKeys(idp.url));
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
    const verify = createTokenVerifier(remoteKeys(idp.url));
    const justExpired = await idp.tokenFor("1000000016", ["CITIZEN"], { expiresInSeconds: -10 });
    await expect(verify(justExpired)).resolves.toMatchObject({ nationalId: "1000000016" });
  });
});
