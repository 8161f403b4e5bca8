import fs from "node:fs";
import { riyadhToday } from "./riyadhCalendar";

/** One environment variable a service reads: its documentation, default and parser. */
export interface Setting<T> {
  doc: string;
  fallback?: string;
  parse(raw: string | undefined, name: string): T;
  /** What production refuses of a parsed value (a public development default, a missing secret), or nothing. */
  inProduction?(value: T, name: string): string | undefined;
}

export type ConfigSpec = Record<string, Setting<unknown>>;
export type Config<S extends ConfigSpec> = { [K in keyof S]: S[K] extends Setting<infer T> ? T : never };

export class ConfigError extends Error {}

function required<T>(doc: string, parse: (raw: string, name: string) => T, fallback?: string): Setting<T> {
  return {
    doc,
    fallback,
    parse(raw, name) {
      const value = raw ?? fallback;
      if (value === undefined || value === "") throw new ConfigError(`${name} is required: ${doc}`);
      return parse(value, name);
    },
  };
}

/** `base`, with what production refuses of its value: reported with every other setting's problems at once. */
export function refusedInProduction<T>(base: Setting<T>, problem: (value: T, name: string) => string | undefined): Setting<T> {
  return { ...base, inProduction: problem };
}

/** A secret whose development default is public: production must set its own. */
export function productionSecret(doc: string, developmentDefault: string): Setting<string> {
  return refusedInProduction(setting.string(doc, developmentDefault), (value, name) => (value === developmentDefault ? `${name} must be set in production: the default secret is public.` : undefined));
}

export const setting = {
  string: (doc: string, fallback?: string) => required(doc, (raw) => raw, fallback),
  optional: (doc: string): Setting<string | undefined> => ({ doc, parse: (raw) => (raw === "" ? undefined : raw) }),
  int: (doc: string, fallback?: number) =>
    required(
      doc,
      (raw, name) => {
        const value = Number(raw);
        if (!Number.isSafeInteger(value) || value < 0) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
        return value;
      },
      fallback === undefined ? undefined : String(fallback),
    ),
  bool: (doc: string, fallback: boolean) =>
    required(
      doc,
      (raw, name) => {
        if (/^(1|true|yes|on)$/i.test(raw)) return true;
        if (/^(0|false|no|off)$/i.test(raw)) return false;
        throw new ConfigError(`${name} must be true or false, got "${raw}"`);
      },
      String(fallback),
    ),
  oneOf: <const T extends string>(doc: string, values: readonly T[], fallback: T) =>
    required(
      `${doc} (${values.join(", ")})`,
      (raw, name) => {
        if (!(values as readonly string[]).includes(raw)) throw new ConfigError(`${name} must be one of ${values.join(", ")}, got "${raw}"`);
        return raw as T;
      },
      fallback,
    ),
  list: (doc: string, fallback = ""): Setting<string[]> => ({
    doc,
    fallback,
    parse: (raw) =>
      (raw ?? fallback)
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean),
  }),
  /**
   * Base URLs of one service's replicas, comma-separated ("http://a:4001,http://b:4001"); one URL
   * (a balancer, a Service name) is a list of one. Each must be an http(s) URL.
   */
  urls: (doc: string, fallback: string) =>
    required(
      `${doc}; comma-separated to list replicas`,
      (raw, name) => {
        const urls = raw.split(",").map((item) => item.trim()).filter(Boolean);
        if (urls.length === 0) throw new ConfigError(`${name} names no URL`);
        for (const url of urls) {
          if (!/^https?:\/\/[^/]/.test(url) || !URL.canParse(url)) throw new ConfigError(`${name}: "${url}" is not an http(s) URL`);
        }
        return urls;
      },
      fallback,
    ),
};

/** Anything but these three would silently run the development mode (demo data, introspection). */
export const nodeEnvSetting = setting.oneOf("Mode", ["development", "test", "production"], "development");
export const logLevelSetting = setting.oneOf("pino log level", ["fatal", "error", "warn", "info", "debug", "trace", "silent"], "info");

