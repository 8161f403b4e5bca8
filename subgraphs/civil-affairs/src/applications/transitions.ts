import type { EntityManager } from "typeorm";
import { requireViewer, type RequestContext } from "../../../../kernel/context";
import { appError } from "../../../../kernel/errors";
import { assertApplicant, isApplicationId } from "./access";
import { assertNotOwnCase } from "./fourEyes";
import { CardApplication } from "./cardApplication.entity";
import { applicationMessages } from "./messages";
import { canMove, MOVES, type MoveName } from "./stateMachine";
import { findApplicationOrFail, moveIfUnchanged, moveOwnIfIn } from "./repository";

export interface MoveOptions {
  expectedVersion?: number | null;
  note?: string | null;
  changes?: Partial<CardApplication>;
  /** The application's column that records when this move was made: the instant of its history row. */
  stampedIn?: "submittedAt" | "decidedAt";
  /** Checks of the application before the transaction (they read through the request's loaders). */
  precheck?(application: CardApplication): Promise<void>;
  /** More work in the same transaction (e.g. issuing the card), on the application as the move wrote it, at the move's instant. */
  alongside?(tx: EntityManager, application: CardApplication, at: Date): Promise<void>;
  /** The application as the caller has just read it afresh, so that it is not read twice. */
  read?: CardApplication;
}

/**
 * Makes one move of the state machine: checks who may make it (an officer never on his own or his
 * family's application, fourEyes.ts), the expected version (CONFLICT)
 * and the table of moves (INVALID_STATE), then writes the new status and its history row in one
 * statement, guarded against concurrent moves; with work `alongside`, in one transaction with it.
 */
export async function applyMove(ctx: RequestContext, id: string, move: MoveName, options: MoveOptions = {}): Promise<CardApplication> {
  const { from, to, actor } = MOVES[move];
  // An officer's move is a field declared with RequiresRole("CIVIL_AFFAIRS_OFFICER"): checked before it runs.
  const viewer = requireViewer(ctx);
  if (actor === "applicant" && Object.values(options).every((option) => option == null) && isApplicationId(id)) {
    // Nothing to check but whose it is and its status (a cancel): both in the one statement that moves it.
    // When it moved nothing, the read below says why (NOT_FOUND, FORBIDDEN, INVALID_STATE).
    const moved = await moveOwnIfIn(ctx.db.manager, id, viewer.nationalId, from, to);
    if (moved) {
      ctx.loaders.clear(); // what the request read of it before (its history) has changed
      return moved;
    }
  }
  const application = options.read ?? (await findApplicationOrFail(ctx, id));
  if (actor === "applicant") assertApplicant(ctx, application);
  else await assertNotOwnCase(ctx, viewer.nationalId, application);
  if (options.expectedVersion != null && options.expectedVersion !== application.version) throw appError("CONFLICT", ctx.lang);
  if (!canMove(application.status, move)) {
    throw appError("INVALID_STATE", ctx.lang, applicationMessages.invalidMove[ctx.lang]({ from: application.status, to }));
  }
  await options.precheck?.(application);
  const at = new Date();
  const changes = { ...options.changes, ...(options.stampedIn ? { [options.stampedIn]: at } : {}) };
  const history = { from: application.status, to, by: viewer.nationalId, note: options.note, at };
  const { alongside } = options;
  ctx.loaders.clear(); // the prechecks loaded what the move is about to change
  if (!alongside) return moveIfUnchanged(ctx.db.manager, ctx, application, changes, history);
  await ctx.db.transaction(async (tx) => {
    // As written, not as read before: a change that landed in between (a new delivery address) is in it.
    const moved = await moveIfUnchanged(tx, ctx, application, changes, history);
    await alongside(tx, moved, at);
  });
  // Work alongside may have changed the application again (issuing sets its card number).
  return ctx.db.getRepository(CardApplication).findOneByOrFail({ id: application.id });
}
