import fs from "node:fs";
import path from "node:path";
import type { ServerResponse } from "node:http";
import type { HttpRoute } from "../../kernel/http/server";
import { APP_CONTENT_SECURITY_POLICY, pageSecurityHeaders } from "../../kernel/http/securityHeaders";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/**
 * A file of the built app (web/dist), or null: only plain names under the folder, so no request
 * reads anything else (`..`, encoded separators and dot files are refused before touching the disk).
 */
function fileUnder(folder: string, name: string): string | null {
  if (!/^[A-Za-z0-9._-]+$/.test(name) || name.startsWith(".")) return null;
  const file = path.join(folder, name);
  return fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
}

function send(response: ServerResponse, status: number, headers: Record<string, string>, body: Buffer | string): void {
  response.writeHead(status, { ...headers, "content-length": String(Buffer.byteLength(body)) });
  response.end(body);
}

function serveFile(response: ServerResponse, file: string | null, cache: string, headers: Record<string, string>): void {
  if (!file) return send(response, 404, { ...headers, "content-type": TYPES[".txt"]!, "cache-control": "no-store" }, "Not found.\n");
  send(response, 200, { ...headers, "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "cache-control": cache }, fs.readFileSync(file));
}

export interface WebAppOptions {
  /** The built web app (npm run web:build): web/dist by default. */
  dir: string;
  /** The developers' IDE bundle is served outside production only. */
  ide: boolean;
}

/**
 * The citizens' web app at the gateway's origin: `/` is its page, `/assets/*` its hashed files
 * (cached for a year: a new build has new names), `/ide/*` the GraphQL IDE's bundle.
 */
export function webAppRoutes(options: WebAppOptions): HttpRoute[] {
  const app = path.join(options.dir, "app");
  const headers = pageSecurityHeaders(APP_CONTENT_SECURITY_POLICY);
  const index = (response: ServerResponse) => {
    const file = fileUnder(app, "index.html");
    if (!file) return send(response, 503, { ...headers, "content-type": TYPES[".txt"]!, "cache-control": "no-store" }, "The web app is not built yet: run npm run web:build (npm start does it).\n");
    serveFile(response, file, "no-cache", headers);
  };
  const routes: HttpRoute[] = [
    { method: "GET", path: "/", handle: (_request, response) => index(response) },
    { method: "GET", path: "/index.html", handle: (_request, response) => index(response) },
    { method: "GET", path: "/assets/*", handle: (request, response) => serveFile(response, fileUnder(path.join(app, "assets"), nameAfter("/assets/", request.url)), "public, max-age=31536000, immutable", headers) },
  ];
  if (options.ide) {
    routes.push({ method: "GET", path: "/ide/*", handle: (request, response) => serveFile(response, fileUnder(path.join(options.dir, "ide"), nameAfter("/ide/", request.url)), "no-cache", headers) });
  }
  return routes;
}

/** The file name after the route's prefix (fileUnder refuses anything that is not one plain name). */
function nameAfter(prefix: string, url: string | undefined): string {
  return new URL(url ?? "/", "http://localhost").pathname.slice(prefix.length);
}
