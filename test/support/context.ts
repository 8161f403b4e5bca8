import type { DataSource } from "typeorm";
import type { Viewer } from "../../kernel/auth/viewer";
import { createRequestContext, type RequestContext } from "../../kernel/context";
import type { Lang } from "../../kernel/i18n";
import { createLogger } from "../../kernel/logger";

/** A request context for running a subgraph's schema in this process (statement counting). */
export function testContext(db: DataSource, viewer: Viewer | null, lang: Lang = "en"): RequestContext {
  return createRequestContext({ viewer, authorization: null, lang, requestId: "test", purpose: null, purposeRequired: true, db, log: createLogger("test") });
}
