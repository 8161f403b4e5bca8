import type { IncomingMessage } from "node:http";

/** One request header as a string (the first, when sent several times). */
export function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
