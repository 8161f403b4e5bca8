import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { subgraphSettings, type ConfigSpec } from "../kernel/config";
import { eventSettings } from "../kernel/events/settings";
import { acceptedCredentialSettings } from "../kernel/auth/gatewayCredential";
import { documentLimitSettings } from "../kernel/graphql/documentGuard";
import { gatewaySettings } from "../gateway/src/settings";
import { SUBGRAPHS } from "../subgraphs";

const ROOT = path.resolve(__dirname, "..");

interface ComposeService {
  command?: string[] | string;
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: Array<string | { target: number }>;
  expose?: Array<string | number>;
  healthcheck?: { test?: string[] | string };
  depends_on?: string[] | Record<string, { condition?: string }>;
  stop_grace_period?: string;
}

// merge: docker-compose.yml shares blocks through YAML anchors and `<<` merge keys.
const file: { services: Record<string, ComposeService> } = parse(fs.readFileSync(path.join(ROOT, "docker-compose.yml"), "utf8"), { merge: true });
const services = file.services;

function environment(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) return Object.fromEntries(env.map((line) => [line.split("=")[0], line.slice(line.indexOf("=") + 1)]));
  return Object.fromEntries(Object.entries(env).map(([name, value]) => [name, value === null ? "" : String(value)]));
}

/** A setting is required when reading it unset fails: no fallback and not optional. */
function isRequired(spec: ConfigSpec, name: string): boolean {
  try {
    spec[name].parse(undefined, name);
    return false;
  } catch {
    return true;
  }
}

/** Every app service with the settings its code reads and the port it listens on by default. */
const APPS = [
  ...SUBGRAPHS.map((d) => ({
    name: d.name,
    port: d.defaultPort,
    spec: { ...subgraphSettings(d.defaultPort), ...documentLimitSettings, ...acceptedCredentialSettings, ...d.settings } as ConfigSpec,
  })),
  { name: "gateway", port: Number(gatewaySettings.PORT.fallback), spec: gatewaySettings as ConfigSpec },
];
const SUBGRAPH_NAMES = SUBGRAPHS.map((d) => d.name);

describe("docker-compose.yml", () => {
  it("runs exactly the subgraphs and the gateway, beside postgres and redis", () => {
    const apps = Object.keys(services).filter((name) => name !== "postgres" && name !== "redis");
    expect(apps.sort()).toEqual(APPS.map((a) => a.name).sort());
    expect(services.postgres).toBeDefined();
    expect(services.redis).toBeDefined();
  });

  it("shares the gateways' limits through the redis service, once it is healthy", () => {
    expect(new URL(environment(services.gateway ?? {}).REDIS_URL!).hostname).toBe("redis");
    expect((services.gateway?.depends_on as Record<string, { condition?: string }>).redis).toEqual({ condition: "service_healthy" });
  });

  it("gives every service longer to stop than its drain on SIGTERM (10 s)", () => {
    for (const app of APPS) expect(Number(/^(\d+)s$/.exec(String(services[app.name]?.stop_grace_period))?.[1])).toBeGreaterThan(10);
  });

  it("has a Dockerfile to build the services from", () => {
    expect(fs.existsSync(path.join(ROOT, "Dockerfile"))).toBe(true);
  });

  describe.each(APPS)("$name", ({ name, port, spec }) => {
    const service = services[name] ?? {};
    const env = environment(service);

    it("sets only environment variables its code reads", () => {
      expect(Object.keys(env).filter((variable) => !(variable in spec))).toEqual([]);
    });

    it("sets every required setting that has no default", () => {
      const required = Object.keys(spec).filter((variable) => isRequired(spec, variable));
      expect(required.filter((variable) => !env[variable])).toEqual([]);
    });

    it(`listens, publishes and is health-checked on port ${port}`, () => {
      expect(Number(env.PORT ?? port)).toBe(port);
      const containerPorts = [
        ...(service.ports ?? []).map((p) => (typeof p === "string" ? Number(p.split(":").pop()?.split("/")[0]) : p.target)),
        ...(service.expose ?? []).map(Number),
      ];
      expect(containerPorts.length).toBeGreaterThan(0);
      for (const containerPort of containerPorts) expect(containerPort).toBe(port);
      const probe = [service.healthcheck?.test ?? []].flat().join(" ");
      expect(probe).toContain(`http://127.0.0.1:${port}/${name === "gateway" ? "health" : "ready"}`);
    });

    it("runs its own entry", () => {
      const entry = name === "gateway" ? "gateway/src/main.ts" : `subgraphs/${name}/src/main.ts`;
      expect(fs.existsSync(path.join(ROOT, entry))).toBe(true);
      expect([service.command ?? []].flat().join(" ")).toBe(`node -r @swc-node/register ${entry}`);
    });

    it("reaches the other services on their own ports", () => {
      for (const value of Object.values(env).filter((v) => /^https?:\/\//.test(v))) {
        const url = new URL(value);
        const target = APPS.find((a) => a.name === url.hostname);
        if (target) expect(`${url.hostname}:${url.port}`).toBe(`${target.name}:${target.port}`);
      }
    });

    it("depends only on services that exist, once they are healthy", () => {
      const dependsOn = service.depends_on ?? {};
      const entries = Array.isArray(dependsOn) ? dependsOn.map((d) => [d, {}] as const) : Object.entries(dependsOn);
      for (const [dependency, options] of entries) {
        expect(Object.keys(services)).toContain(dependency);
        expect(options).toEqual({ condition: "service_healthy" });
      }
    });
  });

  it("gives the publisher and the subscribers of events the same secret", () => {
    for (const variable of Object.keys(eventSettings)) {
      const values = new Set(APPS.filter((a) => variable in a.spec).map((a) => environment(services[a.name] ?? {})[variable]));
      expect([...values]).toHaveLength(1);
    }
  });

  it("gives the gateway a credential every subgraph accepts", () => {
    const sent = environment(services.gateway ?? {}).GATEWAY_CREDENTIAL;
    expect(sent).toBeTruthy();
    for (const name of SUBGRAPH_NAMES) expect(environment(services[name] ?? {}).GATEWAY_CREDENTIALS?.split(",")).toContain(sent);
  });

  it("gives each subgraph its own database", () => {
    const databases = SUBGRAPH_NAMES.map((name) => {
      const url = environment(services[name] ?? {}).DATABASE_URL;
      expect(url).toMatch(/^postgres(ql)?:\/\//);
      return new URL(url).pathname.slice(1);
    });
    expect(new Set(databases).size).toBe(SUBGRAPH_NAMES.length);
    const init = fs.readFileSync(path.join(ROOT, "docker", "postgres", "init.sql"), "utf8");
    for (const database of databases) expect(init).toMatch(new RegExp(`CREATE DATABASE ${database};`, "i"));
  });
});
