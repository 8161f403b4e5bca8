import type { AgencyDeployment } from "../deployments";

/** civil-affairs in docker-compose.yml and deploy/kubernetes/, beyond its registry line. */
const deployment: AgencyDeployment = {
  summary:
    "the register, card applications and the identity provider (keys at /.well-known/jwks.json, revoked tokens). Every replica signs with the one key of the signing-key Secret.",
  publishes: { subscribersSetting: "OUTBOX_SUBSCRIBERS" },
  secrets: [
    {
      setting: "JWT_PRIVATE_KEY",
      secret: "signing-key",
      key: "private-key.pem",
      about: ["civil-affairs' ES256 signing key, PKCS#8 PEM, the same for every replica:", "openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256"],
      demoFile: "jwt-private-key.pem",
    },
    {
      setting: "JWT_VERIFY_KEYS",
      secret: "signing-key",
      key: "verify-keys.pem",
      about: ["During a rotation (docs/operations.md), the key being introduced or retired; empty otherwise."],
      placeholder: "",
    },
  ],
};

export default deployment;
