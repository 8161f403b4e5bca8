import { Arg, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import { Authenticated, RequiresRole } from "../../../../kernel/graphql/authorization";
import { ChecksInput } from "../../../../kernel/graphql/inputChecks";
import type { RequestContext } from "../../../../kernel/context";
import { Violations } from "../../../../kernel/errors";
import { FamilyCard } from "../registry/familyCard.entity";
import { CardApplication } from "./cardApplication.entity";
import { attachDocument, checkUpload } from "./documents/attachDocument";
import { ApplicationDocument } from "./documents/document.entity";
import type { DocumentStore } from "./documents/documentStore";
import { createApplication, updateApplication } from "./drafts";
import { AttachDocumentInput, NewCardApplicationInput, UpdateCardApplicationInput } from "./inputs";
import { issueFamilyCard } from "./issuing";
import { applicationMessages } from "./messages";
import type { OutboxDispatcher } from "./outbox/dispatcher";
import { firstAnswers } from "./outbox/outbox";
import { assertRegistryAgrees } from "./review";
import { submitApplication } from "./submission";
import { applyMove } from "./transitions";

export interface ApplicationSettings {
  replacementFeeHalalas: number;
  subscribers: string[];
  documents: DocumentStore;
}

/** A required free-text argument (an officer's notes or reason), trimmed; BAD_USER_INPUT when empty. */
function requiredText(ctx: RequestContext, field: string, value: string): string {
  const violations = new Violations(ctx.lang);
  if (!value.trim()) violations.add(field, "REQUIRED", applicationMessages.textRequired, undefined);
  violations.throwIfAny();
  return value.trim();
}

/** The longest an issue waits for the agencies to take its CardIssued event (one that is down answers at once, refused). */
const ISSUE_ANSWER_WAIT_MS = 2_000;

@Resolver()
export class CardApplicationMutations {
  constructor(
    private readonly settings: ApplicationSettings,
    private readonly dispatcher: OutboxDispatcher | null,
  ) {}

  @Authenticated()
  @Mutation(() => CardApplication)
  createCardApplication(@Arg("input") input: NewCardApplicationInput, @Ctx() ctx: RequestContext): Promise<CardApplication> {
    return createApplication(ctx, input, this.settings.replacementFeeHalalas);
  }

  @Authenticated()
  @Mutation(() => CardApplication)
  updateCardApplication(
    @Arg("id", () => ID) id: string,
    @Arg("input") input: UpdateCardApplicationInput,
    @Arg("expectedVersion", () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<CardApplication> {
    return updateApplication(ctx, id, input, expectedVersion);
  }

  @Authenticated()
  @ChecksInput(checkUpload)
  @Mutation(() => ApplicationDocument)
  attachDocument(@Arg("input") input: AttachDocumentInput, @Ctx() ctx: RequestContext): Promise<ApplicationDocument> {
    return attachDocument(ctx, this.settings.documents, input);
  }

  @Authenticated()
  @Mutation(() => CardApplication)
  submitCardApplication(
    @Arg("id", () => ID) id: string,
    @Arg("idempotencyKey", () => String, { nullable: true }) idempotencyKey: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<CardApplication> {
    return submitApplication(ctx, id, idempotencyKey);
  }

  @Authenticated()
  @Mutation(() => CardApplication)
  cancelCardApplication(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<CardApplication> {
    return applyMove(ctx, id, "cancel");
  }

  @RequiresRole("CIVIL_AFFAIRS_OFFICER")
  @Mutation(() => CardApplication)
  startReview(
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<CardApplication> {
    return applyMove(ctx, id, "startReview", { expectedVersion });
  }

  @RequiresRole("CIVIL_AFFAIRS_OFFICER")
  @Mutation(() => CardApplication)
  requestCorrection(
    @Arg("id", () => ID) id: string,
    @Arg("notes") notes: string,
    @Arg("expectedVersion", () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<CardApplication> {
    const text = requiredText(ctx, "notes", notes);
    return applyMove(ctx, id, "requestCorrection", { expectedVersion, note: text, changes: { correctionNotes: text } });
  }

  @RequiresRole("CIVIL_AFFAIRS_OFFICER")
  @Mutation(() => CardApplication)
  approveCardApplication(
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<CardApplication> {
    return applyMove(ctx, id, "approve", { expectedVersion, stampedIn: "decidedAt", precheck: (application) => assertRegistryAgrees(ctx, application) });
  }

  @RequiresRole("CIVIL_AFFAIRS_OFFICER")
  @Mutation(() => CardApplication)
  rejectCardApplication(
    @Arg("id", () => ID) id: string,
    @Arg("reason") reason: string,
    @Arg("expectedVersion", () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<CardApplication> {
    const text = requiredText(ctx, "reason", reason);
    return applyMove(ctx, id, "reject", { expectedVersion, note: text, changes: { rejectionReason: text }, stampedIn: "decidedAt" });
  }

  @RequiresRole("CIVIL_AFFAIRS_OFFICER")
  @Mutation(() => FamilyCard)
  async issueFamilyCard(@Arg("applicationId", () => ID) applicationId: string, @Ctx() ctx: RequestContext): Promise<FamilyCard> {
    const { card, eventId } = await issueFamilyCard(ctx, applicationId, this.settings.subscribers);
    // The answer's card then carries its delivery (Shipment or OfficePickup) when delivery is up.
    if (this.dispatcher) {
      this.dispatcher.kick();
      await firstAnswers(ctx.db, eventId, ISSUE_ANSWER_WAIT_MS);
    }
    return card;
  }
}
