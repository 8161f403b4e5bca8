# One image for the three subgraphs and the gateway; docker-compose.yml picks the entry per service.
FROM node:20-bookworm-slim
WORKDIR /app

# Dependencies first, so source edits reuse this layer. Dev dependencies stay: the services run
# from TypeScript through @swc-node/register (as `npm start` does), which needs typescript.
COPY package.json package-lock.json ./
RUN npm ci && npm cache clean --force

COPY . .
# DATA_DIR (default ./data) holds civil-affairs' generated signing key; the services run as "node".
RUN mkdir -p data && chown node:node data
USER node

EXPOSE 4000 4001 4002 4003
# Overridden per service in docker-compose.yml.
CMD ["node", "-r", "@swc-node/register", "gateway/src/main.ts"]
