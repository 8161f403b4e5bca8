import crypto from "node:crypto";
import type { RequestContext } from "../../../../../kernel/context";
import { appError, Violations } from "../../../../../kernel/errors";
import { assertApplicant } from "../access";
import { findApplicationOrFail, updateIfUnchanged } from "../repository";
import { EDITABLE } from "../stateMachine";
import { applicationMessages } from "../messages";
import type { AttachDocumentInput } from "../inputs";
import type { CardApplication } from "../cardApplication.entity";
import { ApplicationDocument } from "./document.entity";
import type { DocumentStore } from "./documentStore";
import { declaredTypeAgrees, decodedBase64Size, detectMimeType, isBase64, MAX_DOCUMENT_BYTES } from "./fileType";
import { documentMessages as m } from "./messages";

/**
 * What an application may hold: every document its people may need (a marriage contract and an
 * iqama copy per spouse, a birth certificate per child) and ten more (a photo, a loss report,
 * corrections), so that no application the rules accept is left unable to meet them.
 */
export function maxDocumentsFor(application: Pick<CardApplication, "spouseIds" | "childIds">): number {
  return 10 + 2 * application.spouseIds.length + application.childIds.length;
}

/** Base64 characters enough for the longest magic number the accepted types start with (8 bytes). */
const MAGIC_BASE64_LENGTH = 12;

/**
 * A name and nothing else: no folder (`../../etc/passwd`) nor a character a file system refuses,
 * so that a client saving the document under its name writes where it meant to.
 */
