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

/**
 * Counts this attempt before its password is checked, in one statement, so that concurrent
 * attempts cannot all pass the check first: the first `maxFailures` attempts of a window are let
 * through, the next ones are refused until the lock ends. A success clears the count.
 */
async function countAttempt(db: DataSource, nationalId: string, policy: LoginPolicy, now: Date): Promise<{ allowed: boolean; lockedUntil: Date | null }> {
  const windowMs = policy.lockMinutes * 60_000;
  const [row] = (await db.query(
    `INSERT INTO login_throttle AS t (national_id, failures, window_started_at, locked_until)
     VALUES ($1, 1, $2, CASE WHEN 1 >= $4 THEN $3::timestamptz END)
     ON CONFLICT (national_id) DO UPDATE SET
       failures = CASE WHEN t.window_started_at <= $2::timestamptz - make_interval(secs => $5) AND (t.locked_until IS NULL OR t.locked_until <= $2) THEN 1 ELSE t.failures + 1 END,
       window_started_at = CASE WHEN t.window_started_at <= $2::timestamptz - make_interval(secs => $5) AND (t.locked_until IS NULL OR t.locked_until <= $2) THEN $2 ELSE t.window_started_at END,
       locked_until = CASE
         WHEN t.locked_until > $2 THEN t.locked_until
         WHEN t.window_started_at > $2::timestamptz - make_interval(secs => $5) AND t.failures + 1 >= $4 THEN $3::timestamptz
         WHEN 1 >= $4 THEN $3::timestamptz
       END
     RETURNING failures, locked_until`,
    [nationalId, now, new Date(now.getTime() + windowMs), policy.maxFailures, windowMs / 1000],
  )) as Array<{ failures: number; locked_until: Date | string | null }>;
  return { allowed: row!.failures <= policy.maxFailures, lockedUntil: row!.locked_until === null ? null : new Date(row!.locked_until) };
}

/** A sign-in's own input rules: a valid national ID and a password; the ID as stored. */
export function checkCredentials(args: { nationalId: string; password: string }, violations: Violations): string | null {
  const nationalId = collectNationalId(violations, "nationalId", args.nationalId);
  if (!args.password) violations.add("password", "REQUIRED", identityMessages.passwordRequired, undefined);
  return nationalId;
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
  const nationalId = checkCredentials({ nationalId: rawId, password }, violations);
  violations.throwIfAny();

  const attempt = await countAttempt(db, nationalId!, policy, now);
  if (!attempt.allowed) {
    // The wait in seconds as the gateway's own RATE_LIMITED gives it, so a client handles both alike.
    const retryAfterSeconds = Math.max(1, Math.ceil(((attempt.lockedUntil?.getTime() ?? now.getTime()) - now.getTime()) / 1000));
    throw appError("RATE_LIMITED", lang, identityMessages.locked[lang]({ minutes: Math.ceil(retryAfterSeconds / 60) }), { retryAfterSeconds });
  }

  const account = await db.getRepository(Account).findOneBy({ nationalId: nationalId! });
  const valid = await verifyPassword(password, account?.passwordHash ?? (await decoyHash()));
  if (!account || !valid) throw appError("UNAUTHENTICATED", lang, identityMessages.badCredentials[lang]());
  await db.getRepository(LoginThrottle).delete({ nationalId: account.nationalId });

  const citizen = await db.getRepository(Citizen).findOneByOrFail({ nationalId: account.nationalId });
  const roles: Role[] = ["CITIZEN", ...account.roles.filter((role) => role !== "CITIZEN")];
  const expiresAt = new Date(now.getTime() + policy.tokenTtlSeconds * 1000);
  // `scope` holds the same roles space-separated, the OAuth form Apollo Router's @requiresScopes
  // reads (router/router.yaml), so one token serves our gateway and the Router alike.
  const accessToken = await new SignJWT({ roles, scope: roles.join(" ") })
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
