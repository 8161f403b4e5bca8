import type { DataSource } from "typeorm";
import type { RequestContext } from "../../../../kernel/context";
import { ReferenceData } from "../../../../kernel/referenceData";
import { BenefitProgram } from "./benefitProgram.entity";
import type { BenefitProgramCode } from "./programCode";

/** The five programs, read once a minute per process rather than on every request (they change only with a migration). */
const programs = new ReferenceData<DataSource, BenefitProgram[]>((db) => db.getRepository(BenefitProgram).find({ order: { code: "ASC" } }), 60_000);

export function allPrograms(ctx: RequestContext): Promise<BenefitProgram[]> {
  return programs.get(ctx.db);
}

const withCode = (list: BenefitProgram[], code: BenefitProgramCode) => list.find((program) => program.code === code) ?? null;

export async function findProgram(ctx: RequestContext, code: BenefitProgramCode): Promise<BenefitProgram | null> {
  return withCode(await allPrograms(ctx), code);
}

/** A program every decision and enrollment names: synchronous once the programs are read (a review resolves 250). */
export function loadProgram(ctx: RequestContext, code: BenefitProgramCode): BenefitProgram | Promise<BenefitProgram> {
  const known = programs.current(ctx.db);
  return known ? withCode(known, code)! : findProgram(ctx, code).then((program) => program!);
}
