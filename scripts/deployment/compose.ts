import { DEPLOYED, IDENTITY, names, ownSettings, type Deployed } from "./model";
import { block, flow, GENERATED } from "./text";

/** docker-compose.yml: PostgreSQL, Redis, the edge proxy and the gateway around one service per agency. */

const EVENTS_SECRET = "events-hmac-secret";
const CREDENTIAL_SECRET = "gateway-credential";
const healthy = "{ condition: service_healthy }";

/** A compose secret, mounted at /run/secrets/<name>: docker/secrets/<file>, named as the file without its extension. */
const secretName = (file: string) => file.replace(/\.[^.]+$/, "");
const ownSecrets = (entry: Deployed) =>
  (entry.deployment.secrets ?? []).flatMap(({ setting, demoFile }) => (demoFile ? [{ setting, file: demoFile, name: secretName(demoFile) }] : []));

const probe = (port: number, path: string) =>
  `["CMD", "node", "-e", "fetch('http://127.0.0.1:${port}/${path}').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]`;

function agencyService(entry: Deployed): string {
  const environment: Record<string, string> = {
    PORT: String(entry.defaultPort),
    DATABASE_URL: `postgres://postgres:postgres@postgres:5432/${entry.database}`,
    ...(entry.signsEvents ? { EVENTS_HMAC_SECRET_FILE: `/run/secrets/${EVENTS_SECRET}` } : {}),
    ...ownSettings(entry),
    ...Object.fromEntries(ownSecrets(entry).map((secret) => [`${secret.setting}_FILE`, `/run/secrets/${secret.name}`])),
  };
  const secrets = [CREDENTIAL_SECRET, ...(entry.signsEvents ? [EVENTS_SECRET] : []), ...new Set(ownSecrets(entry).map((secret) => secret.name))];
  const dependsOn = [
    `      postgres: ${healthy}`,
    ...(entry === IDENTITY ? [] : [`      # ${IDENTITY.name} publishes the keys that verify access tokens.`, `      ${IDENTITY.name}: ${healthy}`]),
  ];
  return `  ${entry.name}:
    <<: *app
    command: ["node", "${entry.compiledMain}"]
    environment:
      <<: *subgraph-env
${block(environment, 6)}
    secrets: ${flow(secrets)}
    expose: ["${entry.defaultPort}"]
    healthcheck:
      test: ${probe(entry.defaultPort, "ready")}
      <<: *healthcheck
    depends_on:
${dependsOn.join("\n")}`;
}

const readers = (setting: string, entries: Deployed[]) => `${names(entries)} \`${setting}\``;

/** The public demo files under docker/secrets/, each a compose secret, and who reads it. */
const DEMO_SECRETS: Array<{ file: string; readBy: string }> = [
  { file: EVENTS_SECRET, readBy: readers("EVENTS_HMAC_SECRET", DEPLOYED.filter((entry) => entry.signsEvents)) },
  { file: CREDENTIAL_SECRET, readBy: "gateway `GATEWAY_CREDENTIAL`, subgraphs `GATEWAY_CREDENTIALS`" },
  ...DEPLOYED.flatMap((entry) => ownSecrets(entry).map((secret) => ({ file: secret.file, readBy: readers(secret.setting, [entry]) }))),
];

