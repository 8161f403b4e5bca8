import { jwtVerify } from "jose";
import type { KeySet } from "./keySet";
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
 * checked once; later requests with it only check its expiry and revocation, until its key leaves
 * the key set (a retired or withdrawn key): then it is refused like any token that key signed.
 */
export function createTokenVerifier(keys: KeySet, revocations?: RevocationList, cache = new VerifiedTokenCache()): TokenVerifier {
  keys.onKeysRemoved((kids) => cache.retainKeys(kids));
  const verifySignature = async (token: string): Promise<VerifiedToken> => {
    const { payload, protectedHeader } = await jwtVerify(token, keys.getKey, {
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
      kid: protectedHeader.kid ?? null,
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

/** "Bearer xyz" → "xyz"; anything else → null. */
export function bearerToken(header: string | undefined): string | null {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header.trim()) : null;
  return match ? match[1]! : null;
}
