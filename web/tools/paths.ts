import path from "node:path";

/** Where the web app's sources and build live (the gateway serves WEB_DIR, web/dist by default). */
export const WEB_ROOT = path.resolve(__dirname, "..");
export const WEB_DIST = path.join(WEB_ROOT, "dist");
/** Every operation's text by "sha256:<hash>", written by GraphQL Code Generator (web/codegen.ts). */
export const PERSISTED_DOCUMENTS = path.join(WEB_ROOT, "src", "graphql", "persisted-documents.json");
