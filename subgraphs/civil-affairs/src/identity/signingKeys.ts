import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { calculateJwkThumbprint, createLocalJWKSet, exportJWK, importPKCS8, type JSONWebKeySet, type JWTVerifyGetKey } from "jose";
import { TOKEN_ALGORITHM } from "../../../../kernel/auth/tokens";

export interface SigningKeys {
  privateKey: Awaited<ReturnType<typeof importPKCS8>>;
  kid: string;
  jwks: JSONWebKeySet;
  verifyKeys: JWTVerifyGetKey;
}

/**
 * The identity provider's ES256 key pair: from configuration (PEM, PKCS#8) when given,
 * otherwise generated once and kept under the data folder so tokens survive a restart.
 */
export async function loadSigningKeys(configuredPem: string | undefined, keyFile: string): Promise<SigningKeys> {
  let pem = configuredPem;
  if (!pem) {
    if (!fs.existsSync(keyFile)) {
      const { privateKey } = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
      fs.mkdirSync(path.dirname(keyFile), { recursive: true });
      fs.writeFileSync(keyFile, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
    }
    pem = fs.readFileSync(keyFile, "utf8");
  }
  const privateKey = await importPKCS8(pem, TOKEN_ALGORITHM, { extractable: true });
  const publicJwk = await exportJWK(crypto.createPublicKey(crypto.createPrivateKey(pem)));
  const kid = await calculateJwkThumbprint(publicJwk);
  const jwks: JSONWebKeySet = { keys: [{ ...publicJwk, kid, alg: TOKEN_ALGORITHM, use: "sig" }] };
  return { privateKey, kid, jwks, verifyKeys: createLocalJWKSet(jwks) };
}
