import type { ApolloServerPlugin } from "@apollo/server";

/**
 * The gateway's GraphQL IDE page (GraphiQL: schema docs, autocompletion, a headers editor), served
 * by the gateway itself in development, so it works with no internet (Apollo's own landing pages
 * load from a CDN). The page is only a shell: the IDE is the bundle web/ide/main.tsx builds into
 * web/dist/ide/, which the gateway serves at /ide/ide.js and /ide/ide.css. No inline script or
 * style, so the page runs under a Content-Security-Policy of `script-src 'self'`. How to sign in
 * and the sample family query are in the IDE's first tab.
 */
export const IDE_PAGE = `<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Family record gateway: GraphQL IDE</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/ide/ide.css">
<script type="module" src="/ide/ide.js"></script>
</head>
<body>
<noscript>The GraphQL IDE needs JavaScript. Without it, POST GraphQL requests to this URL (/graphql) as JSON.</noscript>
<div id="ide"></div>
</body>
</html>
`;

export function offlineLandingPage(): ApolloServerPlugin {
  return {
    async serverWillStart() {
      return { async renderLandingPage() { return { html: IDE_PAGE }; } };
    },
  };
}
