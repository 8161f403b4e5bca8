import type { Repository } from "typeorm";
import { requireViewer, type RequestContext } from "../../../../kernel/context";
import { appError, badInput, Violations } from "../../../../kernel/errors";
import { NO_ADDRESS } from "../../../../kernel/graphql/nationalAddress";
import { assertApplicant } from "./access";
import { CardApplication } from "./cardApplication.entity";
import { draftOf } from "./drafts";
import { DeliveryMethod } from "./enums";
import { findApplicationOrFail } from "./repository";
import { evaluate } from "./rules/evaluate";
import { loadFacts } from "./rules/facts";
import { canMove } from "./stateMachine";
import { applicationMessages } from "./messages";
import { SubmissionKey } from "./submissionKey.entity";
import { applyMove } from "./transitions";

/**
 * The application this submission already made, as it made it (its first result, RULES.md: its
 * fields and its history as they were, so that it never says SUBMITTED beside a later move), if
 * the applicant used `key` before: the same submission repeated. A key used to submit another
 * application is refused: answering with that one would leave this one unsubmitted while the
 * client believes it went through. So is a key of an earlier round of this one, sent back for
 * correction since: while it may be submitted again, its first result would say SUBMITTED of an
 * application that is not; once submitted again, it would answer an earlier round's snapshot
 * for the one the application is in, and the same key would have had two answers.
 */
async function alreadySubmitted(ctx: RequestContext, applicantId: string, key: string, id: string): Promise<CardApplication | null> {
  const used = await ctx.db.getRepository(SubmissionKey).findOneBy({ applicantId, idempotencyKey: key });
  if (!used) return null;
  const repository = ctx.db.getRepository(CardApplication);
  const now = used.applicationId === id ? await repository.findOneByOrFail({ id }) : null;
  const first = used.firstResult ? firstResultOf(repository, used.firstResult) : now;
  const submittedAgain = now?.submittedAt && first?.submittedAt && now.submittedAt.getTime() > first.submittedAt.getTime();
  if (!now || canMove(now.status, "submit") || submittedAgain) {
    const violations = new Violations(ctx.lang);
    violations.add("idempotencyKey", "ALREADY_USED", now ? applicationMessages.idempotencyKeyOfEarlierRound : applicationMessages.idempotencyKeyUsed, undefined);
    violations.throwIfAny();
  }
  return first;
}

/** A submission's first result as stored, as JSON: its instants come back as text. */
function firstResultOf(repository: Repository<CardApplication>, stored: object): CardApplication {
  const first = Object.assign(new CardApplication(), stored);
  for (const column of repository.metadata.columns) {
    const value = column.getEntityValue(first);
    if (column.type === "timestamptz" && typeof value === "string") column.setEntityValue(first, new Date(value));
  }
  return first;
}

/**
 * DRAFT | NEEDS_CORRECTION → SUBMITTED, after every rule passes (all violations in one error).
 * With an idempotency key, a repeated submission of the same application returns its first result
 * and moves nothing; the key is stored in the same transaction as the move.
 */
export async function submitApplication(ctx: RequestContext, id: string, idempotencyKey: string | null | undefined): Promise<CardApplication> {
  const viewer = requireViewer(ctx);
  const key = idempotencyKey?.trim() || null;
  if (key) {
    const first = await alreadySubmitted(ctx, viewer.nationalId, key, id);
    if (first) return first;
  }
  const application = await findApplicationOrFail(ctx, id);
  assertApplicant(ctx, application);
  if (!canMove(application.status, "submit")) {
    throw appError("INVALID_STATE", ctx.lang, applicationMessages.invalidMove[ctx.lang]({ from: application.status, to: "SUBMITTED" }));
  }
  const draft = draftOf(application);
  const facts = await loadFacts(ctx, draft);
  const { violations } = evaluate(draft, facts, ctx.lang, "submit");
  if (violations.length > 0) throw badInput(ctx.lang, violations);
  try {
    return await applyMove(ctx, id, "submit", {
      read: application,
      stampedIn: "submittedAt",
      changes: {
        deliveryAddressSnapshot: draft.deliveryMethod === DeliveryMethod.SAUDI_POST ? facts.applicant!.address : NO_ADDRESS,
      },
      alongside: key
        ? async (tx) => {
            const [{ last }] = await tx.query(`SELECT max(id)::int AS last FROM application_history WHERE application_id = $1`, [id]);
            const firstResult = { ...(await tx.getRepository(CardApplication).findOneByOrFail({ id })), historyUpTo: last };
            await tx.getRepository(SubmissionKey).insert({ applicantId: viewer.nationalId, idempotencyKey: key, applicationId: id, firstResult });
          }
        : undefined,
    });
  } catch (error) {
    // The same key raced in concurrently: answer with the submission that won.
    const first = key ? await alreadySubmitted(ctx, viewer.nationalId, key, id) : null;
    if (first) return first;
    throw error;
  }
}
