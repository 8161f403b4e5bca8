import crypto from "node:crypto";

/** A stable id for a seeded row, so that every start (and every replica) derives the same one: a v4-shaped UUID from a hash. */
export function seededId(name: string): string {
  const hex = crypto.createHash("sha256").update(`demo:${name}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
