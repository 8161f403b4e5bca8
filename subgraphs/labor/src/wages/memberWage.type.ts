import { Field, ID, ObjectType } from "type-graphql";
import { money, Money } from "../../../../kernel/graphql/money";
import type { Lang } from "../../../../kernel/i18n";
import { DateScalar } from "../../../../kernel/graphql/scalars";
import { WageSource, type WageRecord } from "./wageRecord.entity";

/** One member's part of the household income: the wage record in effect today, if labor holds one. */
@ObjectType({ description: "A member's current monthly wage as labor holds it; the family's wages sum to its householdIncome." })
export class MemberWage {
  @Field(() => ID)
  nationalId!: string;

  @Field(() => Money, { description: "0 when labor holds no wage in effect for the member." })
  monthlyAmount!: Money;

  @Field(() => String, { nullable: true, description: "Null when labor holds no wage in effect for the member." })
  employer!: string | null;

  @Field(() => DateScalar, { nullable: true, description: "The day the wage took effect." })
  effectiveFrom!: string | null;

  @Field(() => WageSource, { nullable: true })
  source!: WageSource | null;
}

export function memberWageOf(nationalId: string, wage: WageRecord | null, lang: Lang): MemberWage {
  return Object.assign(new MemberWage(), {
    nationalId,
    monthlyAmount: money(wage?.monthlyHalalas ?? 0, lang),
    employer: wage?.employer ?? null,
    effectiveFrom: wage?.effectiveFrom ?? null,
    source: wage?.source ?? null,
  });
}
