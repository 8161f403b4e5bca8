import { setting } from "../../kernel/config";

export const gatewaySettings = {
  NODE_ENV: setting.string("development, test or production", "development"),
  PORT: setting.int("HTTP port of the gateway", 4000),
  HOST: setting.string("Interface to listen on (0.0.0.0 in containers)", "127.0.0.1"),
  CIVIL_AFFAIRS_URL: setting.string("Base URL of the civil-affairs subgraph (also the identity provider)", "http://127.0.0.1:4001"),
  LABOR_URL: setting.string("Base URL of the labor subgraph", "http://127.0.0.1:4002"),
  DELIVERY_URL: setting.string("Base URL of the delivery subgraph", "http://127.0.0.1:4003"),
  SUPERGRAPH_PATH: setting.string("Composed supergraph SDL; reloaded when the file changes", "schema/supergraph.graphql"),
  BODY_LIMIT_BYTES: setting.int("Largest request body accepted", 8 * 1024 * 1024),
  LOG_LEVEL: setting.string("pino log level", "info"),
};