export function composeFile(): string {
  return `${GENERATED}
#
# The whole platform in containers: PostgreSQL with one database per subgraph, Redis, the
# subgraphs, the gateway, and the edge proxy in front of the gateways (http://localhost:4000/graphql).
# \`docker compose up --build\`; any number of replicas: \`docker compose up --scale ${IDENTITY.name}=3
# --scale gateway=2\` (only the edge publishes a port, and it balances over every gateway replica).
#
# DEMO SETUP, not for production: DEMO_DATA=true loads demo accounts that share a known password
# (the services refuse that with NODE_ENV=production), the database password is fixed, and the
# secrets are the public demo files under docker/secrets/ (its README says how to replace them).
#
# test/dockerCompose.test.ts checks this file against the settings the code declares and the image.

x-app: &app
  build: .
  image: family-record-platform:dev
  restart: unless-stopped
  # Longer than the services' drain on SIGTERM (in-flight requests up to 10 s, then the database).
  stop_grace_period: 30s

x-subgraph-env: &subgraph-env
  NODE_ENV: development
  HOST: 0.0.0.0
  ${IDENTITY.urlSetting}: http://${IDENTITY.name}:${IDENTITY.defaultPort}
  DEMO_DATA: "true"
  GATEWAY_CREDENTIALS_FILE: /run/secrets/${CREDENTIAL_SECRET}

x-healthcheck: &healthcheck
  interval: 5s
  timeout: 3s
  retries: 30
  start_period: 10s

services:
  postgres:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: postgres
    volumes:
      - ./docker/postgres/init.sql:/docker-entrypoint-initdb.d/init.sql:ro
      - pgdata:/var/lib/postgresql/data
    healthcheck:
      # Over TCP: during initialisation the server listens on its socket only, so this
      # turns healthy once init.sql has run and the real server is up.
      test: ["CMD", "pg_isready", "-h", "127.0.0.1", "-U", "postgres"]
      <<: *healthcheck

  # The gateways' shared rate limits, cost budgets and sign-in limits (REDIS_URL).
  redis:
    image: redis:7-alpine
    healthcheck:
      test: ["CMD", "redis-cli", "ping"]
      <<: *healthcheck

  # Replicas start together safely: migrations and demo data run under a lock in the database.
${DEPLOYED.map(agencyService).join("\n\n")}

  gateway:
    <<: *app
    command: ["node", "dist/gateway/src/main.js"]
    environment:
      NODE_ENV: development
      HOST: 0.0.0.0
      PORT: "4000"
      # Service names: Docker's DNS answers with the address of each replica; looked up again every
      # 5 s, each address is a replica the gateway balances over (a circuit per replica).
${DEPLOYED.map((entry) => `      ${entry.urlSetting}: http://${entry.name}:${entry.defaultPort}`).join("\n")}
      SUBGRAPH_RESOLVE_MS: "5000"
      # Sent on every fetch; the subgraphs refuse _entities and _service without it.
      GATEWAY_CREDENTIAL_FILE: /run/secrets/${CREDENTIAL_SECRET}
      REDIS_URL: redis://redis:6379
      # The edge proxy's network (below): its X-Forwarded-For names the client for the rate limits.
      TRUSTED_PROXIES: 172.28.0.0/16
    secrets: [${CREDENTIAL_SECRET}]
    expose: ["4000"]
    healthcheck:
      test: ${probe(4000, "health")}
      <<: *healthcheck
    depends_on:
      redis: ${healthy}
${DEPLOYED.map((entry) => `      ${entry.name}: ${healthy}`).join("\n")}

  # The one published port. HAProxy re-resolves "gateway" through Docker's DNS and health-checks
  # each address on /ready, so it balances over every gateway replica, however many are scaled.
  edge:
    image: haproxy:3.2-alpine
    volumes:
      - ./docker/haproxy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro
    ports: ["4000:4000"]
    restart: unless-stopped
    depends_on:
      gateway: ${healthy}

# DEMO values, public (docker/secrets/README.md); mounted at /run/secrets/<name>, read through NAME_FILE.
secrets:
${DEMO_SECRETS.map(({ file }) => `  ${secretName(file)}:\n    file: ./docker/secrets/${file}`).join("\n")}

networks:
  default:
    ipam:
      config:
        - subnet: 172.28.0.0/16

volumes:
  pgdata:
`;
}

/** docker/secrets/README.md's table of the demo secrets, between its markers. */
export function demoSecretsTable(): string {
  return [
    "| File | Compose secret | Read by (as `NAME_FILE=/run/secrets/<secret>`) |",
    "|---|---|---|",
    ...DEMO_SECRETS.map(({ file, readBy }) => `| \`${file}\` | \`${secretName(file)}\` | ${readBy} |`),
  ].join("\n");
}
