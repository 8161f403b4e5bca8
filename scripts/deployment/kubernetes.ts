import { DEPLOYED, EVENTS, IDENTITY, names, ownSettings, PUBLISHERS, SUBSCRIBERS, type Deployed } from "./model";
import { block, comment, flow, GENERATED } from "./text";

/** deploy/kubernetes/: each agency's manifest, the ConfigMaps, the Secrets' placeholders, the migration Job, the kustomization. */

/** The Secrets every agency mounts beside its own (secrets.yaml): its settings, their keys. */
const CREDENTIAL = { setting: "GATEWAY_CREDENTIALS", secret: "gateway-credential", key: "credential" };
const METRICS = { setting: "METRICS_TOKEN", secret: "metrics-token", key: "token" };
const EVENTS_HMAC = { setting: "EVENTS_HMAC_SECRET", secret: "events-hmac", key: "secret" };
const DATABASE_URLS = "database-urls";
/** How often the gateways look each agency's headless Service up again (config.yaml). */
const SUBGRAPH_RESOLVE_MS = 10_000;

const mounted = (secret: string) => `/run/secrets/${secret}`;

/** Every pod's and container's, as the namespace's restricted Pod Security Standard requires. */
const POD_SECURITY = `      securityContext:
        runAsNonRoot: true
        runAsUser: 1000
        runAsGroup: 1000
        fsGroup: 1000
        seccompProfile: { type: RuntimeDefault }`;
const CONTAINER_SECURITY = `          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities: { drop: [ALL] }`;

/** The secret files an agency reads, as `<setting>_FILE`: its own, then the platform's. */
function secretFiles(entry: Deployed): Array<{ setting: string; secret: string; key: string }> {
  return [
    ...(entry.deployment.secrets ?? []),
    ...(entry.signsEvents ? [EVENTS_HMAC] : []),
    CREDENTIAL,
    METRICS,
    { setting: "DATABASE_URL", secret: DATABASE_URLS, key: entry.name },
  ];
}

