import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { eventSettings } from "../kernel/events/settings";
import { gatewaySettings } from "../gateway/src/settings";
import { SHIPPED_RULES_FILE } from "../subgraphs/labor/src/settings";
import { SERVICE_NODE_FLAGS } from "../scripts/stack";
import { APPS, compiledEntry, isRequired, ROOT, settingOf, SUBGRAPH_NAMES } from "./deployment/services";

/**
 * Node's Active LTS line: 26 from 2026-10-28 until it enters maintenance on 2027-10-20 (the Node.js
 * release schedule); then the image moves to the next LTS line.
 */
const ACTIVE_LTS_NODE = 26;

interface ComposeService {
  image?: string;
  command?: string[] | string;
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: Array<string | { target: number; published?: number | string }>;
  expose?: Array<string | number>;
  volumes?: string[];
  secrets?: Array<string | { source: string; target?: string }>;
  healthcheck?: { test?: string[] | string };
  depends_on?: string[] | Record<string, { condition?: string }>;
  stop_grace_period?: string;
}

interface ComposeFile {
  services: Record<string, ComposeService>;
  secrets?: Record<string, { file?: string }>;
  networks?: Record<string, { ipam?: { config?: Array<{ subnet?: string }> } }>;
}

// merge: docker-compose.yml shares blocks through YAML anchors and `<<` merge keys.
const file: ComposeFile = parse(fs.readFileSync(path.join(ROOT, "docker-compose.yml"), "utf8"), { merge: true });
const services = file.services;
const EDGE = "edge";

function environment(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) return Object.fromEntries(env.map((line) => [line.split("=")[0], line.slice(line.indexOf("=") + 1)]));
  return Object.fromEntries(Object.entries(env).map(([name, value]) => [name, value === null ? "" : String(value)]));
}

/** The compose secret a `NAME_FILE` path names: compose mounts secret `x` at /run/secrets/x. */
function secretAt(service: ComposeService, mountPath: string): string | undefined {
  for (const entry of service.secrets ?? []) {
    const { source, target } = typeof entry === "string" ? { source: entry, target: undefined } : entry;
    if (mountPath === (target?.startsWith("/") ? target : `/run/secrets/${target ?? source}`)) return source;
  }
  return undefined;
}

/** What the service reads for a setting: its value, or the content of the secret file `NAME_FILE` names. */
function settingValue(service: ComposeService, name: string): string | undefined {
  const env = environment(service);
  const mountPath = env[`${name}_FILE`];
  if (mountPath === undefined) return env[name];
  const secret = secretAt(service, mountPath);
  const hostFile = secret && file.secrets?.[secret]?.file;
  return hostFile ? fs.readFileSync(path.join(ROOT, hostFile), "utf8").replace(/\r?\n$/, "") : undefined;
}

