import type { DataSource } from "typeorm";
import type { Viewer } from "../../kernel/auth/viewer";
import { createRequestContext, type RequestContext } from "../../kernel/context";
import type { Lang } from "../../kernel/i18n";
import { createLogger } from "../../kernel/logger";

/**
 * A request context for running a subgraph's schema in this process (statement counting), served
 * at `now` (ctx.now, and so ctx.today) when given, by the clock otherwise.
 */
export function testContext(db: DataSource, viewer: Viewer | null, lang: Lang = "en", now?: Date): RequestContext {
  return createRequestContext({ viewer, authorization: null, lang, requestId: "test", purpose: null, purposeRequired: true, db, log: createLogger("test"), now });
}
