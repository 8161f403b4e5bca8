import { ApplicationKind, DocumentType } from "../enums";
import { applicationMessages as m } from "../messages";
import type { ApplicationDraft, ApplicationFacts } from "./facts";
import type { RuleOutcome } from "./outcome";

/**
 * NEW_CARD only when the applicant's family has no active card; replacements and MEMBERS_UPDATE only
 * with one, and only by its head: a spouse or child in another head's register is told NOT_HEAD.
 */
export function checkKindAgainstCard(draft: ApplicationDraft, facts: ApplicationFacts, out: RuleOutcome): void {
  if (draft.kind === ApplicationKind.NEW_CARD) {
    if (facts.activeCard) out.violations.add("kind", "CARD_ALREADY_ACTIVE", m.cardAlreadyActive, undefined);
    else if (facts.spouseInCardedFamily) out.violations.add("kind", "CARD_ALREADY_ACTIVE", m.familyCardIsTheHeads, undefined);
  } else if (facts.activeCard) {
    return;
  } else if (facts.spouseInCardedFamily || facts.inAnotherHeadsRegister) {
    out.violations.add("kind", "NOT_HEAD", facts.spouseInCardedFamily ? m.familyCardIsTheHeads : m.cardIsTheHeads, undefined);
  } else {
    out.violations.add("kind", "NO_ACTIVE_CARD", m.noActiveCard, undefined);
  }
}

/** REPLACEMENT_LOST needs lossDeclaration = true; REPLACEMENT_DAMAGED needs a photo of the card. */
export function checkReplacement(draft: ApplicationDraft, out: RuleOutcome): void {
  if (draft.kind === ApplicationKind.REPLACEMENT_LOST && !draft.lossDeclaration) {
    out.violations.add("lossDeclaration", "LOSS_DECLARATION_REQUIRED", m.lossDeclaration, undefined);
  }
  if (draft.kind === ApplicationKind.REPLACEMENT_DAMAGED) out.require(DocumentType.DAMAGED_CARD_PHOTO);
}
