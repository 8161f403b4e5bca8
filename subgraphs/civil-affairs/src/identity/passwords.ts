import crypto from "node:crypto";
import { promisify } from "node:util";

const scrypt = promisify(crypto.scrypt) as (password: string, salt: Buffer, length: number, options: crypto.ScryptOptions) => Promise<Buffer>;

/** scrypt's cost parameters; a stored hash carries its own, and is verified with them. */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** N=2^15 takes ~100 ms and 32 MB per hash: slow for guessing, fine for a sign-in. */
export const SIGN_IN_COST: ScryptCost = { N: 32768, r: 8, p: 1 };
const MAX_MEMORY = 64 * 1024 * 1024;
const KEY_LENGTH = 32;

/** "scrypt$N$r$p$salt$hash", salt and hash base64. */
export async function hashPassword(password: string, cost: ScryptCost = SIGN_IN_COST): Promise<string> {
  const salt = crypto.randomBytes(16);
  const hash = await scrypt(password, salt, KEY_LENGTH, { ...cost, maxmem: MAX_MEMORY });
  return ["scrypt", cost.N, cost.r, cost.p, salt.toString("base64"), hash.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const actual = await scrypt(password, Buffer.from(salt, "base64"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAX_MEMORY,
  });
  return crypto.timingSafeEqual(actual, expected);
}

/** A hash of nothing in particular, so that an unknown ID costs as much time as a known one. */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  return (decoy ??= hashPassword(crypto.randomBytes(12).toString("hex")));
}
