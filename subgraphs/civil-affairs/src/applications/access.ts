import { requireViewer, type RequestContext } from "../../../../kernel/context";
import { appError } from "../../../../kernel/errors";
import { hasRole } from "../../../../kernel/auth/viewer";
import type { CardApplication } from "./cardApplication.entity";
import { applicationById } from "./loaders";
import { isUuid } from "../../../../kernel/uuid";
import { readsAsMember } from "../registry/access";

/** The applicant and civil-affairs officers read an application whole. */
export function mayReadApplication(ctx: RequestContext, application: CardApplication): boolean {
  const viewer = requireViewer(ctx);
  return viewer.nationalId === application.applicantId || hasRole(viewer, "CIVIL_AFFAIRS_OFFICER");
}

/**
 * The family reads its submitted applications by ID as it does through `Family.applications` (a spouse,
 * an adult child; documents stay the applicant's): one answer for one application wherever it is read.
 */
async function readsAsFamily(ctx: RequestContext, application: CardApplication): Promise<boolean> {
  if (application.submittedAt === null || application.registerNumber === null) return false;
  return readsAsMember(ctx, requireViewer(ctx), application.registerNumber);
}

/**
 * An application by ID for this viewer. To anyone but a civil-affairs officer an ID that names no
 * application and someone else's application answer alike (FORBIDDEN): nothing tells which exists.
 */
export async function readableApplication(ctx: RequestContext, id: string): Promise<CardApplication | null> {
  const viewer = requireViewer(ctx);
  const application = isApplicationId(id) ? await ctx.loaders.get(applicationById).load(id) : null;
  if (application ? mayReadApplication(ctx, application) || (await readsAsFamily(ctx, application)) : hasRole(viewer, "CIVIL_AFFAIRS_OFFICER")) return application;
  throw appError("FORBIDDEN", ctx.lang);
}

/** Only the applicant acts on their own application as the applicant. */
export function assertApplicant(ctx: RequestContext, application: CardApplication): void {
  if (requireViewer(ctx).nationalId !== application.applicantId) throw appError("FORBIDDEN", ctx.lang);
}

/** Application IDs are UUIDs; anything else cannot name one. */
export const isApplicationId = isUuid;
