import { requireViewer, type RequestContext } from "../../../../kernel/context";
import { appError } from "../../../../kernel/errors";
import { hasRole } from "../../../../kernel/auth/viewer";
import type { CardApplication } from "./cardApplication.entity";
import { applicationById } from "./loaders";
import { isUuid } from "../../../../kernel/uuid";

/** The applicant and civil-affairs officers may read an application; nobody else. */
export function assertCanReadApplication(ctx: RequestContext, application: CardApplication): void {
  if (!mayReadApplication(ctx, application)) throw appError("FORBIDDEN", ctx.lang);
}

/** The applicant and civil-affairs officers read an application whole. */
export function mayReadApplication(ctx: RequestContext, application: CardApplication): boolean {
  const viewer = requireViewer(ctx);
  return viewer.nationalId === application.applicantId || hasRole(viewer, "CIVIL_AFFAIRS_OFFICER");
}

/**
 * An application by ID for this viewer. To anyone but a civil-affairs officer an ID that names no
 * application and someone else's application answer alike (FORBIDDEN): nothing tells which exists.
 */
export async function readableApplication(ctx: RequestContext, id: string): Promise<CardApplication | null> {
  const viewer = requireViewer(ctx);
  const application = isApplicationId(id) ? await ctx.loaders.get(applicationById).load(id) : null;
  if (application) assertCanReadApplication(ctx, application);
  else if (!hasRole(viewer, "CIVIL_AFFAIRS_OFFICER")) throw appError("FORBIDDEN", ctx.lang);
  return application;
}

/** Only the applicant acts on their own application as the applicant. */
export function assertApplicant(ctx: RequestContext, application: CardApplication): void {
  if (requireViewer(ctx).nationalId !== application.applicantId) throw appError("FORBIDDEN", ctx.lang);
}

/** Application IDs are UUIDs; anything else cannot name one. */
export const isApplicationId = isUuid;
