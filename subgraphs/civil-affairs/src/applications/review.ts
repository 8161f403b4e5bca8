import type { RequestContext } from "../../../../kernel/context";
import { badInput } from "../../../../kernel/errors";
import type { CardApplication } from "./cardApplication.entity";
import { draftOf } from "./drafts";
import { evaluate } from "./rules/evaluate";
import { loadFacts } from "./rules/facts";

/**
 * Before an officer approves or issues: every rule again, with what only the registry can tell
 * (every person named exists and heads no other register). Each violation at once.
 */
export async function assertRegistryAgrees(ctx: RequestContext, application: CardApplication): Promise<void> {
  const draft = draftOf(application);
  const { violations } = evaluate(draft, await loadFacts(ctx, draft), ctx.lang, "review");
  if (violations.length > 0) throw badInput(ctx.lang, violations);
}
