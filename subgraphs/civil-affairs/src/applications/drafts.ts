import { isDeepStrictEqual } from "node:util";
import { requireViewer, type RequestContext } from "../../../../kernel/context";
import { entityRows } from "../../../../kernel/database/entityRows";
import { appError, badInput, Violations } from "../../../../kernel/errors";
import { normalizeNationalId } from "../../../../kernel/validation";
import { assertApplicant } from "./access";
import { CardApplication } from "./cardApplication.entity";
import { familyByHead, membersByRegister } from "../registry/loaders";
import { FamilyRelation } from "../registry/enums";
import { ApplicationKind, ApplicationStatus, OPEN_STATUSES } from "./enums";
import { feeFor } from "./fees";
import type { NewCardApplicationInput, UpdateCardApplicationInput } from "./inputs";
import { applicationMessages } from "./messages";
import { findApplicationOrFail, insertWithHistory, updateIfUnchanged } from "./repository";
import { evaluate } from "./rules/evaluate";
import { checkListSizes } from "./rules/membersRule";
import { loadFacts, type ApplicationDraft } from "./rules/facts";
import { EDITABLE } from "./stateMachine";
import { isUniqueViolation } from "../../../../kernel/database/errors";

export function draftOf(application: CardApplication): ApplicationDraft {
  return {
    id: application.id,
    kind: application.kind,
    applicantId: application.applicantId,
    spouseIds: application.spouseIds,
    childIds: application.childIds,
    deliveryMethod: application.deliveryMethod,
    pickupOfficeId: application.pickupOfficeId,
    lossDeclaration: application.lossDeclaration,
  };
}

/** Input IDs as stored: Eastern Arabic digits normalised, anything invalid left for the rules to report. */
const ids = (list: string[] | null | undefined) => (list ?? []).map(normalizeNationalId);

/** Runs the rules a saved draft must satisfy; every violation at once. */
async function assertSavable(ctx: RequestContext, draft: ApplicationDraft): Promise<string | null> {
  const facts = await loadFacts(ctx, draft);
  const { violations } = evaluate(draft, facts, ctx.lang, "save");
  if (violations.length > 0) throw badInput(ctx.lang, violations);
  return facts.ownFamily?.registerNumber ?? null;
}

/**
 * The applicant's open application, if any. The statuses are written out, as in the partial unique
 * index that allows one open application (and still decides a race): the prepared statement's plan
 * then reads that index, not every application the applicant ever cancelled.
 */
const OPEN_OF_APPLICANT = `"e"."applicant_id" = $1 AND "e"."status" IN (${OPEN_STATUSES.map((status) => `'${status}'`).join(", ")})`;

/** The spouses and children of the register the applicant heads, as it lists them today. */
async function registerLists(ctx: RequestContext, applicantId: string): Promise<{ spouseIds: string[]; childIds: string[] }> {
  const family = await ctx.loaders.get(familyByHead).load(applicantId);
  const members = family ? await ctx.loaders.get(membersByRegister).load(family.registerNumber) : [];
  const listed = (...relations: FamilyRelation[]) => members.filter((member) => relations.includes(member.relation)).map((member) => member.nationalId);
  return { spouseIds: listed(FamilyRelation.SPOUSE), childIds: listed(FamilyRelation.SON, FamilyRelation.DAUGHTER) };
}

/**
 * One list of a members update, whose card lists "today's members, e.g. a newborn" (RULES.md):
 * left out, it is the register's; naming none of the register's people, it adds to them (a newborn
 * named alone joins his brothers and sisters); naming some of them, it is the whole list (whoever
 * it leaves out leaves the register). The people named come first, so that a problem with one is
 * reported at the place the client gave him (`childIds[0]`).
 */
function membersUpdateList(registers: string[], given: string[] | null | undefined): string[] {
  const named = ids(given);
  if (named.some((id) => registers.includes(id))) return named;
  return [...named, ...registers.filter((id) => !named.includes(id))];
}

/** Lists longer than any family are refused before anything is read (membersRule.ts, checkListSizes). */
function refuseOversizedLists(ctx: RequestContext, input: UpdateCardApplicationInput): void {
  const violations = new Violations(ctx.lang);
  checkListSizes(input, violations);
  violations.throwIfAny();
}

