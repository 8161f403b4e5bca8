import crypto from "node:crypto";
import type { IncomingMessage } from "node:http";

/** One request header as a string (the first, when sent several times). */
export function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** What a caller's request ID may be: short, and nothing but what IDs and UUIDs are written with. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * The request's ID: the caller's `x-request-id` when it looks like one (a proxy's, the gateway's),
 * else a new UUID. It goes into logs and the append-only audit trail, so a client cannot put a
 * 16 KB text or anything but an ID there.
 */
export function requestIdOf(request: IncomingMessage): string {
  return sentRequestId(request) ?? crypto.randomUUID();
}

/** The caller's `x-request-id` when it looks like one; undefined otherwise (a log line of a request never served). */
export function sentRequestId(request: IncomingMessage): string | undefined {
  const sent = header(request, "x-request-id");
  return sent !== undefined && REQUEST_ID.test(sent) ? sent : undefined;
}
