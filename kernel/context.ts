import type { DataSource } from "typeorm";
import type { Lang } from "./i18n";
import type { Logger } from "./logger";
import { LoaderRegistry } from "./loaders";
import { appError } from "./errors";
import { hasRole, type Role, type Viewer } from "./auth/viewer";

/** What every resolver of every subgraph receives. */
export interface RequestContext {
  viewer: Viewer | null;
  /** The caller's Authorization header, for a subgraph that calls another on the caller's behalf. */
  authorization: string | null;
  lang: Lang;
  requestId: string;
  /** The stated purpose of an officer's access (x-access-purpose header), if given. */
  purpose: string | null;
  /** Whether an officer without a stated purpose is refused (always in production). */
  purposeRequired: boolean;
  db: DataSource;
  log: Logger;
  loaders: LoaderRegistry<RequestContext>;
}

export function createRequestContext(fields: Omit<RequestContext, "loaders">): RequestContext {
  const context = { ...fields } as RequestContext;
  context.loaders = new LoaderRegistry(() => context);
  return context;
}

export function requireViewer(context: RequestContext): Viewer {
  if (!context.viewer) throw appError("UNAUTHENTICATED", context.lang);
  return context.viewer;
}

export function requireRole(context: RequestContext, ...roles: Role[]): Viewer {
  const viewer = requireViewer(context);
  if (!hasRole(viewer, ...roles)) throw appError("FORBIDDEN", context.lang);
  return viewer;
}
