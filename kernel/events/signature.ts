import crypto from "node:crypto";

/** Header carrying "sha256=<hex HMAC of the raw body>" on every event and webhook call. */
export const SIGNATURE_HEADER = "x-signature";

export function sign(body: string | Buffer, secret: string): string {
  return `sha256=${crypto.createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** Constant-time check of a signature header against the raw body. */
export function verifySignature(body: string | Buffer, secret: string, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(sign(body, secret));
  const actual = Buffer.from(header.trim());
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}
