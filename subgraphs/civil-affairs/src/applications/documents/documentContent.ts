import crypto from "node:crypto";
import { hasRole } from "../../../../../kernel/auth/viewer";
import { lacksPurpose, purposeRequired } from "../../../../../kernel/audit/purpose";
import { trailOf } from "../../../../../kernel/audit/trail";
import { requireViewer, type RequestContext } from "../../../../../kernel/context";
import { appError, Violations } from "../../../../../kernel/errors";
import { isUuid } from "../../../../../kernel/uuid";
import { familyByHead, membersByRegister } from "../../registry/loaders";
import type { CardApplication } from "../cardApplication.entity";
import { DocumentType } from "../enums";
import { isOwnCase } from "../fourEyes";
import { applicationMessages } from "../messages";
import { applicationById } from "../loaders";
import { ApplicationDocument } from "./document.entity";
import { DocumentContent } from "./documentContent.type";
import type { DocumentStore } from "./documentStore";
import { documentMessages as m } from "./messages";

/**
 * Whom a document is about, besides the applicant who attached it: the spouses it names for a
 * marriage contract or an ID copy, the children for a birth certificate, the register's members
 * for what shows the register or the card (its copy, the damaged card, the loss report), and all
 * of them for any other document. Each gets the download in their data-access report.
 */
async function concernedBy(ctx: RequestContext, document: ApplicationDocument, application: CardApplication): Promise<string[]> {
  const members = async () => {
    const register = await ctx.loaders.get(familyByHead).load(application.applicantId);
    return register ? (await ctx.loaders.get(membersByRegister).load(register.registerNumber)).map((member) => member.nationalId) : [];
  };
  const about: Record<DocumentType, () => Promise<string[]> | string[]> = {
    [DocumentType.MARRIAGE_CONTRACT]: () => application.spouseIds,
    [DocumentType.NATIONAL_ID_COPY]: () => application.spouseIds,
    [DocumentType.BIRTH_CERTIFICATE]: () => application.childIds,
    [DocumentType.FAMILY_REGISTER_COPY]: members,
    [DocumentType.DAMAGED_CARD_PHOTO]: members,
    [DocumentType.LOSS_REPORT]: members,
    [DocumentType.OTHER]: async () => [...application.spouseIds, ...application.childIds, ...(await members())],
  };
  return [...new Set([application.applicantId, ...(await about[document.type]())])];
}

/** The request's downloads so far: one per request, so that aliases cannot fetch an application's every file at once. */
const downloads = new WeakSet<RequestContext>();

/** A refused download, in the data-access report of the people the document is about (`refusedFields`). */
async function refuse(ctx: RequestContext, document: ApplicationDocument, application: CardApplication, error: Error): Promise<never> {
  const noted = Object.assign(new DocumentContent(), { id: document.id, concerns: await concernedBy(ctx, document, application) });
  trailOf(ctx).noteRefused("DocumentContent", noted, "Query.documentContent");
  throw error;
}

/**
 * A document's bytes for its reader:
 * - the applicant, for any document of his own applications, in any state;
 * - a civil-affairs officer when four-eyes lets him act on the application (not his, his spouse's
 *   or his child's: FORBIDDEN, reason FOUR_EYES) and once it has been submitted (a draft's
 *   documents are the applicant's until he hands them over: FORBIDDEN, reason NOT_SUBMITTED; a
 *   submitted application keeps them readable through review, decision, issue and cancellation);
 * - nobody else. To anyone but a civil-affairs officer an ID that names no document and a document
 *   of someone else's application answer alike (FORBIDDEN), as `cardApplication` does; an officer,
 *   who sees every application, is told NOT_FOUND.
 * One per request (BAD_USER_INPUT, rule ONE_DOCUMENT_PER_REQUEST). The bytes are checked against
 * the document's SHA-256 before they are returned.
 */
export async function documentContent(ctx: RequestContext, store: DocumentStore, id: string): Promise<DocumentContent> {
  const viewer = requireViewer(ctx);
  // An officer without a stated purpose is refused before anything is read (and nothing is recorded).
  if (lacksPurpose(ctx)) throw purposeRequired(ctx);
  if (downloads.has(ctx)) {
    const violations = new Violations(ctx.lang);
    violations.add("id", "ONE_DOCUMENT_PER_REQUEST", m.onePerRequest, undefined);
    violations.throwIfAny();
  }
  downloads.add(ctx);
  const officer = hasRole(viewer, "CIVIL_AFFAIRS_OFFICER");
  const document = isUuid(id) ? await ctx.db.getRepository(ApplicationDocument).findOneBy({ id }) : null;
  const application = document ? await ctx.loaders.get(applicationById).load(document.applicationId) : null;
  if (!document || !application) throw appError(officer ? "NOT_FOUND" : "FORBIDDEN", ctx.lang);
  if (application.applicantId !== viewer.nationalId) {
    if (!officer) return refuse(ctx, document, application, appError("FORBIDDEN", ctx.lang));
    // Four-eyes first: it is the answer that stays.
    if (await isOwnCase(ctx, viewer.nationalId, application)) {
      return refuse(ctx, document, application, appError("FORBIDDEN", ctx.lang, applicationMessages.ownCase[ctx.lang](), { reason: "FOUR_EYES" }));
    }
    if (!application.submittedAt) return refuse(ctx, document, application, appError("FORBIDDEN", ctx.lang, m.notSubmitted[ctx.lang](), { reason: "NOT_SUBMITTED" }));
  }
  const content = await store.read(ctx.db, document.sha256);
  if (!content || content.length !== document.sizeBytes || crypto.createHash("sha256").update(content).digest("hex") !== document.sha256) {
    ctx.log.error({ documentId: document.id, sha256: document.sha256, found: content?.length ?? null }, "a document's stored bytes are missing or do not match its hash");
    throw appError("INTERNAL_SERVER_ERROR", ctx.lang);
  }
  return Object.assign(new DocumentContent(), {
    id: document.id,
    type: document.type,
    fileName: document.fileName,
    mimeType: document.mimeType,
    sizeBytes: document.sizeBytes,
    sha256: document.sha256,
    contentBase64: content.toString("base64"),
    concerns: await concernedBy(ctx, document, application),
  });
}
