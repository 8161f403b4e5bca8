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

/** The program of a code every decision names (the programs are those of the migrations). */
export function programWithCode(programs: BenefitProgram[], code: BenefitProgramCode): BenefitProgram {
  const program = programs.find((candidate) => candidate.code === code);
  if (!program) throw new Error(`No benefit program ${code}`);
  return program;
}

export async function findProgram(ctx: RequestContext, code: BenefitProgramCode): Promise<BenefitProgram | null> {
  return (await allPrograms(ctx)).find((program) => program.code === code) ?? null;
}

/** The program an enrollment names. */
export async function loadProgram(ctx: RequestContext, code: BenefitProgramCode): Promise<BenefitProgram> {
  return programWithCode(await allPrograms(ctx), code);
}