export const metricsTokenSetting = refusedInProduction(setting.optional("Bearer token that /metrics requires (Authorization: Bearer …); required in production, unset: /metrics is open"), (token, name) =>
  token ? undefined : `${name} is required in production: /metrics answers only its bearer`,
);

/**
 * A setting's raw value: `NAME`, or the content of the file `NAME_FILE` names (how container
 * platforms hand over secrets), without its final line break. Both at once is refused.
 */
function rawValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const file = env[`${name}_FILE`];
  if (!file) return env[name];
  if (env[name] !== undefined) throw new ConfigError(`${name} and ${name}_FILE are both set: give one`);
  try {
    return fs.readFileSync(file, "utf8").replace(/\r?\n$/, "");
  } catch (error) {
    throw new ConfigError(`${name}_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

/** Reads and checks every setting at once; a bad value stops the service with a clear message. */
export function loadConfig<S extends ConfigSpec>(spec: S, env: NodeJS.ProcessEnv = process.env): Config<S> {
  const problems: string[] = [];
  const config: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(spec)) {
    try {
      config[name] = entry.parse(rawValue(env, name), name);
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (config.NODE_ENV === "production") {
    for (const [name, entry] of Object.entries(spec)) {
      const problem = name in config ? entry.inProduction?.(config[name], name) : undefined;
      if (problem) problems.push(problem);
    }
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n- ${problems.join("\n- ")}`);
  return config as Config<S>;
}

/**
 * The day the demo history ends (it covers the 90 days before it): one date for every agency, so
 * their dashboards agree. `npm start` passes the same one to all three; alone, a process takes today.
 */
const demoAnchorSetting: Setting<string> = {
  doc: "Last day (YYYY-MM-DD, Riyadh) before which the demo history is spread; default today",
  parse(raw, name) {
    if (!raw) return riyadhToday();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(`${raw}T00:00:00Z`))) throw new ConfigError(`${name} must be a date written YYYY-MM-DD, got "${raw}"`);
    return raw;
  },
};

/** Settings every subgraph process reads. */
export function subgraphSettings(defaultPort: number) {
  return {
    NODE_ENV: nodeEnvSetting,
    PORT: setting.int("HTTP port of this subgraph", defaultPort),
    HOST: setting.string("Interface to listen on (0.0.0.0 in containers)", "127.0.0.1"),
    DATABASE_URL: setting.optional("PostgreSQL URL of this subgraph's own database; unset: embedded database under DATA_DIR"),
    DATA_DIR: setting.string("Folder of the embedded databases and generated keys", "data"),
    EMBEDDED_DATABASE: setting.oneOf("Where the embedded database lives: under DATA_DIR, or in memory (tests)", ["disk", "memory"], "disk"),
    CIVIL_AFFAIRS_URL: setting.urls("Base URL of civil-affairs, the identity provider (its key set and revoked tokens)", "http://127.0.0.1:4001"),
    KEY_SET_REFRESH_MS: setting.int("How often the token-signing key set is fetched again from civil-affairs: the longest a new or withdrawn key goes unseen here", 60_000),
    DEMO_DATA: refusedInProduction(setting.bool("Load the demo data on start (refused in production)", true), (on, name) =>
      on ? `${name} must be false in production: the demo accounts share a known password.` : undefined,
    ),
    DEMO_FAMILIES: setting.int("How many synthetic families the demo data adds to the named cast", 300),
    DEMO_ANCHOR_DATE: demoAnchorSetting,
    ACCESS_PURPOSE_REQUIRED: setting.bool("Refuse officers who state no x-access-purpose (always on in production)", false),
    LOG_LEVEL: logLevelSetting,
    TOKEN_REVOCATION_REFRESH_MS: setting.int("How often the list of revoked tokens is fetched from civil-affairs (the window in which a revoked token still passes)", 5000),
    OTEL_EXPORTER_OTLP_ENDPOINT: setting.optional("OpenTelemetry collector (OTLP over HTTP); set: traces are exported, unset: tracing is off"),
    METRICS_TOKEN: metricsTokenSetting,
  };
}