function agencyManifest(entry: Deployed): string {
  const files = secretFiles(entry);
  const secrets = [...new Set(files.map((file) => file.secret))];
  const volume = (secret: string) =>
    secret === DATABASE_URLS
      ? `        - name: ${secret}
          # Only this agency's URL.
          secret: { secretName: ${secret}, defaultMode: 0440, items: [{ key: ${entry.name}, path: ${entry.name} }] }`
      : `        - name: ${secret}
          secret: { secretName: ${secret}, defaultMode: 0440 }`;
  const receives = entry.subscribesTo.length > 0 ? ` Receives ${entry.subscribesTo.join(", ")} events from ${names(PUBLISHERS, { separator: " and " })} (POST /events).` : "";
  const labels = `    app.kubernetes.io/name: ${entry.name}
    app.kubernetes.io/part-of: family-record`;
  const service = (name: string, headless: boolean) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  labels:
${labels}
spec:
${headless ? "  clusterIP: None\n" : ""}  selector:
    app.kubernetes.io/name: ${entry.name}
  ports:
    - { name: http, port: ${entry.defaultPort}, targetPort: http }`;
  return `${GENERATED}
${comment(
  `${entry.name}: ${entry.deployment.summary}${receives} Replicas run the migrations at start under a PostgreSQL advisory lock; migrate-job.yaml runs them once before a rollout.`,
)}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${entry.name}
  labels:
${labels}
spec:
  # No replicas: the HorizontalPodAutoscaler below owns the count.
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      app.kubernetes.io/name: ${entry.name}
  strategy:
    rollingUpdate: { maxSurge: 1, maxUnavailable: 0 }
  # A new pod takes fetches once the gateways have looked its Service up again (SUBGRAPH_RESOLVE_MS):
  # only then does the rollout stop the next old one, so an agency never runs on pods no gateway knows.
  minReadySeconds: ${SUBGRAPH_RESOLVE_MS / 1000 + 5}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${entry.name}
        app.kubernetes.io/part-of: family-record
    spec:
      automountServiceAccountToken: false
      # Longer than the drain on SIGTERM (in-flight requests up to 10 s) plus the preStop pause.
      terminationGracePeriodSeconds: 30
${POD_SECURITY}
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              app.kubernetes.io/name: ${entry.name}
      containers:
        - name: ${entry.name}
          image: family-record-platform
          command: ["node", "${entry.compiledMain}"]
          ports:
            - { name: http, containerPort: ${entry.defaultPort} }
          envFrom:
            - configMapRef: { name: platform-config }
            - configMapRef: { name: subgraph-config }
            - configMapRef: { name: ${entry.name}-config }
          env:
${files.map((file) => `            - ${flow({ name: `${file.setting}_FILE`, value: `${mounted(file.secret)}/${file.key}` })}`).join("\n")}
          # Ready once its database answers and it holds the token-signing keys.
          readinessProbe:
            httpGet: { path: /ready, port: http }
            periodSeconds: 5
            failureThreshold: 2
          livenessProbe:
            httpGet: { path: /health, port: http }
            periodSeconds: 10
            failureThreshold: 3
          startupProbe:
            httpGet: { path: /health, port: http }
            periodSeconds: 2
            failureThreshold: 60
          # Endpoints are removed while the pod still serves: no new request meets a closed port.
          lifecycle:
            preStop:
              exec: { command: ["sleep", "5"] }
          # Room for the young generation the image's NODE_OPTIONS allows; the request is what a process
          # held under load on the bench (docs/operations.md).
          resources:
            requests: { cpu: 250m, memory: 512Mi }
            limits: { cpu: "1", memory: 768Mi }
${CONTAINER_SECURITY}
          volumeMounts:
${secrets.map((secret) => `            - { name: ${secret}, mountPath: ${mounted(secret)}, readOnly: true }`).join("\n")}
            - { name: tmp, mountPath: /tmp }
      volumes:
${secrets.map(volume).join("\n")}
        - name: tmp
          emptyDir: { sizeLimit: 64Mi }
---
${service(entry.name, false)}
---
# Headless: one DNS address per ready pod, for a client that balances over the replicas itself
# (the gateway, given this name) instead of one connection pool through the Service's virtual IP.
${service(`${entry.name}-pods`, true)}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${entry.name}
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: ${entry.name} }
  minReplicas: 2
  maxReplicas: 6
  metrics:
    - type: Resource
      resource:
        name: cpu
        target: { type: Utilization, averageUtilization: 70 }
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${entry.name}
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: ${entry.name}
`;
}

function configMaps(): string {
  const configMap = (name: string, data: Record<string, string>) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}
data:
${block(data, 2)}`;
  const agencyConfig = (entry: Deployed) =>
    configMap(`${entry.name}-config`, { PORT: String(entry.defaultPort), ...ownSettings(entry) });
  return `${GENERATED}
# Settings by environment variable (README, "Configuration"); secrets come from secrets.yaml as
# NAME_FILE. A change reaches running pods on their next start: \`kubectl rollout restart deployment\`.
apiVersion: v1
kind: ConfigMap
metadata:
  name: platform-config
data:
  NODE_ENV: production
  HOST: 0.0.0.0
  LOG_LEVEL: info
  # Service names: kube-proxy spreads connections over the ready pods.
  ${IDENTITY.urlSetting}: http://${IDENTITY.name}:${IDENTITY.defaultPort}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: subgraph-config
data:
  DEMO_DATA: "false"
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: gateway-config
data:
  PORT: "4000"
  # Headless Services: the gateway looks each name up every SUBGRAPH_RESOLVE_MS and balances over
  # the pods itself, with a circuit per pod and a query retried on another pod. The gateway reads
  # this ConfigMap after platform-config, so this ${IDENTITY.urlSetting} is the one it sees.
${DEPLOYED.map((entry) => `  ${entry.urlSetting}: http://${entry.name}-pods:${entry.defaultPort}`).join("\n")}
  SUBGRAPH_RESOLVE_MS: "${SUBGRAPH_RESOLVE_MS}"
  # Shared rate limits, cost budgets and sign-in limits for every gateway replica: your Redis.
  REDIS_URL: redis://redis:6379
  # The cluster's pod network: only the ingress controller reaches the gateways
  # (network-policies.yaml), and its X-Forwarded-For names the client. Set your cluster's range.
  TRUSTED_PROXIES: 10.0.0.0/8
---
${DEPLOYED.map(agencyConfig).join("\n---\n")}
`;
}

function secretsFile(): string {
  const secret = (name: string, data: Array<{ key: string; about: readonly string[]; placeholder?: string }>) => `apiVersion: v1
kind: Secret
metadata:
  name: ${name}
