import type { DataSource } from "typeorm";
import type { Lang } from "./i18n";
import type { Logger } from "./logger";
import { LoaderRegistry } from "./loaders";
import { appError } from "./errors";
import { hasRole, type Role, type Viewer } from "./auth/viewer";
import { riyadhDate } from "./riyadhCalendar";

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
  /**
   * The instant the request is served at, read from the clock once when the context is made. Every
   * rule that depends on the date (ages, due dates, windows) takes it, or `today`, from here and
   * never reads the clock itself, so one request sees one date and a test can pin it. Timestamps of
   * the records a request writes (createdAt, decidedAt …) may still take the clock.
   */
  readonly now: Date;
  /** The Riyadh calendar day of `now` ("YYYY-MM-DD"): "today" in RULES.md (ages, delays, due dates). */
  readonly today: string;
}

/** What makes a request context; `now` is the clock unless a test pins it (there is no setting for it). */
export type RequestContextFields = Omit<RequestContext, "loaders" | "now" | "today"> & { now?: Date };

export function createRequestContext(fields: RequestContextFields): RequestContext {
  const { now = new Date(), ...rest } = fields;
  const context = { ...rest, now, today: riyadhDate(now) } as RequestContext;
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
