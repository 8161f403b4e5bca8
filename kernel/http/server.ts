import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { HeaderMap, type ApolloServer, type BaseContext } from "@apollo/server";
import { GraphQLError } from "graphql";
import { metrics } from "../observability/metrics";
import { runCounted, StatementCount } from "../database/statementCounter";
import { pickLanguage } from "../i18n";
import { header, sentRequestId } from "./headers";
import { applyCors } from "./cors";
import { errorResponse } from "./errorResponse";
import { requestErrorBodyIn, requestErrorsIn } from "./requestErrors";
import { screenOperations, type OperationScreen } from "./screenOperations";
import type { Logger } from "../logger";

export interface HttpRoute {
  method: "GET" | "POST";
  /** An exact path, or a prefix ending in "/*" (`/assets/*`). */
  path: string;
  handle(request: IncomingMessage, response: ServerResponse, body: Buffer): Promise<void> | void;
}

export interface GraphQLEndpoint<C extends BaseContext> {
  path: string;
  server: ApolloServer<C>;
  context(request: IncomingMessage): Promise<C>;
  /** Document limits (and the allow-list) applied before the operation is hashed or parsed. */
  screen: OperationScreen;
}

export interface HttpServerOptions<C extends BaseContext> {
  graphql: GraphQLEndpoint<C>;
  routes: HttpRoute[];
  bodyLimitBytes: number;
  log: Logger;
  /** Report the SQL statements each GraphQL request ran in an `x-sql-statements` header. */
  countStatements?: boolean;
  /** Origins allowed to call from a browser ("*" for any); none: no CORS headers. */
  corsOrigins?: string[];
  /** Headers for a page the GraphQL endpoint answers to a browser (its IDE): the page's security headers. */
  pageHeaders?: Record<string, string>;
  /** Time a client has to send a whole request, body included; a minute unless set. */
  requestTimeoutMs?: number;
}

/**
 * A client sends a whole request, a 5 MiB document's 7 MB of base64 included, within a minute (at
 * about 1 Mbit/s); its headers within 10 s. Node's own 300 s let anyone hold a body's memory for
 * five minutes per connection by sending it slowly.
 */
const REQUEST_TIMEOUT_MS = 60_000;
const HEADERS_TIMEOUT_MS = 10_000;

export const STATEMENTS_HEADER = "x-sql-statements";

export function sendJson(response: ServerResponse, status: number, payload: unknown): void {
  const body = JSON.stringify(payload);
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) });
  response.end(body);
}

class BodyTooLarge extends Error {}

/** The client closed the connection before its body arrived: nothing to answer, nothing failed here. */
class ClientLeft extends Error {}

function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers["content-length"] ?? 0);
  if (declared > limit) return Promise.reject(new BodyTooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.destroy();
        reject(new BodyTooLarge());
      } else chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", () => reject(new ClientLeft()));
    // Closed by the request timeout: a settled promise ignores this.
    request.on("close", () => reject(new ClientLeft()));
  });
}

