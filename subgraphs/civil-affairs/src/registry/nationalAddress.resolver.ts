import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { Authenticated } from "../../../../kernel/graphql/authorization";
import { requireViewer, type RequestContext } from "../../../../kernel/context";
import { Violations } from "../../../../kernel/errors";
import { NationalAddressInput } from "../../../../kernel/graphql/nationalAddress";
import { Citizen } from "./citizen.entity";
import { checkNationalAddress, normalizeNationalAddress } from "./nationalAddressRules";

@Resolver()
export class NationalAddressResolver {
  @Authenticated()
  @Mutation(() => Citizen, { description: "The signed-in citizen updates their national address; every bad field is reported at once." })
  async updateNationalAddress(@Arg("input") input: NationalAddressInput, @Ctx() ctx: RequestContext): Promise<Citizen> {
    const viewer = requireViewer(ctx);
    const address = normalizeNationalAddress(input);
    const violations = new Violations(ctx.lang);
    checkNationalAddress(address, violations, "input");
    violations.throwIfAny();
    const citizens = ctx.db.getRepository(Citizen);
    await citizens.update({ nationalId: viewer.nationalId }, { address });
    return citizens.findOneByOrFail({ nationalId: viewer.nationalId });
  }
}
