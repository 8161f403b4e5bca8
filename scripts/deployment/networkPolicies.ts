import { gatewaySettings } from "../../gateway/src/settings";
import { callees, callers, DEPLOYED, EVENTS, IDENTITY, names, PUBLISHERS, SUBSCRIBERS, type Deployed } from "./model";
import { comment, GENERATED } from "./text";

/** deploy/kubernetes/network-policies.yaml (exactly the platform's flows) and ingress.yaml (what the outside reaches). */

const INGRESS_CONTROLLER = `        - namespaceSelector:
            matchLabels: { kubernetes.io/metadata.name: ingress-nginx }
          podSelector:
            matchLabels: { app.kubernetes.io/name: ingress-nginx }`;
const POSTGRESQL = `    # PostgreSQL.
    - ports:
        - { port: 5432 }`;

const pod = (name: string) => `        - podSelector:
            matchLabels: { app.kubernetes.io/name: ${name} }`;
/** An ingress rule: these peers may open `port`. */
const from = (peers: string, port: number) => `    - from:
${peers}
      ports:
        - { port: ${port} }`;
const egressTo = (entry: Deployed) => `    - to:
${pod(entry.name)}
      ports:
        - { port: ${entry.defaultPort} }`;
const publicPaths = (entry: Deployed) => entry.deployment.publicPaths ?? [];
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function agencyPolicy(entry: Deployed): string {
  const outside = publicPaths(entry);
  const callersOutside = capitalized([...new Set(outside.map((path) => path.caller))].join(", "));
  const ingress = [
    from(["gateway", ...callers(entry).map((caller) => caller.name)].map(pod).join("\n"), entry.defaultPort),
    ...(outside.length > 0
      ? [`${comment(`${callersOutside}, through the ingress controller (ingress.yaml routes only ${outside.map((path) => path.path).join(", ")} here).`, 4)}
${from(INGRESS_CONTROLLER, entry.defaultPort)}`]
      : []),
  ];
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${entry.name}
spec:
  podSelector:
    matchLabels: { app.kubernetes.io/name: ${entry.name} }
  policyTypes: [Ingress, Egress]
  ingress:
${ingress.join("\n")}
  egress:
${[...callees(entry).map(egressTo), POSTGRESQL].join("\n")}`;
}

function networkPolicies(): string {
  const flows: Array<[from: string, to: string]> = [["clients, through the ingress controller", "gateway:4000"]];
  for (const entry of DEPLOYED) {
    for (const path of publicPaths(entry)) flows.push([`${path.caller}, through the ingress`, `${entry.name}:${entry.defaultPort} (ingress.yaml routes only ${path.path} there)`]);
  }
  flows.push(["gateway", names(DEPLOYED, { port: true })]);
  const subgraphs = DEPLOYED.filter((entry) => entry !== IDENTITY);
  if (subgraphs.length > 0) flows.push([names(subgraphs), `${IDENTITY.name}:${IDENTITY.defaultPort} (signing keys, revoked tokens)`]);
  if (SUBSCRIBERS.length > 0) flows.push([names(PUBLISHERS), `${names(SUBSCRIBERS, { port: true })} (${EVENTS} events, /events)`]);
  flows.push(["Prometheus", "every service's port (/metrics)"], ["subgraphs and the migration Job", "PostgreSQL:5432; gateway -> Redis:6379; every pod -> DNS"]);
  const width = Math.max(...flows.map(([from]) => from.length)) + 1;
  return `${GENERATED}
# Exactly the platform's flows; everything else in the namespace is refused (default-deny):
${flows.map(([from, to]) => `#   ${from.padEnd(width)}-> ${to}`).join("\n")}
# The ingress controller and Prometheus are found by their namespace's name; PostgreSQL and Redis live
# outside this base, so only their ports are pinned: narrow those rules to their addresses in your
# overlay. test/deployment/kubernetes.test.ts checks these flows, and only these, are allowed.
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: dns
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - to:
        - namespaceSelector:
            matchLabels: { kubernetes.io/metadata.name: kube-system }
          podSelector:
            matchLabels: { k8s-app: kube-dns }
      ports:
        - { protocol: UDP, port: 53 }
        - { protocol: TCP, port: 53 }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: metrics
spec:
  podSelector:
    matchExpressions:
      - { key: app.kubernetes.io/name, operator: In, values: [gateway, ${names(DEPLOYED)}] }
  policyTypes: [Ingress]
  ingress:
    - from:
        - namespaceSelector:
            matchLabels: { kubernetes.io/metadata.name: monitoring }
          podSelector:
            matchLabels: { app.kubernetes.io/name: prometheus }
      # Each pod's own service port, where /metrics is served.
      ports:
        - { port: http }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: gateway
spec:
  podSelector:
    matchLabels: { app.kubernetes.io/name: gateway }
  policyTypes: [Ingress, Egress]
  ingress:
${from(INGRESS_CONTROLLER, 4000)}
  egress:
${DEPLOYED.map(egressTo).join("\n")}
    # Redis.
    - ports:
        - { port: 6379 }
---
${DEPLOYED.map(agencyPolicy).join("\n---\n")}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: migrate
spec:
  podSelector:
    matchLabels: { app.kubernetes.io/name: migrate }
  policyTypes: [Egress]
  egress:
${POSTGRESQL}
`;
}

/**
 * The gateway's paths the outside reaches: its GraphQL endpoint and the web app
 * (gateway/src/webApp.ts, the IDE being off in production). Its /metrics, /health and /ready stay
 * inside the cluster, for Prometheus and the kubelet.
 */
export const GATEWAY_PUBLIC_PATHS = [
  { path: "/graphql", pathType: "Exact" },
  { path: "/", pathType: "Exact" },
  { path: "/index.html", pathType: "Exact" },
  { path: "/assets", pathType: "Prefix" },
];

function ingress(): string {
  const paths = DEPLOYED.flatMap((entry) =>
    publicPaths(entry).map(
      (path) => `          # For ${path.caller} (subgraphs/${entry.name}/deployment.ts).
          - path: ${path.path}
            pathType: ${path.pathType}
            backend:
              service:
                name: ${entry.name}
                port: { name: http }`,
    ),
  );
  return `${GENERATED}
# What the outside reaches: of the gateway its GraphQL and the web app (not /metrics, /health or
# /ready); of an agency, only the paths its deployment
# description lists, each for its caller (network-policies.yaml lets only the ingress controller's
# pods in). The host, the TLS secret and the class are your cluster's.
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: family-record
  labels:
    app.kubernetes.io/part-of: family-record
  annotations:
    # ingress-nginx refuses bodies over 1 MiB by default; a document upload (5 MiB, base64) needs
    # the gateway's own limit (BODY_LIMIT_BYTES, 8 MiB), which answers larger ones in GraphQL's words.
    nginx.ingress.kubernetes.io/proxy-body-size: "${Math.ceil(Number(gatewaySettings.BODY_LIMIT_BYTES.fallback) / 1024 / 1024)}m"
spec:
  ingressClassName: nginx
  tls:
    - hosts: [api.family-record.example]
      secretName: family-record-tls
  rules:
    - host: api.family-record.example
      http:
        paths:
${[
  ...paths,
  ...GATEWAY_PUBLIC_PATHS.map(
    (path) => `          - path: ${path.path}
            pathType: ${path.pathType}
            backend:
              service:
                name: gateway
                port: { name: http }`,
  ),
].join("\n")}
`;
}

export function policyFiles(): Array<{ file: string; content: string }> {
  return [
    { file: "deploy/kubernetes/network-policies.yaml", content: networkPolicies() },
    { file: "deploy/kubernetes/ingress.yaml", content: ingress() },
  ];
}