function isPlainFileName(name: string): boolean {
  return !/[\\/:*?"<>|]/.test(name) && name !== "." && name !== "..";
}

/**
 * attachDocument's own input rules: the file's name, size, content and declared type; the file's
 * base64 (spaces removed) and the type its content is (PDF, JPEG or PNG), when it is one. Nothing is decoded but
 * the first bytes: the size comes from the base64's length, the type from its magic bytes, so the
 * text screen can run this on anyone's upload before the application is even looked up.
 */
export function checkUpload({ input }: { input: AttachDocumentInput }, violations: Violations): { base64: string; mimeType: string } | null {
  const fileName = input.fileName.trim();
  if (!fileName) violations.add("input.fileName", "REQUIRED", m.fileNameRequired, undefined);
  else if (!isPlainFileName(fileName)) violations.add("input.fileName", "FILE_NAME", m.fileNamePath, undefined);
  const base64 = input.contentBase64.replace(/\s/g, "");
  const size = decodedBase64Size(base64);
  // Too large is said with whatever else is wrong with the file (its type, its base64).
  const tooLarge = size > MAX_DOCUMENT_BYTES;
  if (tooLarge) violations.add("input.contentBase64", "FILE_TOO_LARGE", m.tooLarge, { size });
  if (!isBase64(base64)) {
    violations.add("input.contentBase64", "NOT_BASE64", m.notBase64, undefined);
    return null;
  }
  if (size === 0) {
    violations.add("input.contentBase64", "EMPTY_FILE", m.empty, undefined);
    return null;
  }
  const detected = detectMimeType(Buffer.from(base64.slice(0, MAGIC_BASE64_LENGTH), "base64"));
  if (!detected) {
    violations.add("input.contentBase64", "UNSUPPORTED_FILE_TYPE", m.unsupported, undefined);
    return null;
  }
  // Recognised by content (RULES.md); a declared type that says otherwise is refused (issue 3), so
  // a client never holds a document under a type it is not.
  if (!declaredTypeAgrees(input.mimeType, detected)) {
    violations.add("input.mimeType", "MIME_TYPE_MISMATCH", m.mimeMismatch, { declared: input.mimeType.trim(), detected });
  }
  return tooLarge ? null : { base64, mimeType: detected };
}

/**
 * What one applicant may attach in 24 hours, whatever his applications: a cancelled application
 * keeps its documents, so without it one account could fill the store, 5 MiB at a time. Far above
 * what a family with four wives and many children needs in a day.
 */
export const DAILY_UPLOAD_BYTES = 200 * 1024 * 1024;
const DAY_MS = 24 * 60 * 60 * 1000;

/** RATE_LIMITED, with when to try again, when `bytes` more would pass the applicant's daily bound. */
async function assertDailyUploadRoom(ctx: RequestContext, applicantId: string, bytes: number): Promise<void> {
  const since = new Date(ctx.now.getTime() - DAY_MS);
  const [used]: Array<{ bytes: string; oldest: Date | null }> = await ctx.db.query(
    `SELECT coalesce(sum(d.size_bytes), 0)::bigint AS bytes, min(d.uploaded_at) AS oldest
     FROM application_document d JOIN card_application a ON a.id = d.application_id
     WHERE a.applicant_id = $1 AND d.uploaded_at > $2`,
    [applicantId, since],
  );
  if (Number(used!.bytes) + bytes <= DAILY_UPLOAD_BYTES) return;
  const retryAfterSeconds = Math.max(1, Math.ceil((new Date(used!.oldest!).getTime() + DAY_MS - ctx.now.getTime()) / 1000));
  const message = m.dailyBytes[ctx.lang]({ mib: DAILY_UPLOAD_BYTES / 1024 / 1024, minutes: Math.ceil(retryAfterSeconds / 60) });
  throw appError("RATE_LIMITED", ctx.lang, message, { retryAfterSeconds });
}

/**
 * Attaches a document to the applicant's own application while it is DRAFT or NEEDS_CORRECTION;
 * the bytes are stored once per SHA-256, and the same file (type, name and bytes) sent again is
 * the document already attached. The application's version moves on, so officers and
 * clients see that what the rules require has changed.
 */
export async function attachDocument(ctx: RequestContext, store: DocumentStore, input: AttachDocumentInput): Promise<ApplicationDocument> {
  const application = await findApplicationOrFail(ctx, input.applicationId);
  assertApplicant(ctx, application);
  if (!EDITABLE.includes(application.status)) {
    throw appError("INVALID_STATE", ctx.lang, applicationMessages.notEditable[ctx.lang]({ status: application.status }));
  }
  // One at a time per applicant: a second attach at once could only lose on the application's version, after its upload was decoded and hashed.
  if (attaching.has(application.applicantId)) throw appError("RATE_LIMITED", ctx.lang, m.oneAtATime[ctx.lang](), { retryAfterSeconds: 1 });
  attaching.add(application.applicantId);
  try {
    return await attachTo(ctx, store, application, input);
  } finally {
    attaching.delete(application.applicantId);
  }
}

/** Applicants with an attach running in this process. */
const attaching = new Set<string>();

async function attachTo(ctx: RequestContext, store: DocumentStore, application: CardApplication, input: AttachDocumentInput): Promise<ApplicationDocument> {
  const violations = new Violations(ctx.lang);
  const upload = checkUpload({ input }, violations);
  const content = upload && Buffer.from(upload.base64, "base64");
  const sha256 = content ? crypto.createHash("sha256").update(content).digest("hex") : null;
  const documents = ctx.db.getRepository(ApplicationDocument);
  // The same file sent again (a client that saw its first try time out) is the same document.
  const again = sha256 && !violations.list.length ? await documents.findOneBy({ applicationId: application.id, type: input.type, fileName: input.fileName.trim(), sha256 }) : null;
  if (again) return again;
  // Counted before this attach; a concurrent one fails on the application's version (CONFLICT).
  const max = maxDocumentsFor(application);
  if ((await documents.countBy({ applicationId: application.id })) >= max) {
    violations.add("input.applicationId", "TOO_MANY_DOCUMENTS", m.tooMany, { max });
  }
  violations.throwIfAny();
  await assertDailyUploadRoom(ctx, application.applicantId, content!.length);
  const { mimeType } = upload!;
  return ctx.db.transaction(async (tx) => {
    // The version first: an attach that loses a race (CONFLICT) has stored no bytes.
    await updateIfUnchanged(tx, ctx, application, {});
    await store.put(tx, sha256!, content!);
    const document = tx.getRepository(ApplicationDocument).create({
      applicationId: application.id,
      type: input.type,
      fileName: input.fileName.trim(),
      mimeType,
      sizeBytes: content!.length,
      sha256: sha256!,
      uploadedAt: ctx.now,
    });
    await tx.getRepository(ApplicationDocument).insert(document);
    return document;
  });
}