type: Opaque
stringData:
${data.map(({ key, about, placeholder }) => `${about.map((line) => `  # ${line}\n`).join("")}${block({ [key]: placeholder ?? "REPLACE-ME" }, 2)}`).join("\n")}`;
  const own = DEPLOYED.flatMap((entry) => entry.deployment.secrets ?? []);
  const databaseUrl = (entry: Deployed, about: string[]) => ({ key: entry.name, about, placeholder: `postgres://${entry.database}:REPLACE-ME@postgres:5432/${entry.database}` });
  return `${GENERATED}
# PLACEHOLDERS, not secrets: every value below is public and marked REPLACE-ME. Provide the real
# ones under the same names and keys from your secret store (External Secrets, Sealed Secrets, a
# secretGenerator in your overlay); never by editing them in the cluster, as the next apply would
# put these back. With the placeholders the platform does not start: the signing key is no PEM and
# the gateway credential is shorter than production's 32 characters.
# Pods mount them read-only at /run/secrets/<name>/<key> and read them through NAME_FILE.
${[
  ...[...new Set(own.map((file) => file.secret))].map((name) => secret(name, own.filter((file) => file.secret === name))),
  secret(EVENTS_HMAC.secret, [{ key: EVENTS_HMAC.key, about: [`Signs ${EVENTS} events from ${names(PUBLISHERS, { separator: " and " })} to ${names(SUBSCRIBERS, { separator: " and " })}.`] }]),
  secret(CREDENTIAL.secret, [{ key: CREDENTIAL.key, about: ["Sent by the gateways, accepted by the subgraphs for _entities and _service (32 characters or more)."] }]),
  secret(METRICS.secret, [{ key: METRICS.key, about: ["Bearer token every /metrics requires; give Prometheus the same."] }]),
  secret(
    DATABASE_URLS,
    DEPLOYED.map((entry, i) => databaseUrl(entry, i === 0 ? ["Each agency's own PostgreSQL database; each pod mounts only its own."] : [])),
  ),
].join("\n---\n")}
`;
}

function migrateJob(): string {
  return `${GENERATED}
# Applies each agency's pending migrations once, before the new pods start (scripts/migrate.ts,
# under the same PostgreSQL advisory lock the services take at start: whichever comes first applies
# them, the others find nothing to do). A Job cannot be changed once created: it deletes itself an
# hour after it finishes, and \`kubectl delete job migrate\` before applying a new image reruns it at
# once. With Argo CD, an overlay can make it a PreSync hook.
apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
  labels:
    app.kubernetes.io/name: migrate
    app.kubernetes.io/part-of: family-record
spec:
  backoffLimit: 3
  activeDeadlineSeconds: 600
  ttlSecondsAfterFinished: 3600
  template:
    metadata:
      labels:
        app.kubernetes.io/name: migrate
        app.kubernetes.io/part-of: family-record
    spec:
      restartPolicy: OnFailure
      automountServiceAccountToken: false
${POD_SECURITY}
      # One container per agency, each with its own database.
      containers:
${DEPLOYED.map(
  (entry) => `        - name: ${entry.name}
          image: family-record-platform
          command: ["node", "dist/scripts/migrate.js", "${entry.name}"]
          env:
            - { name: DATABASE_URL_FILE, value: ${mounted(DATABASE_URLS)}/${entry.name} }
          resources:
            requests: { cpu: 100m, memory: 128Mi }
            limits: { cpu: 500m, memory: 256Mi }
${CONTAINER_SECURITY}
          volumeMounts:
            - { name: ${DATABASE_URLS}, mountPath: ${mounted(DATABASE_URLS)}, readOnly: true }`,
).join("\n")}
      volumes:
        - name: ${DATABASE_URLS}
          secret: { secretName: ${DATABASE_URLS}, defaultMode: 0440 }
`;
}

export const agencyManifestFile = (name: string) => `deploy/kubernetes/${name}.yaml`;

function kustomization(): string {
  const resources = ["namespace", "config", "secrets", ...DEPLOYED.map((entry) => entry.name), "gateway", "migrate-job", "network-policies", "ingress"];
  return `${GENERATED}
# The platform on Kubernetes: \`kubectl apply -k deploy/kubernetes\` once secrets.yaml's placeholders
# are replaced (docs/operations.md, "Kubernetes"). Overlays set the image's registry and tag here.
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: family-record
resources:
${resources.map((name) => `  - ${name}.yaml`).join("\n")}
images:
  - name: family-record-platform
    newTag: 0.1.0
`;
}

/** Every file of deploy/kubernetes/ that names the agencies, and its content. */
export function kubernetesFiles(): Array<{ file: string; content: string }> {
  return [
    ...DEPLOYED.map((entry) => ({ file: agencyManifestFile(entry.name), content: agencyManifest(entry) })),
    { file: "deploy/kubernetes/config.yaml", content: configMaps() },
    { file: "deploy/kubernetes/secrets.yaml", content: secretsFile() },
    { file: "deploy/kubernetes/migrate-job.yaml", content: migrateJob() },
    { file: "deploy/kubernetes/kustomization.yaml", content: kustomization() },
  ];
}
