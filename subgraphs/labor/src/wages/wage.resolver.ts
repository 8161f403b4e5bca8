import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Resolver, Root } from "type-graphql";
import { RequiresRole } from "../../../../kernel/graphql/authorization";
import { ChecksInput } from "../../../../kernel/graphql/inputChecks";
import { requireViewer, type RequestContext } from "../../../../kernel/context";
import { appError, Violations } from "../../../../kernel/errors";
import { say } from "../../../../kernel/i18n";
import { money, Money } from "../../../../kernel/graphql/money";
import { DateScalar } from "../../../../kernel/graphql/scalars";
import { collectNationalId } from "../../../../kernel/validation";
import { MAX_MONTHLY_WAGE_HALALAS } from "../../../../kernel/wageCeiling";
import { wageMessages } from "./messages";
import { WageRecord, WageSource } from "./wageRecord.entity";
import { refreshEligibility } from "../register/refreshEligibility";
import type { FamilyRegister } from "../civilAffairs/civilAffairsRegister";
import { registersOf } from "../register/registerCopy";
import type { RuleSet } from "../rules/ruleSet";

const MAX_EMPLOYER_LENGTH = 200;

@InputType()
export class RecordWageInput {
  @Field(() => ID)
  nationalId!: string;

  @Field(() => Int, { description: "The new monthly wage in halalas (0 when the employment ended)." })
  monthlyHalalas!: number;

  @Field()
  employer!: string;

  @Field(() => DateScalar)
  effectiveFrom!: string;
}

/** The latest date a wage change may take effect: one year from `today` ("YYYY-MM-DD", the request's day). */
function latestEffectiveDate(today: string): string {
  const latest = new Date(`${today}T00:00:00Z`);
  latest.setUTCFullYear(latest.getUTCFullYear() + 1);
  return latest.toISOString().slice(0, 10);
}

/** The wage's own rules: a valid national ID, an amount in range, an employer, a date within a year; the person's ID as stored. */
function checkWageInput({ input }: { input: RecordWageInput }, violations: Violations, ctx: RequestContext): string | null {
  const nationalId = collectNationalId(violations, "input.nationalId", input.nationalId);
  if (!Number.isInteger(input.monthlyHalalas) || input.monthlyHalalas < 0 || input.monthlyHalalas > MAX_MONTHLY_WAGE_HALALAS) {
    violations.add("input.monthlyHalalas", "AMOUNT_RANGE", wageMessages.amount, { max: MAX_MONTHLY_WAGE_HALALAS });
  }
  const employer = input.employer.trim();
  if (employer === "" || employer.length > MAX_EMPLOYER_LENGTH) {
    violations.add("input.employer", "REQUIRED", wageMessages.employer, { max: MAX_EMPLOYER_LENGTH });
  }
  const latest = latestEffectiveDate(ctx.today);
  if (input.effectiveFrom > latest) violations.add("input.effectiveFrom", "TOO_FAR_AHEAD", wageMessages.tooFarAhead, { latest });
  return nationalId;
}

@Resolver(() => WageRecord)
export class WageResolver {
  constructor(
    private readonly ruleSet: RuleSet,
    private readonly register: FamilyRegister,
  ) {}

  @RequiresRole("LABOR_OFFICER")
  @ChecksInput(checkWageInput)
  @Mutation(() => WageRecord, {
    description:
      "Labor officers: record a person's new monthly wage from a date on (not before his birth, at most a year ahead). Not his own, nor his spouse's or child's, nor that of anyone in a register with him (FORBIDDEN, FOUR_EYES); a national ID that names nobody is PERSON_NOT_FOUND.",
  })
  async recordWage(@Arg("input") input: RecordWageInput, @Ctx() ctx: RequestContext): Promise<WageRecord> {
    const officer = requireViewer(ctx);
    const violations = new Violations(ctx.lang);
    const nationalId = checkWageInput({ input }, violations, ctx);
    // A person to look up: what the register says of him joins the input's other problems, all in one error.
    if (!nationalId) violations.throwIfAny();
    // The person's registers: for four-eyes (not the officer, nor in a register with him) and, after, the eligibility to refresh.
    const registers = await registersOf(ctx.db, [nationalId!]);
    const sharesRegister = (await registersOf(ctx.db, [officer.nationalId])).some((register) => registers.includes(register));
    const refused = () => appError("FORBIDDEN", ctx.lang, say(ctx.lang, wageMessages.ownFamily, undefined), { reason: "FOUR_EYES" });
    if (nationalId === officer.nationalId || sharesRegister) throw refused();
    // His spouse or child in a register of their own: civil-affairs knows them (RULES.md's four-eyes).
    const person = await this.register.person(nationalId!, ctx);
    if (person && !person.viewerMayAct) throw refused();
    if (!person) violations.add("input.nationalId", "PERSON_NOT_FOUND", wageMessages.unknownPerson, undefined);
    else if (input.effectiveFrom < person.birthDate) violations.add("input.effectiveFrom", "BEFORE_BIRTH", wageMessages.beforeBirth, { birthDate: person.birthDate });
    violations.throwIfAny();
    const wages = ctx.db.getRepository(WageRecord);
    const wage = await wages.save(
      wages.create({
        nationalId: nationalId!,
        monthlyHalalas: input.monthlyHalalas,
        employer: input.employer.trim(),
        source: WageSource.OFFICER,
        effectiveFrom: input.effectiveFrom,
        recordedBy: officer.nationalId,
      }),
    );
    // A wage changes the household income: the dashboards' stored eligibility follows at once.
    await refreshEligibility(ctx.db, this.ruleSet, registers, ctx.now);
    return wage;
  }

  @FieldResolver(() => Money)
  monthlyAmount(@Root() wage: WageRecord, @Ctx() ctx: RequestContext): Money {
    return money(wage.monthlyHalalas, ctx.lang);
  }
}
