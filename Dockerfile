# One image for the gateway, every agency's subgraph and the migration entry; docker-compose.yml and the
# Kubernetes manifests pick the entry per service (node dist/<path>/main.js).
#
# Node 26 ("Lithium") is the Active LTS line: it became LTS on 2026-10-28, and Node 24 moved to
# maintenance on 2026-10-20 (the Node.js release schedule). test/dockerCompose.test.ts checks both
# stages name it.

# Build: every dependency, then the TypeScript compiled into dist/ (tsconfig.build.json).
FROM node:26-trixie-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY kernel kernel
COPY gateway gateway
COPY subgraphs subgraphs
COPY seed seed
COPY scripts scripts
RUN npm run build
# The citizens' web app and its persisted-operations manifest (web/dist), without the developers' IDE.
COPY web web
RUN NODE_ENV=production npm run web:build

# Runtime: production dependencies only (no compiler, no test tools), the compiled code and the
# files it reads at run time. Production mode unless told otherwise: it refuses demo data and
# default secrets.
FROM node:26-trixie-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
# dist/ holds labor's shipped rules too (npm run build copies them beside the code that reads them).
COPY --from=build /app/dist dist
# The gateway's composed schema (SUPERGRAPH_PATH is relative to /app).
COPY schema/supergraph.graphql schema/
# The web app the gateway serves at / and the manifest of its operations (WEB_DIR is relative to /app).
COPY --from=build /app/web/dist web/dist
# DATA_DIR, written only by an embedded database or a generated key; the code stays root's, read-only.
RUN mkdir data && chown 1000:1000 data
# "node", by number so that Kubernetes' runAsNonRoot can check it.
USER 1000:1000
# The services' V8 flags, as npm start and the bench run them (SERVICE_NODE_FLAGS, scripts/stack.ts): a
# young generation sized for what a request allocates (docs/operations.md). Set after the install, which
# does not need them.
ENV NODE_OPTIONS="--max-semi-space-size=64"

EXPOSE 4000 4001 4002 4003
CMD ["node", "dist/gateway/src/main.js"]