describe("docker-compose.yml", () => {
  it("runs exactly the subgraphs and the gateway, beside postgres, redis and the edge proxy", () => {
    const apps = Object.keys(services).filter((name) => !["postgres", "redis", EDGE].includes(name));
    expect(apps.sort()).toEqual(APPS.map((a) => a.name).sort());
    for (const name of ["postgres", "redis", EDGE]) expect(services[name]).toBeDefined();
  });

  it("shares the gateways' limits through the redis service, once it is healthy", () => {
    expect(new URL(environment(services.gateway ?? {}).REDIS_URL!).hostname).toBe("redis");
    expect((services.gateway?.depends_on as Record<string, { condition?: string }>).redis).toEqual({ condition: "service_healthy" });
  });

  it("gives every service longer to stop than its drain on SIGTERM (10 s)", () => {
    for (const app of APPS) expect(Number(/^(\d+)s$/.exec(String(services[app.name]?.stop_grace_period))?.[1])).toBeGreaterThan(10);
  });

  it("publishes a host port on the edge proxy only, so every other service can be scaled", () => {
    const publishing = Object.entries(services)
      .filter(([, service]) => (service.ports ?? []).length > 0)
      .map(([name]) => name);
    expect(publishing).toEqual([EDGE]);
  });

  describe("the edge proxy", () => {
    const edge = services[EDGE] ?? {};
    const mount = (edge.volumes ?? []).find((volume) => volume.startsWith("./docker/"));
    const config = mount ? fs.readFileSync(path.join(ROOT, mount.split(":")[0]), "utf8") : "";
    const directives = config.split("\n").map((line) => line.replace(/#.*/, "").trim());
    const gatewayPort = APPS.find((a) => a.name === "gateway")!.port;

    it("publishes host port 4000 on the port its configuration binds", () => {
      const published = (edge.ports ?? []).map((p) => (typeof p === "string" ? p.split(":") : [String(p.published), String(p.target)]));
      expect(published).toHaveLength(1);
      const [host, container] = published[0];
      expect(host).toBe("4000");
      expect(directives).toContain(`bind :${container}`);
    });

    it("balances over every gateway replica, looked up again through Docker's DNS", () => {
      const server = directives.find((line) => line.startsWith("server-template "));
      expect(server).toMatch(new RegExp(`^server-template \\S+ \\d+ gateway:${gatewayPort} `));
      const resolvers = /\bresolvers (\S+)/.exec(server ?? "")?.[1];
      expect(directives).toContain(`resolvers ${resolvers}`);
      expect(directives.some((line) => /^nameserver \S+ 127\.0\.0\.11:53$/.test(line))).toBe(true);
      // A gateway leaves the rotation when it stops being ready.
      expect(server).toMatch(/\bcheck\b/);
      expect(directives).toContain("http-check send meth GET uri /ready");
    });

    it("names the client to the gateways, which trust it from the compose network", () => {
      expect(directives).toContain("option forwardfor");
      const subnet = file.networks?.default?.ipam?.config?.[0]?.subnet;
      expect(subnet).toBeTruthy();
      expect(environment(services.gateway ?? {}).TRUSTED_PROXIES?.split(",")).toContain(subnet);
    });

    it("waits for a healthy gateway", () => {
      expect((edge.depends_on as Record<string, { condition?: string }>).gateway).toEqual({ condition: "service_healthy" });
    });
  });

  describe.each(APPS)("$name", ({ name, port, spec, source }) => {
    const service = services[name] ?? {};
    const env = environment(service);

    it("sets only environment variables its code reads", () => {
      expect(Object.keys(env).filter((variable) => !settingOf(spec, variable))).toEqual([]);
    });

    it("sets every required setting that has no default", () => {
      const required = Object.keys(spec).filter((variable) => isRequired(spec, variable));
      expect(required.filter((variable) => !env[variable] && !env[`${variable}_FILE`])).toEqual([]);
    });

    it(`listens and is health-checked on port ${port}, published to the host by nobody`, () => {
      expect(Number(env.PORT ?? port)).toBe(port);
      expect(service.ports ?? []).toEqual([]);
      expect((service.expose ?? []).map(Number)).toEqual([port]);
      const probe = [service.healthcheck?.test ?? []].flat().join(" ");
      expect(probe).toContain(`http://127.0.0.1:${port}/${name === "gateway" ? "health" : "ready"}`);
    });

    it("runs its own entry, as the build emits it", () => {
      expect(fs.existsSync(path.join(ROOT, source))).toBe(true);
      expect([service.command ?? []].flat().join(" ")).toBe(`node ${compiledEntry(source)}`);
    });

    it("reads each *_FILE from a secret it is given", () => {
      for (const [variable, mountPath] of Object.entries(env).filter(([variable]) => variable.endsWith("_FILE"))) {
        const secret = secretAt(service, mountPath);
        expect({ variable, secret }).toEqual({ variable, secret: expect.any(String) });
        const hostFile = file.secrets?.[secret!]?.file;
        expect(hostFile && fs.existsSync(path.join(ROOT, hostFile))).toBe(true);
      }
    });

    it("reaches the other services on their own ports", () => {
      for (const value of Object.values(env).filter((v) => /^https?:\/\//.test(v))) {
        for (const item of value.split(",")) {
          const url = new URL(item);
          const target = APPS.find((a) => a.name === url.hostname);
          if (target) expect(`${url.hostname}:${url.port}`).toBe(`${target.name}:${target.port}`);
        }
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
      const values = new Set(APPS.filter((a) => variable in a.spec).map((a) => settingValue(services[a.name] ?? {}, variable)));
      expect([...values]).toHaveLength(1);
    }
    expect(settingValue(services["civil-affairs"] ?? {}, "EVENTS_HMAC_SECRET")).toBeTruthy();
  });

  it("gives the gateway a credential every subgraph accepts", () => {
    const sent = settingValue(services.gateway ?? {}, "GATEWAY_CREDENTIAL");
    expect(sent).toBeTruthy();
    for (const name of SUBGRAPH_NAMES) expect(settingValue(services[name] ?? {}, "GATEWAY_CREDENTIALS")?.split(",")).toContain(sent);
  });

  it("gives every civil-affairs replica one ES256 signing key", () => {
    const key = crypto.createPrivateKey(settingValue(services["civil-affairs"] ?? {}, "JWT_PRIVATE_KEY") ?? "");
    expect([key.asymmetricKeyType, key.asymmetricKeyDetails?.namedCurve]).toEqual(["ec", "prime256v1"]);
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

  it("builds every app from the one image", () => {
    for (const app of APPS) expect(services[app.name]).toMatchObject({ build: ".", image: services.gateway?.image });
  });
});

describe("Dockerfile", () => {
  const lines = fs
    .readFileSync(path.join(ROOT, "Dockerfile"), "utf8")
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));
  const stages: Array<{ from: string; name?: string; lines: string[] }> = [];
  for (const line of lines) {
    const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?$/i.exec(line);
    if (from) stages.push({ from: from[1], name: from[2], lines: [] });
    else stages.at(-1)?.lines.push(line);
  }
  const build = stages[0];
  const runtime = stages.at(-1)!;
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };

  it(`builds in one stage and runs in another, both on Node ${ACTIVE_LTS_NODE} (the Active LTS)`, () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage.from).toMatch(new RegExp(`^node:${ACTIVE_LTS_NODE}(\\.[\\d.]+)?-[a-z-]+$`));
  });

  it("compiles the TypeScript in the build stage", () => {
    expect(build.lines.filter((line) => /^RUN npm ci\b/.test(line) && !line.includes("--omit=dev"))).toHaveLength(1);
    expect(build.lines).toContain("RUN npm run build");
    expect(pkg.scripts.build).toMatch(/^tsc -p tsconfig\.build\.json\b/);
  });

  it("runs with production dependencies only, no compiler, as a user other than root", () => {
    const installs = runtime.lines.filter((line) => /\bnpm (ci|install|i)\b/.test(line));
    expect(installs).toHaveLength(1);
    expect(installs[0]).toMatch(/^RUN npm ci --omit=dev\b/);
    expect(runtime.lines.join("\n")).not.toMatch(/\b(tsc|typescript|swc|npm run build)\b/);
    expect(runtime.lines).toContain(`COPY --from=${build.name} /app/dist dist`);
    const user = runtime.lines.filter((line) => line.startsWith("USER ")).at(-1);
    expect(user).toBeDefined();
    expect(user!.slice("USER ".length).split(":")[0]).not.toMatch(/^(root|0)$/);
  });

  it("keeps the compiler and the tools that run TypeScript out of the production dependencies", () => {
    for (const tool of ["typescript", "@swc/core", "@swc-node/register", "@swc/jest", "jest"]) {
      expect(pkg.dependencies[tool]).toBeUndefined();
      expect(pkg.devDependencies[tool]).toBeDefined();
    }
    for (const version of [...Object.values(pkg.dependencies), ...Object.values(pkg.devDependencies)]) expect(version).toMatch(/^\d+\.\d+\.\d+(-[\w.]+)?$/);
  });

  it("ships the files the services read at run time", () => {
    // The gateway's supergraph, relative to WORKDIR /app; labor's shipped rules, read beside its compiled code.
    expect(runtime.lines).toContain("WORKDIR /app");
    expect(runtime.lines).toContain(`COPY ${gatewaySettings.SUPERGRAPH_PATH.fallback} ${path.dirname(gatewaySettings.SUPERGRAPH_PATH.fallback!)}/`);
    // The web app and its persisted-operations manifest, built in the build stage, where the gateway looks (WEB_DIR).
    expect(build.lines).toContain("RUN NODE_ENV=production npm run web:build");
    expect(runtime.lines).toContain(`COPY --from=${build.name} /app/${gatewaySettings.WEB_DIR.fallback} ${gatewaySettings.WEB_DIR.fallback}`);
    const rules = path.dirname(SHIPPED_RULES_FILE);
    const compiledRules = path.join(path.dirname(compiledEntry("subgraphs/labor/src/main.ts")), path.relative(path.join(ROOT, "subgraphs/labor/src"), rules));
    expect(pkg.scripts.build).toContain(`cp -R ${path.relative(ROOT, rules)} ${path.dirname(compiledRules)}/`);
  });

  it("starts the gateway by default, from its compiled entry", () => {
    expect(runtime.lines.at(-1)).toBe(`CMD ["node", "${compiledEntry("gateway/src/main.ts")}"]`);
  });

  it("runs every service with the V8 flags that npm start and the bench measured", () => {
    const set = runtime.lines.filter((line) => line.startsWith("ENV NODE_OPTIONS="));
    expect(set.at(-1)).toBe(`ENV NODE_OPTIONS="${SERVICE_NODE_FLAGS.join(" ")}"`);
    // Node refuses to start with a flag NODE_OPTIONS may not carry (--cpu-prof, for one).
    for (const flag of SERVICE_NODE_FLAGS) expect(process.allowedNodeEnvironmentFlags.has(flag.split("=")[0]!)).toBe(true);
    // Nothing the services are deployed with replaces them.
    const kubernetes = fs.readdirSync(path.join(ROOT, "deploy/kubernetes")).map((file) => fs.readFileSync(path.join(ROOT, "deploy/kubernetes", file), "utf8"));
    for (const text of [fs.readFileSync(path.join(ROOT, "docker-compose.yml"), "utf8"), ...kubernetes]) expect(text.replace(/#.*$/gm, "")).not.toContain("NODE_OPTIONS");
  });

  it("leaves local data, dependencies and the demo secrets out of the build context", () => {
    const ignored = fs.readFileSync(path.join(ROOT, ".dockerignore"), "utf8").split("\n");
    for (const entry of ["node_modules", "dist", "data", "docker", ".git"]) expect(ignored).toContain(entry);
  });
});
