import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { Authenticated } from "../../../../kernel/graphql/authorization";
import { requireViewer, type RequestContext } from "../../../../kernel/context";
import { Violations } from "../../../../kernel/errors";
import { ChecksInput } from "../../../../kernel/graphql/inputChecks";
import { NationalAddressInput } from "../../../../kernel/graphql/nationalAddress";
import { Citizen } from "./citizen.entity";
import { checkNationalAddress, normalizeNationalAddress } from "./nationalAddressRules";

/** The address's formats (RULES.md); the address as it is stored. */
function checkAddressInput(args: { input: NationalAddressInput }, violations: Violations): NationalAddressInput {
  const address = normalizeNationalAddress(args.input);
  checkNationalAddress(address, violations, "input");
  return address;
}

@Resolver()
export class NationalAddressResolver {
  @Authenticated()
  @ChecksInput(checkAddressInput)
  @Mutation(() => Citizen, { description: "The signed-in citizen updates their national address; every bad field is reported at once." })
  async updateNationalAddress(@Arg("input") input: NationalAddressInput, @Ctx() ctx: RequestContext): Promise<Citizen> {
    const viewer = requireViewer(ctx);
    const violations = new Violations(ctx.lang);
    const address = checkAddressInput({ input }, violations);
    violations.throwIfAny();
    const citizens = ctx.db.getRepository(Citizen);
    await citizens.update({ nationalId: viewer.nationalId }, { address });
    return citizens.findOneByOrFail({ nationalId: viewer.nationalId });
  }
}
