import type { IncomingMessage } from "node:http";
import { AppError } from "../errors";
import { header } from "../http/headers";
import type { Lang } from "../i18n";
import { bearerToken, InvalidTokenError, type TokenVerifier } from "./tokens";
import type { Viewer } from "./viewer";

/** The verified viewer of a request: null without a token; a bad or expired token is refused. */
export async function viewerOf(request: IncomingMessage, verify: TokenVerifier, lang: Lang): Promise<Viewer | null> {
  const token = bearerToken(header(request, "authorization"));
  if (!token) return null;
  try {
    return await verify(token);
  } catch (error) {
    if (!(error instanceof InvalidTokenError)) throw error;
    throw new AppError("UNAUTHENTICATED", lang === "ar" ? "رمز الدخول غير صالح أو منتهي." : "The access token is invalid or expired.", {
      http: { status: 401 },
    });
  }
}
