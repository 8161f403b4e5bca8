import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { calculateJwkThumbprint, exportJWK, importPKCS8, type JSONWebKeySet, type JWK } from "jose";
import { TOKEN_ALGORITHM } from "../../../../kernel/auth/tokens";
import { localKeySet, type KeySet } from "../../../../kernel/auth/keySet";

export interface SigningKeys {
  privateKey: Awaited<ReturnType<typeof importPKCS8>>;
  /** The id of the key that signs: its JWK thumbprint, so every replica given the key agrees. */
  kid: string;
  /** Published at /.well-known/jwks.json: the signing key and the keys kept for a rotation. */
  jwks: JSONWebKeySet;
  keys: KeySet;
}

async function publicJwk(key: crypto.KeyObject): Promise<JWK> {
  const jwk = await exportJWK(key);
  return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: TOKEN_ALGORITHM, use: "sig" };
}

/** Every PEM block in a setting (public keys, or private keys of which the public half is used). */
function pemBlocks(pems: string | undefined): string[] {
  return pems?.match(/-----BEGIN [A-Z ]+-----[\s\S]+?-----END [A-Z ]+-----/g) ?? [];
}

/**
 * The identity provider's ES256 keys. The signing key comes from configuration (PEM, PKCS#8) or,
 * for one development process, is generated once under the data folder so tokens survive a
 * restart. `verifyKeys` are published beside it without signing: the next key before a rotation
 * switches to it, the previous key until the tokens it signed have expired (docs/operations.md).
 */
export async function loadSigningKeys(configuredPem: string | undefined, keyFile: string, verifyKeys?: string): Promise<SigningKeys> {
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
  const signing = await publicJwk(crypto.createPublicKey(crypto.createPrivateKey(pem)));
  const published = [signing];
  for (const block of pemBlocks(verifyKeys)) {
    const jwk = await publicJwk(crypto.createPublicKey(block));
    if (jwk.crv !== "P-256") throw new Error("JWT_VERIFY_KEYS: every key must be an ES256 (P-256) key");
    if (!published.some((key) => key.kid === jwk.kid)) published.push(jwk);
  }
  const jwks: JSONWebKeySet = { keys: published };
  return { privateKey, kid: signing.kid!, jwks, keys: localKeySet(jwks) };
}
