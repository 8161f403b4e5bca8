import type { IncomingMessage } from "node:http";
import { PURPOSE_HEADER, purposeHeader, readPurpose } from "../../kernel/audit/purpose";
import { viewerOf } from "../../kernel/auth/requestViewer";
import type { TokenVerifier } from "../../kernel/auth/tokens";
import type { Viewer } from "../../kernel/auth/viewer";
import { header, requestIdOf } from "../../kernel/http/headers";
import { pickLanguage, type Lang } from "../../kernel/i18n";

export interface GatewayContext {
  viewer: Viewer | null;
  /** Whom the rate limits count: the token's subject, else the IP address (set by gateway/src/security). */
  client?: string;
  lang: Lang;
  requestId: string;
  forwardedHeaders: Record<string, string | undefined>;
}

/** Verifies the bearer token if one is sent (a bad one is refused here) and names the request. */
export function gatewayContext(verify: TokenVerifier) {
  return async (request: IncomingMessage): Promise<GatewayContext> => {
    const lang = pickLanguage(header(request, "accept-language"));
    const requestId = requestIdOf(request);
    // A purpose the agencies would refuse is refused here, before any of them is asked; they get it percent-encoded.
    const purpose = readPurpose(header(request, PURPOSE_HEADER), lang);
    return {
      viewer: await viewerOf(request, verify, lang),
      lang,
      requestId,
      forwardedHeaders: {
        authorization: header(request, "authorization"),
        "accept-language": header(request, "accept-language"),
        "x-request-id": requestId,
        [PURPOSE_HEADER]: purpose === null ? undefined : purposeHeader(purpose),
      },
    };
  };
}
