import { SignJWT } from "jose";
import type { DataSource } from "typeorm";
import { TOKEN_ALGORITHM, TOKEN_AUDIENCE, TOKEN_ISSUER } from "../../../../kernel/auth/tokens";
import type { Role } from "../../../../kernel/auth/viewer";
import { appError, Violations } from "../../../../kernel/errors";
import type { Lang } from "../../../../kernel/i18n";
import { collectNationalId } from "../../../../kernel/validation";
import { Citizen } from "../registry/citizen.entity";
import { Account } from "./account.entity";
import { LoginThrottle } from "./loginThrottle.entity";
import { identityMessages } from "./messages";
import { decoyHash, verifyPassword } from "./passwords";
import type { SigningKeys } from "./signingKeys";

export interface LoginPolicy {
  maxFailures: number;
  lockMinutes: number;
  tokenTtlSeconds: number;
}

export interface IssuedSession {
  accessToken: string;
  expiresAt: Date;
  citizen: Citizen;
  roles: Role[];
}

/** Counts a failure; the ID is locked once `maxFailures` happen within the window. */
async function recordFailure(db: DataSource, nationalId: string, policy: LoginPolicy, now: Date): Promise<void> {
  const windowMs = policy.lockMinutes * 60_000;
  await db.transaction(async (tx) => {
    const repo = tx.getRepository(LoginThrottle);
    const row = await repo.findOne({ where: { nationalId }, lock: { mode: "pessimistic_write" } });
    const fresh = !row || now.getTime() - row.windowStartedAt.getTime() > windowMs;
    const failures = fresh ? 1 : row.failures + 1;
    await repo.save({
      nationalId,
      failures,
      windowStartedAt: fresh ? now : row.windowStartedAt,
      lockedUntil: failures >= policy.maxFailures ? new Date(now.getTime() + windowMs) : null,
    });
  });
}

/**
 * Sign-in with national ID and password. Unknown IDs and wrong passwords get the same answer
 * and take the same time; repeated failures lock the ID, whether or not it exists.
 */
export async function login(
  db: DataSource,
  keys: SigningKeys,
  policy: LoginPolicy,
  lang: Lang,
  rawId: string,
  password: string,
  now = new Date(),
): Promise<IssuedSession> {
  const violations = new Violations(lang);
  const nationalId = collectNationalId(violations, "nationalId", rawId);
  if (!password) violations.add("password", "REQUIRED", identityMessages.passwordRequired, undefined);
  violations.throwIfAny();

  const throttle = await db.getRepository(LoginThrottle).findOneBy({ nationalId: nationalId! });
  if (throttle?.lockedUntil && throttle.lockedUntil > now) {
    const minutes = Math.ceil((throttle.lockedUntil.getTime() - now.getTime()) / 60_000);
    throw appError("RATE_LIMITED", lang, identityMessages.locked[lang]({ minutes }));
  }

  const account = await db.getRepository(Account).findOneBy({ nationalId: nationalId! });
  const valid = await verifyPassword(password, account?.passwordHash ?? (await decoyHash()));
  if (!account || !valid) {
    await recordFailure(db, nationalId!, policy, now);
    throw appError("UNAUTHENTICATED", lang, identityMessages.badCredentials[lang]());
  }
  if (throttle) await db.getRepository(LoginThrottle).delete({ nationalId: account.nationalId });

  const citizen = await db.getRepository(Citizen).findOneByOrFail({ nationalId: account.nationalId });
  const roles: Role[] = ["CITIZEN", ...account.roles.filter((role) => role !== "CITIZEN")];
  const expiresAt = new Date(now.getTime() + policy.tokenTtlSeconds * 1000);
  const accessToken = await new SignJWT({ roles })
    .setProtectedHeader({ alg: TOKEN_ALGORITHM, kid: keys.kid, typ: "JWT" })
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setSubject(account.nationalId)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .setJti(crypto.randomUUID())
    .sign(keys.privateKey);
  return { accessToken, expiresAt, citizen, roles };
}
