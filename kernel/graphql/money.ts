import { Directive, Field, Int, ObjectType } from "type-graphql";
import { numberFormat, type Lang } from "../i18n";

/** Money as the contract defines it: integer halalas (1 SAR = 100 halalas), never a float. */
@ObjectType({ description: "An amount of money in integer halalas (1 SAR = 100 halalas)." })
@Directive("@shareable")
export class Money {
  @Field(() => Int)
  halalas!: number;

  @Field({ description: '"SAR"' })
  currency!: string;

  @Field({ description: 'Localized, e.g. "100.00 ر.س" or "SAR 100.00".' })
  formatted!: string;
}

export function formatSar(halalas: number, lang: Lang): string {
  const amount = numberFormat("en-US", 2).format(halalas / 100);
  return lang === "ar" ? `${amount} ر.س` : `SAR ${amount}`;
}

export function money(halalas: number, lang: Lang): Money {
  return Object.assign(new Money(), { halalas, currency: "SAR", formatted: formatSar(halalas, lang) });
}