function headerMap(request: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

/**
 * Builds the request's context from its headers alone (token verified, rate limit counted) before
 * its body is read: a refused caller (401, 429) costs no body read and no parse. The refusal is
 * answered, counted in metrics and logged here; null then.
 */
async function admit<C extends BaseContext>(endpoint: GraphQLEndpoint<C>, request: IncomingMessage, response: ServerResponse, log: Logger): Promise<C | null> {
  try {
    return await endpoint.context(request);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const refusal = errorResponse(error);
    metrics.refusedRequests.inc({ status: String(refusal.status), code: String(error.extensions.code ?? "UNKNOWN") });
    log.info({ requestId: sentRequestId(request), status: refusal.status, errorCodes: [error.extensions.code] }, "graphql request refused before reading it");
    // The body is never read: the connection closes once the answer is sent.
    response.once("finish", () => request.destroy());
    response.writeHead(refusal.status, { ...Object.fromEntries(refusal.headers), connection: "close" }).end(refusal.body);
    return null;
  }
}

async function serveGraphQL<C extends BaseContext>(
  endpoint: GraphQLEndpoint<C>,
  context: C,
  request: IncomingMessage,
  response: ServerResponse,
  body: Buffer,
  url: URL,
  count: StatementCount | null,
  pageHeaders: Record<string, string>,
): Promise<void> {
  const headers = headerMap(request);
  const lang = pickLanguage(header(request, "accept-language"));
  let parsed: unknown = undefined;
  if (request.method === "POST" && body.length > 0) {
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      const message = "The body is not valid JSON.";
      sendJson(response, 400, { errors: requestErrorsIn(lang, [{ message, extensions: { code: "BAD_USER_INPUT", reason: "BAD_REQUEST", violations: [{ field: "body", rule: "JSON", message }] } }]) });
      return;
    }
  }
  const refused = screenOperations(endpoint.screen, parsed, url.searchParams, request.method ?? "GET", lang);
  if (refused) {
    sendJson(response, refused.status, { errors: [refused.error.toJSON()] });
    return;
  }
  const execute = () =>
    endpoint.server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? "GET", headers, search: url.search, body: parsed },
      context: async () => context,
    });
  const result = count ? await runCounted(count, execute) : await execute();
  for (const [name, value] of result.headers) response.setHeader(name, value);
  // Answers carry families' personal data: no browser, proxy or CDN keeps a copy.
  response.setHeader("cache-control", "no-store");
  if (result.headers.get("content-type")?.startsWith("text/html")) for (const [name, value] of Object.entries(pageHeaders)) response.setHeader(name, value);
  if (count) response.setHeader(STATEMENTS_HEADER, String(count.statements));
  response.statusCode = result.status ?? 200;
  if (result.body.kind === "complete") {
    // A refused request (GraphQL's own errors, in English only) in the client's language.
    response.end(response.statusCode >= 400 ? requestErrorBodyIn(lang, result.body.string) : result.body.string);
  } else {
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  }
}

function routeMatches(route: string, pathname: string): boolean {
  return route.endsWith("/*") ? pathname.startsWith(route.slice(0, -1)) : route === pathname;
}

/** A plain node:http server: GraphQL at one path, a few JSON routes, a body size limit. */
export function createHttpServer<C extends BaseContext>(options: HttpServerOptions<C>): http.Server {
  const { graphql, routes, bodyLimitBytes, log, countStatements = false, corsOrigins = [], pageHeaders = {}, requestTimeoutMs = REQUEST_TIMEOUT_MS } = options;
  const timeouts = {
    requestTimeout: requestTimeoutMs,
    headersTimeout: Math.min(HEADERS_TIMEOUT_MS, requestTimeoutMs),
    // Node looks for requests past their time this often (30 s by default).
    connectionsCheckingInterval: Math.min(1000, requestTimeoutMs / 4),
  };
  return http.createServer(timeouts, async (request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (corsOrigins.length > 0 && applyCors(corsOrigins, request, response)) return;
    // Routes match the path as sent: `/./metrics` or `/graphql/../metrics`, which URL parsing
    // resolves to `/metrics`, would slip past a proxy that refuses `/metrics` to the public.
    if ((request.url ?? "/").split("?")[0] !== url.pathname) return sendJson(response, 404, { error: "not found" });
    try {
      const route = routes.find((r) => r.method === request.method && routeMatches(r.path, url.pathname));
      if (route) return await route.handle(request, response, await readBody(request, bodyLimitBytes));
      if (url.pathname !== graphql.path) return sendJson(response, 404, { error: "not found" });
      const context = await admit(graphql, request, response, log);
      if (!context) return;
      const body = await readBody(request, bodyLimitBytes);
      return await serveGraphQL(graphql, context, request, response, body, url, countStatements ? new StatementCount() : null, pageHeaders);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        sendJson(response, 413, {
          errors: requestErrorsIn(pickLanguage(header(request, "accept-language")), [
            {
              message: `The request body is larger than ${bodyLimitBytes} bytes.`,
              extensions: { code: "BAD_USER_INPUT", reason: "PAYLOAD_TOO_LARGE", violations: [{ field: "body", rule: "PAYLOAD_TOO_LARGE", message: `At most ${bodyLimitBytes} bytes.` }] },
            },
          ]),
        });
        return;
      }
      if (error instanceof ClientLeft) {
        // Anyone can open connections and drop them: one line each, no stack, not an error of ours.
        log.info({ requestId: sentRequestId(request) }, "client closed the request before sending its body");
        return;
      }
      log.error({ err: error }, "request failed");
      if (!response.headersSent) sendJson(response, 500, { errors: [{ message: "Internal error.", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
      else response.end();
    }
  });
}

/** Listens and resolves with the bound port (0 picks a free one). */
export function listen(server: http.Server, port: number, host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });
}