export async function createApplication(ctx: RequestContext, input: NewCardApplicationInput, replacementFeeHalalas: number): Promise<CardApplication> {
  const viewer = requireViewer(ctx);
  refuseOversizedLists(ctx, input);
  const open = await entityRows(ctx.db, CardApplication).where(OPEN_OF_APPLICANT, [viewer.nationalId]);
  if (open.length > 0) throw appError("CONFLICT", ctx.lang, applicationMessages.openApplication[ctx.lang]());
  const draft: ApplicationDraft = {
    id: null,
    kind: input.kind,
    applicantId: viewer.nationalId,
    ...(input.kind === ApplicationKind.MEMBERS_UPDATE
      ? await registerLists(ctx, viewer.nationalId).then((register) => ({
          spouseIds: membersUpdateList(register.spouseIds, input.spouseIds),
          childIds: membersUpdateList(register.childIds, input.childIds),
        }))
      : { spouseIds: ids(input.spouseIds), childIds: ids(input.childIds) }),
    deliveryMethod: input.deliveryMethod ?? null,
    pickupOfficeId: input.pickupOfficeId?.trim() || null,
    lossDeclaration: input.lossDeclaration ?? false,
  };
  const registerNumber = await assertSavable(ctx, draft);
  try {
    return await insertWithHistory(
      ctx.db.manager,
      {
        ...draft,
        id: undefined,
        status: ApplicationStatus.DRAFT,
        version: 1,
        registerNumber,
        feeHalalas: feeFor(draft.kind, replacementFeeHalalas),
        deliveryAddressSnapshot: {},
      } as Partial<CardApplication>,
      viewer.nationalId,
    );
  } catch (error) {
    // Two creations at once: the partial unique index lets only one open application through.
    if (isUniqueViolation(error)) {
      throw appError("CONFLICT", ctx.lang, applicationMessages.openApplication[ctx.lang]());
    }
    throw error;
  }
}

export async function updateApplication(
  ctx: RequestContext,
  id: string,
  input: UpdateCardApplicationInput,
  expectedVersion: number | null | undefined,
): Promise<CardApplication> {
  refuseOversizedLists(ctx, input);
  const application = await findApplicationOrFail(ctx, id);
  assertApplicant(ctx, application);
  if (expectedVersion != null && expectedVersion !== application.version) throw appError("CONFLICT", ctx.lang);
  if (!EDITABLE.includes(application.status)) {
    throw appError("INVALID_STATE", ctx.lang, applicationMessages.notEditable[ctx.lang]({ status: application.status }));
  }
  // The register is read only for a members update whose lists change.
  const listsChange = input.spouseIds !== undefined || input.childIds !== undefined;
  const register = application.kind === ApplicationKind.MEMBERS_UPDATE && listsChange ? await registerLists(ctx, application.applicantId) : null;
  const list = (registers: string[] | undefined, given: string[] | null) => (registers ? membersUpdateList(registers, given) : ids(given));
  const draft: ApplicationDraft = {
    ...draftOf(application),
    ...(input.spouseIds !== undefined ? { spouseIds: list(register?.spouseIds, input.spouseIds) } : {}),
    ...(input.childIds !== undefined ? { childIds: list(register?.childIds, input.childIds) } : {}),
    ...(input.deliveryMethod !== undefined ? { deliveryMethod: input.deliveryMethod } : {}),
    ...(input.pickupOfficeId !== undefined ? { pickupOfficeId: input.pickupOfficeId?.trim() || null } : {}),
    ...(input.lossDeclaration !== undefined ? { lossDeclaration: input.lossDeclaration ?? false } : {}),
  };
  const registerNumber = await assertSavable(ctx, draft);
  const changes = {
    spouseIds: draft.spouseIds,
    childIds: draft.childIds,
    deliveryMethod: draft.deliveryMethod,
    pickupOfficeId: draft.pickupOfficeId,
    lossDeclaration: draft.lossDeclaration,
    registerNumber,
  };
  // Nothing changed: no new version, which would make another client's expectedVersion stale for nothing.
  if (Object.entries(changes).every(([field, value]) => isDeepStrictEqual(application[field as keyof typeof changes], value))) return application;
  return updateIfUnchanged(ctx.db.manager, ctx, application, changes);
}
