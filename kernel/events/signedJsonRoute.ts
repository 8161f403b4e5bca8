import type { ServerResponse } from "node:http";
import { SIGNATURE_HEADER, verifySignature } from "./signature";
import { header } from "../http/headers";
import { sendJson, type HttpRoute } from "../http/server";

/**
 * A POST route for machine callers that sign their JSON body with a shared secret (HMAC-SHA256 in
 * x-signature): any of `secrets` (two during a rotation). An unsigned or badly signed call is
 * refused with 401 before the body is parsed.
 */
export function signedJsonRoute(path: string, secrets: string[], handle: (payload: unknown, response: ServerResponse) => Promise<void>): HttpRoute {
  return {
    method: "POST",
    path,
    async handle(request, response, body) {
      const signature = header(request, SIGNATURE_HEADER);
      if (!secrets.some((secret) => verifySignature(body, secret, signature))) {
        sendJson(response, 401, { error: "missing or invalid signature" });
        return;
      }
      let payload: unknown;
      try {
        payload = JSON.parse(body.toString("utf8"));
      } catch {
        sendJson(response, 400, { error: "the body is not valid JSON" });
        return;
      }
      await handle(payload, response);
    },
  };
}
