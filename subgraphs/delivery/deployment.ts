import type { AgencyDeployment } from "../deployments";

/** delivery in docker-compose.yml and deploy/kubernetes/, beyond its registry line. */
const deployment: AgencyDeployment = {
  summary: "shipments and pickups, and the postal operator's tracking webhook (POST /carrier/webhook, through the ingress: ingress.yaml).",
  secrets: [
    {
      setting: "CARRIER_WEBHOOK_SECRET",
      secret: "carrier-webhook",
      key: "secret",
      about: ["Signs the postal operator's tracking webhook to delivery."],
      demoFile: "carrier-webhook-secret",
    },
  ],
  // The postal operator's systems push tracking events (src/shipments/carrierWebhookRoute.ts).
  publicPaths: [{ path: "/carrier/webhook", pathType: "Exact", caller: "the postal operator" }],
};

export default deployment;
