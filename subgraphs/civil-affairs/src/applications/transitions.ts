import type { EntityManager } from "typeorm";
import { requireViewer, type RequestContext } from "../../../../kernel/context";
import { appError } from "../../../../kernel/errors";
import { assertApplicant } from "./access";
import { assertNotOwnCase } from "./fourEyes";
import { CardApplication } from "./cardApplication.entity";
import { applicationMessages } from "./messages";
import { canMove, MOVES, type MoveName } from "./stateMachine";
import { appendHistory, findApplicationOrFail, updateIfUnchanged } from "./repository";

export interface MoveOptions {
  expectedVersion?: number | null;
  note?: string | null;
  changes?: Partial<CardApplication>;
  /** Checks of the application before the transaction (they read through the request's loaders). */
  precheck?(application: CardApplication): Promise<void>;
  /** More work in the same transaction (e.g. issuing the card). */
  alongside?(tx: EntityManager, application: CardApplication): Promise<void>;
  /** The application as the caller has just read it afresh, so that it is not read twice. */
  read?: CardApplication;
}

/**
 * Makes one move of the state machine: checks who may make it (an officer never on his own or his
 * family's application, fourEyes.ts), the expected version (CONFLICT)
 * and the table of moves (INVALID_STATE), then writes the new status, its history row and any
 * work `alongside` in one transaction, guarded against concurrent moves.
 */
export async function applyMove(ctx: RequestContext, id: string, move: MoveName, options: MoveOptions = {}): Promise<CardApplication> {
  const { to, actor } = MOVES[move];
  // An officer's move is a field declared with RequiresRole("CIVIL_AFFAIRS_OFFICER"): checked before it runs.
  const viewer = requireViewer(ctx);
  const application = options.read ?? (await findApplicationOrFail(ctx, id));
  if (actor === "applicant") assertApplicant(ctx, application);
  else await assertNotOwnCase(ctx, viewer.nationalId, application);
  if (options.expectedVersion != null && options.expectedVersion !== application.version) throw appError("CONFLICT", ctx.lang);
  if (!canMove(application.status, move)) {
    throw appError("INVALID_STATE", ctx.lang, applicationMessages.invalidMove[ctx.lang]({ from: application.status, to }));
  }
  await options.precheck?.(application);
  const moved = await ctx.db.transaction(async (tx) => {
    const written = await updateIfUnchanged(tx, ctx, application, { ...options.changes, status: to });
    await appendHistory(tx, application.id, application.status, to, viewer.nationalId, options.note ?? null);
    await options.alongside?.(tx, application);
    return written;
  });
  ctx.loaders.clear(); // the prechecks loaded what the move has just changed
  // Work alongside may have changed the application again (issuing sets its card number).
  return options.alongside ? ctx.db.getRepository(CardApplication).findOneByOrFail({ id: application.id }) : moved;
}
