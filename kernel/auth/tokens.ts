import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from "jose";
import type { RevocationList } from "./revocation";
import { VerifiedTokenCache, type VerifiedToken } from "./verifiedTokens";
import { ROLES, type Role, type Viewer } from "./viewer";

export const TOKEN_ISSUER = "civil-affairs";
export const TOKEN_AUDIENCE = "family-record";
export const TOKEN_ALGORITHM = "ES256";
/** Tolerated clock difference between the identity provider and a verifier. */
export const CLOCK_TOLERANCE_SECONDS = 30;

export class InvalidTokenError extends Error {}

export type TokenVerifier = (token: string) => Promise<Viewer>;

/**
 * Verifies access tokens against the identity provider's keys, and refuses revoked ones (logout)
 * when a revocation list is given; any failure is InvalidTokenError. A token's signature is
 * checked once; later requests with it only check its expiry and revocation.
 */
export function createTokenVerifier(keys: JWTVerifyGetKey, revocations?: RevocationList, cache = new VerifiedTokenCache()): TokenVerifier {
  const verifySignature = async (token: string): Promise<VerifiedToken> => {
    const { payload } = await jwtVerify(token, keys, {
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      algorithms: [TOKEN_ALGORITHM],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ["sub", "exp"],
    });
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r as string)) : [];
    const verified = {
      viewer: { nationalId: String(payload.sub), roles },
      jti: typeof payload.jti === "string" ? payload.jti : null,
      acceptedUntil: (payload.exp! + CLOCK_TOLERANCE_SECONDS) * 1000,
    };
    cache.set(token, verified);
    return verified;
  };
  return async (token) => {
    try {
      const verified = cache.get(token) ?? (await verifySignature(token));
      if (revocations && verified.jti && (await revocations.isRevoked(verified.jti))) {
        throw new InvalidTokenError("the token was revoked");
      }
      return verified.viewer;
    } catch (error) {
      throw new InvalidTokenError(error instanceof Error ? error.message : "invalid token");
    }
  };
}

/** Keys published by civil-affairs at /.well-known/jwks.json, fetched and cached by jose. */
export function remoteKeys(civilAffairsUrl: string): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL("/.well-known/jwks.json", civilAffairsUrl), {
    cooldownDuration: 5_000,
    cacheMaxAge: 10 * 60_000,
  });
}

/** "Bearer xyz" → "xyz"; anything else → null. */
export function bearerToken(header: string | undefined): string | null {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header.trim()) : null;
  return match ? match[1]! : null;
}
