/**
 * The gateway's GraphQL IDE (GraphiQL 4): schema docs, autocompletion, a headers editor, tabs and
 * history. Served in development only, by the gateway itself, from one bundle with no network
 * access beyond the gateway (gateway/src/landingPage.ts is the page; web/dist/ide/ the bundle).
 *
 * Access tokens never reach the browser's storage: GraphiQL keeps its tabs and history in
 * localStorage, so headers are left out of what it stores (`shouldPersistHeaders={false}` for the
 * tabs, and the storage below for the history, which would otherwise store them).
 */
import { createGraphiQLFetcher, type Fetcher, type Storage } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { createRoot } from "react-dom/client";
import { SAMPLE_FAMILY_QUERY } from "../../gateway/src/sampleQuery";
import "graphiql/style.css";
import "./page.css";

/** The placeholder in the default headers; a header still holding it is not sent. */
const TOKEN_PLACEHOLDER = "<accessToken>";

const DEFAULT_HEADERS = JSON.stringify({ "Accept-Language": "en", Authorization: `Bearer ${TOKEN_PLACEHOLDER}` }, null, 2);

/** `{ … }` as `query Name { … }`, so that the tab has a title. */
const named = (query: string, name: string) => (query.trimStart().startsWith("{") ? `query ${name} ${query.trimStart()}` : query);

const FAMILY_TAB = `# Family record gateway: the GraphQL IDE (development only).
#
# Sign in first:
# 1. Run the SignIn tab: demo citizen 1000000016, password
#    "demo-password" (the same for every demo account), i.e.
#      mutation { login(nationalId: "1000000016",
#                       password: "demo-password") { accessToken } }
# 2. In the Headers editor below, replace ${TOKEN_PLACEHOLDER}
#    with the accessToken it returned:
#      "Authorization": "Bearer eyJ..."
#    While the placeholder is there the header is not sent:
#    you query anonymously.
# 3. Run this query (the play button, or Ctrl-Enter): your
#    family, from the three agencies in one request.
#
# Headers are never saved in the browser: after a reload, or
# in a new tab, put the token in again.
# "Accept-Language": "ar" answers in Arabic.
# Docs (the book icon, top left) browses the schema;
# Ctrl-Space autocompletes.

${named(SAMPLE_FAMILY_QUERY, "MyFamily")}
`;

const NEW_TAB = `# A new tab starts from the default headers: to query signed
# in, put the accessToken from the SignIn tab in its Headers
# editor. Ctrl-Space autocompletes; Docs browses the schema.

`;

const SIGN_IN_TAB = `# Sign in, then put the accessToken in the Headers editor of
# the tab you query from, in place of ${TOKEN_PLACEHOLDER}:
#   "Authorization": "Bearer eyJ..."
mutation SignIn($nationalId: ID!, $password: String!) {
  login(nationalId: $nationalId, password: $password) {
    accessToken
    expiresAt
    roles
    citizen { nationalId fullNameEn }
  }
}
`;

const SIGN_IN_VARIABLES = JSON.stringify({ nationalId: "1000000016", password: "demo-password" }, null, 2);

/** The headers as the IDE would send them, less an Authorization header still a placeholder or empty. */
function sendableHeaders(headers: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!headers) return headers;
  return Object.fromEntries(
    Object.entries(headers).filter(
      ([name, value]) =>
        name.toLowerCase() !== "authorization" ||
        (typeof value === "string" && !value.includes(TOKEN_PLACEHOLDER) && !/^\s*(bearer)?\s*$/i.test(value)),
    ),
  );
}

const http = createGraphiQLFetcher({ url: "/graphql", enableIncrementalDelivery: false });
const fetcher: Fetcher = (params, options) => http(params, options && { ...options, headers: sendableHeaders(options.headers) });

/** A JSON value from GraphiQL's storage with every `headers` property emptied. */
function withoutHeaders(value: string): string {
  try {
    return JSON.stringify(JSON.parse(value), (key, item: unknown) => (key === "headers" ? null : item));
  } catch {
    return value;
  }
}

const NAMESPACE = "graphiql:";

/** localStorage (a memory map where the browser refuses it) that never holds a header. */
function headerFreeStorage(): Storage {
  let backing: Pick<globalThis.Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;
  try {
    backing = window.localStorage;
    backing.getItem(`${NAMESPACE}probe`);
  } catch {
    const memory = new Map<string, string>();
    backing = {
      getItem: (key) => memory.get(key) ?? null,
      setItem: (key, value) => void memory.set(key, value),
      removeItem: (key) => void memory.delete(key),
      key: (index) => [...memory.keys()][index] ?? null,
      get length() {
        return memory.size;
      },
    };
  }
  const keys = () => Array.from({ length: backing.length }, (_, index) => backing.key(index)).filter((key): key is string => key?.startsWith(NAMESPACE) ?? false);
  // What an earlier GraphiQL on this origin may have stored (history keeps headers by default).
  for (const key of keys()) {
    const value = backing.getItem(key);
    if (value !== null && value.includes('"headers"')) backing.setItem(key, withoutHeaders(value));
  }
  backing.removeItem(`${NAMESPACE}shouldPersistHeaders`);
  return {
    getItem: (key) => backing.getItem(key),
    setItem: (key, value) => backing.setItem(key, withoutHeaders(value)),
    removeItem: (key) => backing.removeItem(key),
    clear: () => keys().forEach((key) => backing.removeItem(key)),
    get length() {
      return keys().length;
    },
  };
}

const container = document.getElementById("ide");
if (!container) throw new Error("The IDE page has no #ide element.");
createRoot(container).render(
  <GraphiQL
    fetcher={fetcher}
    storage={headerFreeStorage()}
    defaultTabs={[
      { query: FAMILY_TAB, headers: DEFAULT_HEADERS },
      { query: SIGN_IN_TAB, variables: SIGN_IN_VARIABLES, headers: DEFAULT_HEADERS },
    ]}
    defaultQuery={NEW_TAB}
    defaultHeaders={DEFAULT_HEADERS}
    isHeadersEditorEnabled
    shouldPersistHeaders={false}
    defaultEditorToolsVisibility="headers"
  >
    <GraphiQL.Logo>Family record gateway</GraphiQL.Logo>
  </GraphiQL>,
);
