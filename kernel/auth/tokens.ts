import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from "jose";
import type { RevocationList } from "./revocation";
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
 * when a revocation list is given; any failure is InvalidTokenError.
 */
export function createTokenVerifier(keys: JWTVerifyGetKey, revocations?: RevocationList): TokenVerifier {
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        algorithms: [TOKEN_ALGORITHM],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ["sub", "exp"],
      });
      if (revocations && typeof payload.jti === "string" && (await revocations.isRevoked(payload.jti))) {
        throw new InvalidTokenError("the token was revoked");
      }
      const roles = Array.isArray(payload.roles)
        ? payload.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r as string))
        : [];
      return { nationalId: String(payload.sub), roles };
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
