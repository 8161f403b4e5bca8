import fs from "node:fs";
import path from "node:path";
import { parse, parseAllDocuments } from "yaml";
import { Deployment, type IDeployment } from "kubernetes-models/apps/v1/Deployment";
import { HorizontalPodAutoscaler, type IHorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import { Job, type IJob } from "kubernetes-models/batch/v1/Job";
import { Ingress, type IIngress } from "kubernetes-models/networking.k8s.io/v1/Ingress";
import { NetworkPolicy, type INetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import type { INetworkPolicyPeer } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer";
import type { INetworkPolicyPort } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicyPort";
import { PodDisruptionBudget, type IPodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import { ConfigMap, type IConfigMap } from "kubernetes-models/v1/ConfigMap";
import type { IContainer } from "kubernetes-models/v1/Container";
import { Namespace, type INamespace } from "kubernetes-models/v1/Namespace";
import type { IPodSpec } from "kubernetes-models/v1/PodSpec";
import { Secret, type ISecret } from "kubernetes-models/v1/Secret";
import { Service, type IService } from "kubernetes-models/v1/Service";
import type { IIoK8sApimachineryPkgApisMetaV1LabelSelector as LabelSelector } from "@kubernetes-models/apimachinery/apis/meta/v1/LabelSelector";
import type { ConfigSpec } from "../../kernel/config";
import { gatewaySettings } from "../../gateway/src/settings";
import { webAppRoutes } from "../../gateway/src/webApp";
import { migrateSettings } from "../../scripts/migrate";
import { CARRIER_WEBHOOK_PATH } from "../../subgraphs/delivery/src/shipments/carrierWebhookRoute";
import { AGENCIES, agency } from "../../subgraphs/agencies";
import { APPS, compiledEntry, isRequired, ROOT, settingOf, SUBGRAPH_NAMES } from "./services";

/**
 * deploy/kubernetes checked without a cluster: every object against the Kubernetes API schema
 * (kubernetes-models, the API's OpenAPI schema compiled to validators), then what the platform
 * needs of them, and the NetworkPolicies as a model of which pod may open which port on which.
 */

const DIR = path.join(ROOT, "deploy", "kubernetes");
const read = (file: string) => fs.readFileSync(path.join(DIR, file), "utf8");

interface Kustomization {
  resources: string[];
  images?: Array<{ name: string }>;
}
const kustomization = parse(read("kustomization.yaml")) as Kustomization;

type KubeObject = { apiVersion: string; kind: string; metadata: { name: string } };
// YAML 1.1, as Kubernetes reads manifests (0440 is octal).
const objects: KubeObject[] = kustomization.resources.flatMap((file) =>
  parseAllDocuments(read(file), { version: "1.1" }).map((document) => {
    if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0].message}`);
    return document.toJS() as KubeObject;
  }),
);

const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  "v1/Namespace": Namespace,
  "v1/ConfigMap": ConfigMap,
  "v1/Secret": Secret,
  "v1/Service": Service,
  "apps/v1/Deployment": Deployment,
  "batch/v1/Job": Job,
  "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler,
  "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
  "networking.k8s.io/v1/NetworkPolicy": NetworkPolicy,
  "networking.k8s.io/v1/Ingress": Ingress,
};

function ofKind<T>(kind: string): T[] {
  return objects.filter((object) => object.kind === kind) as unknown as T[];
}
const deployments = ofKind<IDeployment>("Deployment");
const services = ofKind<IService>("Service");
const configMaps = ofKind<IConfigMap>("ConfigMap");
const secrets = ofKind<ISecret>("Secret");
const [namespace] = ofKind<INamespace>("Namespace");
const [migrate] = ofKind<IJob>("Job");
const migratePod = migrate.spec!.template.spec!;
const migrateLabels = migrate.spec!.template.metadata!.labels!;

function matches(selector: LabelSelector | undefined, labels: Record<string, string>): boolean {
  if (!selector) return true;
  const byLabels = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  const byExpressions = (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    if (operator === "In") return key in labels && values.includes(labels[key]);
    if (operator === "NotIn") return !(key in labels) || !values.includes(labels[key]);
    if (operator === "Exists") return key in labels;
    if (operator === "DoesNotExist") return !(key in labels);
    throw new Error(`selector operator ${operator}`);
  });
  return byLabels && byExpressions;
}

/** The environment a container starts with: its ConfigMaps' keys, then its own env. */
function environment(container: IContainer): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    const configMap = configMaps.find((c) => c.metadata?.name === source.configMapRef?.name);
    if (!configMap) throw new Error(`${container.name}: envFrom names no ConfigMap of the base (${JSON.stringify(source)})`);
    Object.assign(env, configMap.data);
  }
  for (const variable of container.env ?? []) {
    if (variable.value === undefined) throw new Error(`${container.name}: ${variable.name} has no value (secrets are mounted files, NAME_FILE)`);
    env[variable.name] = variable.value;
  }
  return env;
}

/** The Secret key a `NAME_FILE` path reads: a file of a mounted secret volume. */
function secretFile(pod: IPodSpec, container: IContainer, file: string): { secret: string; key: string } | undefined {
  const mount = container.volumeMounts?.find((m) => m.mountPath === path.dirname(file));
  const volume = pod.volumes?.find((v) => v.name === mount?.name);
  const secret = secrets.find((s) => s.metadata?.name === volume?.secret?.secretName);
  if (!mount?.readOnly || !volume?.secret || !secret) return undefined;
  const items = volume.secret.items;
  const key = items ? items.find((item) => item.path === path.basename(file))?.key : path.basename(file);
  return key !== undefined && key in { ...secret.data, ...secret.stringData } ? { secret: secret.metadata!.name!, key } : undefined;
}

function resolvePort(container: IContainer, port: number | string | undefined): number | undefined {
  return typeof port === "number" ? port : container.ports?.find((p) => p.name === port)?.containerPort;
}

/** Every container of a pod: non-root, no privilege escalation, no capabilities, read-only root file system. */
function expectLockedDown(pod: IPodSpec): void {
  expect(pod.securityContext?.runAsNonRoot).toBe(true);
  expect(pod.securityContext?.runAsUser).toBeGreaterThan(0);
  expect(pod.automountServiceAccountToken).toBe(false);
  for (const container of pod.containers) {
    expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } });
    expect(container.resources?.requests).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
    expect(container.resources?.limits?.memory).toEqual(expect.any(String));
  }
  // Secrets are readable by the service's group only.
  for (const volume of pod.volumes ?? []) if (volume.secret) expect((volume.secret.defaultMode ?? 0o644) & 0o007).toBe(0);
}

describe("deploy/kubernetes", () => {
  it("lists every file of the folder in its kustomization", () => {
    const files = fs.readdirSync(DIR).filter((file) => /\.ya?ml$/.test(file) && file !== "kustomization.yaml");
    expect([...kustomization.resources].sort()).toEqual(files.sort());
  });

  it.each(objects.map((object) => [`${object.kind} ${object.metadata.name}`, object] as const))("%s is valid against the Kubernetes API schema", (_name, object) => {
    const Model = MODELS[`${object.apiVersion}/${object.kind}`];
    expect(Model).toBeDefined();
    expect(() => new Model(object as never).validate()).not.toThrow();
  });

  it("has a schema check that refuses an invalid object", () => {
    const deployment = structuredClone(deployments[0]);
    (deployment.spec as unknown as { replicas: string }).replicas = "two";
    expect(() => new Deployment(deployment).validate()).toThrow(/replicas/);
  });

  it("runs the image the kustomization names, in a namespace that enforces the restricted pod standard", () => {
    const images = new Set([...deployments.map((d) => d.spec!.template.spec!), migratePod].flatMap((pod) => pod.containers.map((c) => c.image)));
    expect([...images]).toEqual(kustomization.images?.map((image) => image.name));
    expect(namespace.metadata?.labels?.["pod-security.kubernetes.io/enforce"]).toBe("restricted");
  });

  it("runs exactly one Deployment per service", () => {
    expect(deployments.map((d) => d.metadata?.name).sort()).toEqual(APPS.map((a) => a.name).sort());
  });

  describe.each(APPS)("$name", ({ name, port, spec, source }) => {
    const deployment = deployments.find((d) => d.metadata?.name === name)!;
    const pod = deployment.spec!.template.spec!;
    const labels = deployment.spec!.template.metadata!.labels!;
    const [container] = pod.containers;
    const env = environment(container);
    const setting = (variable: string) => env[variable] ?? (env[`${variable}_FILE`] !== undefined ? `file:${env[`${variable}_FILE`]}` : undefined);

    it("runs one container, its compiled entry as the build emits it", () => {
      expect(pod.containers).toHaveLength(1);
      expect(container.command).toEqual(["node", compiledEntry(source)]);
      expect(matches(deployment.spec!.selector, labels)).toBe(true);
    });

    it(`listens on port ${port}, ready on /ready and alive on /health`, () => {
      expect(Number(env.PORT ?? port)).toBe(port);
      expect(container.ports).toEqual([{ name: "http", containerPort: port }]);
      expect(container.readinessProbe?.httpGet?.path).toBe("/ready");
      expect(resolvePort(container, container.readinessProbe?.httpGet?.port)).toBe(port);
      expect(container.livenessProbe?.httpGet?.path).toBe("/health");
      expect(resolvePort(container, container.livenessProbe?.httpGet?.port)).toBe(port);
    });

    it("asks for resources and runs unprivileged", () => {
      expectLockedDown(pod);
      // Longer than the drain on SIGTERM (10 s).
      expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(10);
    });

    it("sets only settings its code declares, and every one it requires", () => {
      expect(Object.keys(env).filter((variable) => !settingOf(spec, variable))).toEqual([]);
      expect(Object.keys(spec).filter((variable) => isRequired(spec, variable) && setting(variable) === undefined)).toEqual([]);
    });

    it("runs in production, every secret production requires read from a mounted Secret", () => {
      expect(env.NODE_ENV).toBe("production");
      if ("DEMO_DATA" in spec) expect(env.DEMO_DATA).toBe("false");
      const production = ["METRICS_TOKEN", "GATEWAY_CREDENTIAL", "GATEWAY_CREDENTIALS", "DATABASE_URL", "JWT_PRIVATE_KEY", "EVENTS_HMAC_SECRET", "CARRIER_WEBHOOK_SECRET"];
      for (const variable of production.filter((v) => v in spec)) expect({ variable, value: setting(variable) }).toEqual({ variable, value: expect.stringMatching(/^file:/) });
      for (const [variable, file] of Object.entries(env).filter(([variable]) => variable.endsWith("_FILE"))) {
        expect({ variable, secret: secretFile(pod, container, file) }).toEqual({ variable, secret: expect.anything() });
      }
    });

    it("has a Service on its port, and reaches the others by theirs", () => {
      const service = services.find((s) => s.metadata?.name === name);
      expect(service?.spec?.clusterIP).toBeUndefined();
      expect(matches({ matchLabels: service?.spec?.selector }, labels)).toBe(true);
      expect(service?.spec?.ports).toEqual([{ name: "http", port, targetPort: "http" }]);
      for (const value of Object.values(env).filter((v) => /^https?:\/\//.test(v))) {
        for (const item of value.split(",")) {
          const url = new URL(item);
          const target = services.find((s) => s.metadata?.name === url.hostname);
          const app = APPS.find((a) => deployments.some((d) => d.metadata?.name === a.name && matches({ matchLabels: target?.spec?.selector }, d.spec!.template.metadata!.labels!)));
          expect({ url: item, port: Number(url.port) }).toEqual({ url: item, port: app?.port });
        }
      }
    });

    it("scales with a HorizontalPodAutoscaler, and a PodDisruptionBudget keeps it serving", () => {
      const autoscalers = ofKind<IHorizontalPodAutoscaler>("HorizontalPodAutoscaler").filter((h) => h.spec?.scaleTargetRef.name === name);
      expect(autoscalers).toHaveLength(1);
      expect(autoscalers[0].spec).toMatchObject({ scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment" }, minReplicas: expect.any(Number) });
      expect(autoscalers[0].spec!.minReplicas).toBeGreaterThanOrEqual(2);
      expect(autoscalers[0].spec!.maxReplicas).toBeGreaterThanOrEqual(autoscalers[0].spec!.minReplicas!);
      // The autoscaler owns the count.
      expect(deployment.spec!.replicas).toBeUndefined();
      const budgets = ofKind<IPodDisruptionBudget>("PodDisruptionBudget").filter((b) => matches(b.spec?.selector, labels));
      expect(budgets).toHaveLength(1);
      expect(budgets[0].spec?.maxUnavailable ?? budgets[0].spec?.minAvailable).toBeDefined();
      for (const other of deployments.filter((d) => d !== deployment)) expect(matches(budgets[0].spec?.selector, other.spec!.template.metadata!.labels!)).toBe(false);
    });
  });

  it("migrates each agency's database once, with the script the build emits", () => {
    expect(migratePod.restartPolicy).toBe("OnFailure");
    expectLockedDown(migratePod);
    expect(migratePod.containers.map((c) => c.command)).toEqual(SUBGRAPH_NAMES.map((name) => ["node", compiledEntry("scripts/migrate.ts"), name]));
    for (const container of migratePod.containers) {
      const env = environment(container);
      expect(Object.keys(env).filter((variable) => !settingOf(migrateSettings as ConfigSpec, variable))).toEqual([]);
      expect(secretFile(migratePod, container, env.DATABASE_URL_FILE)).toEqual({ secret: "database-urls", key: container.name });
    }
    // Each service reads the same database the Job migrates.
    for (const name of SUBGRAPH_NAMES) {
      const deployment = deployments.find((d) => d.metadata?.name === name)!;
      const [container] = deployment.spec!.template.spec!.containers;
      expect(secretFile(deployment.spec!.template.spec!, container, environment(container).DATABASE_URL_FILE)).toEqual({ secret: "database-urls", key: name });
    }
  });

  it("lets the outside reach the gateway's GraphQL and web app, not its /metrics, /health or /ready, and of delivery only the carrier's webhook", () => {
    const paths = ofKind<IIngress>("Ingress").flatMap((ingress) => ingress.spec!.rules!.flatMap((rule) => rule.http!.paths));
    expect(paths.filter((p) => p.backend.service?.name !== "gateway").map((p) => [p.path, p.pathType, p.backend.service?.name, p.backend.service?.port?.name])).toEqual([
      [CARRIER_WEBHOOK_PATH, "Exact", "delivery", "http"],
    ]);
    // As ingress-nginx matches: Exact the whole path, Prefix by whole segments.
    const reaches = (url: string) =>
      paths.find((p) => (p.pathType === "Exact" ? url === p.path : p.path === "/" || url === p.path || url.startsWith(`${p.path}/`)))?.backend.service?.name;
    const production = [...webAppRoutes({ dir: "web/dist", ide: false }).map((route) => route.path.replace("/*", "/index-3f2a.js")), "/graphql"];
    expect(production.map((url) => [url, reaches(url)])).toEqual(production.map((url) => [url, "gateway"]));
    expect(["/metrics", "/health", "/ready", "/./metrics", "/ide/index.html", "/events"].map(reaches)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it("lets a document upload through the ingress controller: its body limit is the gateway's own", () => {
    const [ingress] = ofKind<IIngress>("Ingress");
    const limit = ingress!.metadata!.annotations!["nginx.ingress.kubernetes.io/proxy-body-size"]!;
    expect(limit).toMatch(/^\d+m$/);
    expect(parseInt(limit, 10) * 1024 * 1024).toBeGreaterThanOrEqual(Number(gatewaySettings.BODY_LIMIT_BYTES.fallback));
  });

  describe("NetworkPolicies", () => {
    /** A party to a connection: a pod (labels, its namespace's labels) or an address outside the cluster. */
    interface Endpoint {
      name: string;
      labels?: Record<string, string>;
      namespace?: Record<string, string>;
      ports: Array<{ port: number; protocol?: string; name?: string }>;
    }
    const OURS = { "kubernetes.io/metadata.name": namespace.metadata!.name!, ...namespace.metadata!.labels };
    const podOf = (name: string, pod: IPodSpec, labels: Record<string, string>): Endpoint => ({
      name,
      labels,
      namespace: OURS,
      ports: pod.containers.flatMap((c) => (c.ports ?? []).map((p) => ({ port: p.containerPort, protocol: p.protocol, name: p.name }))),
    });
    const endpoints: Endpoint[] = [
      ...deployments.map((d) => podOf(d.metadata!.name!, d.spec!.template.spec!, d.spec!.template.metadata!.labels!)),
      podOf("migrate", migratePod, migrateLabels),
      // Anything else started in the namespace, and a look-alike of the gateway in another one.
      { name: "unlisted", labels: { "app.kubernetes.io/name": "debug" }, namespace: OURS, ports: [{ port: 8080 }] },
      { name: "look-alike", labels: { "app.kubernetes.io/name": "gateway" }, namespace: { "kubernetes.io/metadata.name": "elsewhere" }, ports: [{ port: 4000 }] },
      { name: "ingress-controller", labels: { "app.kubernetes.io/name": "ingress-nginx" }, namespace: { "kubernetes.io/metadata.name": "ingress-nginx" }, ports: [] },
      { name: "prometheus", labels: { "app.kubernetes.io/name": "prometheus" }, namespace: { "kubernetes.io/metadata.name": "monitoring" }, ports: [{ port: 9090 }] },
      { name: "kube-dns", labels: { "k8s-app": "kube-dns" }, namespace: { "kubernetes.io/metadata.name": "kube-system" }, ports: [{ port: 53, protocol: "UDP" }, { port: 53 }] },
      { name: "postgres", ports: [{ port: 5432 }] },
      { name: "redis", ports: [{ port: 6379 }] },
      { name: "internet", ports: [{ port: 443 }] },
    ];
    const isOurs = (endpoint: Endpoint) => endpoint.namespace === OURS;
    const policies = ofKind<INetworkPolicy>("NetworkPolicy");

    function peerMatches(peers: INetworkPolicyPeer[] | undefined, endpoint: Endpoint): boolean {
      if (!peers || peers.length === 0) return true;
      return peers.some((peer) => {
        if (peer.ipBlock) throw new Error("ipBlock peers are not modelled");
        if (!endpoint.labels) return false;
        const inNamespace = peer.namespaceSelector ? matches(peer.namespaceSelector, endpoint.namespace!) : endpoint.namespace === OURS;
        return inNamespace && matches(peer.podSelector, endpoint.labels);
      });
    }

    function portMatches(ports: INetworkPolicyPort[] | undefined, target: Endpoint, port: { port: number; protocol?: string }): boolean {
      if (!ports || ports.length === 0) return true;
      return ports.some((rule) => {
        if ((rule.protocol ?? "TCP") !== (port.protocol ?? "TCP")) return false;
        if (rule.port === undefined) return true;
        if (typeof rule.port === "string") return target.ports.some((p) => p.name === rule.port && p.port === port.port);
        return port.port >= rule.port && port.port <= (rule.endPort ?? rule.port);
      });
    }

    /** Whether the policies of the namespace let `from` open `port` on `to`; outside it, nothing of ours decides. */
    function allowed(from: Endpoint, to: Endpoint, port: { port: number; protocol?: string }): boolean {
      const selecting = (endpoint: Endpoint, type: "Ingress" | "Egress") =>
        policies.filter((p) => matches(p.spec!.podSelector, endpoint.labels ?? {}) && (p.spec!.policyTypes ?? ["Ingress", ...(p.spec!.egress ? ["Egress"] : [])]).includes(type));
      const egress = selecting(from, "Egress");
      const ingress = selecting(to, "Ingress");
      const out = !isOurs(from) || egress.length === 0 || egress.some((p) => (p.spec!.egress ?? []).some((rule) => peerMatches(rule.to, to) && portMatches(rule.ports, to, port)));
      const into = !isOurs(to) || ingress.length === 0 || ingress.some((p) => (p.spec!.ingress ?? []).some((rule) => peerMatches(rule.from, from) && portMatches(rule.ports, to, port)));
      return out && into;
    }

    const flows = endpoints.flatMap((from) =>
      endpoints
        .filter((to) => to !== from && (isOurs(from) || isOurs(to)))
        .flatMap((to) => to.ports.filter((port) => allowed(from, to, port)).map((port) => `${from.name} -> ${to.name}:${port.port}${port.protocol === "UDP" ? "/UDP" : ""}`)),
    );

    const EXPECTED = [
      // Clients, and the postal operator's webhook, through the ingress controller.
      "ingress-controller -> gateway:4000",
      "ingress-controller -> delivery:4003",
      ...SUBGRAPH_NAMES.map((name) => `gateway -> ${name}:${agency(name).defaultPort}`),
      // Signing keys and revoked tokens.
      ...SUBGRAPH_NAMES.filter((name) => name !== "civil-affairs").map((name) => `${name} -> civil-affairs:4001`),
      // Events, to the agencies that subscribe.
      ...AGENCIES.filter((entry) => entry.subscribesTo.length > 0).map((entry) => `civil-affairs -> ${entry.name}:${entry.defaultPort}`),
      ...APPS.map((app) => `prometheus -> ${app.name}:${app.port}`),
      "gateway -> redis:6379",
      ...[...SUBGRAPH_NAMES, "migrate"].map((name) => `${name} -> postgres:5432`),
      ...[...APPS.map((app) => app.name), "migrate", "unlisted"].flatMap((name) => [`${name} -> kube-dns:53/UDP`, `${name} -> kube-dns:53`]),
    ];

    it("allow exactly the platform's flows", () => {
      expect([...flows].sort()).toEqual([...EXPECTED].sort());
    });

    it("let no unlisted pod reach a subgraph, in the namespace or from another", () => {
      for (const name of SUBGRAPH_NAMES) expect(flows.filter((flow) => flow.includes(`-> ${name}:`) && /^(unlisted|look-alike|internet) /.test(flow))).toEqual([]);
    });

    it("deny everything else by default, both ways", () => {
      expect(policies.some((p) => Object.keys(p.spec!.podSelector).length === 0 && !p.spec!.ingress && !p.spec!.egress && p.spec!.policyTypes?.join() === "Ingress,Egress")).toBe(true);
    });
  });
});
