import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Headers a browser client may send: the token, the language, the purpose, the request id, and
 * what Apollo clients add (client name and version, W3C trace context).
 */
export const ALLOWED_HEADERS = [
  "authorization",
  "content-type",
  "accept-language",
  "x-access-purpose",
  "x-request-id",
  "apollo-require-preflight",
  "apollographql-client-name",
  "apollographql-client-version",
  "traceparent",
  "tracestate",
].join(", ");

/**
 * CORS for browser clients on other origins. Tokens travel in the Authorization header, never in
 * cookies, so no credentials are allowed. Returns true when it answered a preflight itself.
 */
export function applyCors(allowedOrigins: string[], request: IncomingMessage, response: ServerResponse): boolean {
  const origin = request.headers.origin;
  if (!origin) return false;
  const allowed = allowedOrigins.includes("*") || allowedOrigins.includes(origin);
  response.setHeader("vary", "Origin");
  if (allowed) {
    response.setHeader("access-control-allow-origin", allowedOrigins.includes("*") ? "*" : origin);
    response.setHeader("access-control-expose-headers", "x-request-id, retry-after");
  }
  if (request.method !== "OPTIONS") return false;
  if (allowed) {
    response.setHeader("access-control-allow-methods", "GET, POST, OPTIONS");
    response.setHeader("access-control-allow-headers", ALLOWED_HEADERS);
    response.setHeader("access-control-max-age", "600");
  }
  response.writeHead(allowed ? 204 : 403).end();
  return true;
}
