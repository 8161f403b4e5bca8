import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { Authenticated } from "../../../../kernel/graphql/authorization";
import { requireViewer, type RequestContext } from "../../../../kernel/context";
import { Violations } from "../../../../kernel/errors";
import { ChecksInput } from "../../../../kernel/graphql/inputChecks";
import { NationalAddressInput } from "../../../../kernel/graphql/nationalAddress";
import { In } from "typeorm";
import { CardApplication } from "../applications/cardApplication.entity";
import { ApplicationStatus, DeliveryMethod } from "../applications/enums";
import { Citizen } from "./citizen.entity";
import { checkNationalAddress, normalizeNationalAddress } from "./nationalAddressRules";

/** The address's formats (RULES.md); the address as it is stored. */
function checkAddressInput(args: { input: NationalAddressInput }, violations: Violations): NationalAddressInput {
  const address = normalizeNationalAddress(args.input);
  checkNationalAddress(address, violations, "input");
  return address;
}

/** Applications whose delivery address was confirmed at submission and whose card is not issued yet. */
const SUBMITTED_NOT_ISSUED = [ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW, ApplicationStatus.NEEDS_CORRECTION, ApplicationStatus.APPROVED];

@Resolver()
export class NationalAddressResolver {
  @Authenticated()
  @ChecksInput(checkAddressInput)
  @Mutation(() => Citizen, { description: "The signed-in citizen updates their national address; every bad field is reported at once. A card not yet issued for a submitted application goes to the new address." })
  async updateNationalAddress(@Arg("input") input: NationalAddressInput, @Ctx() ctx: RequestContext): Promise<Citizen> {
    const viewer = requireViewer(ctx);
    const violations = new Violations(ctx.lang);
    const address = checkAddressInput({ input }, violations);
    violations.throwIfAny();
    await ctx.db.transaction(async (tx) => {
      await tx.getRepository(Citizen).update({ nationalId: viewer.nationalId }, { address });
      // A card on its way to being issued goes to where the family lives now, not where it lived when it applied.
      await tx
        .getRepository(CardApplication)
        .update({ applicantId: viewer.nationalId, deliveryMethod: DeliveryMethod.SAUDI_POST, status: In(SUBMITTED_NOT_ISSUED) }, { deliveryAddressSnapshot: address });
    });
    return ctx.db.getRepository(Citizen).findOneByOrFail({ nationalId: viewer.nationalId });
  }
}
