import { In } from "typeorm";
import type { RequestContext } from "../../../../kernel/context";
import { loaderByKey } from "../../../../kernel/loaders";
import { BenefitProgram } from "./benefitProgram.entity";
import type { BenefitProgramCode } from "./programCode";

export const programByCode = loaderByKey<BenefitProgramCode, BenefitProgram, RequestContext>(
  (codes, ctx) => ctx.db.getRepository(BenefitProgram).findBy({ code: In([...codes]) }),
  (row) => row.code,
);

export async function loadProgram(ctx: RequestContext, code: BenefitProgramCode): Promise<BenefitProgram> {
  return (await ctx.loaders.get(programByCode).load(code))!;
}
