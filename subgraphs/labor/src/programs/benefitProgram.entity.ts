import { Directive, Field, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { BenefitProgramCode } from "./programCode";

@Entity()
@ObjectType()
@Directive('@key(fields: "code")')
export class BenefitProgram {
  @PrimaryColumn({ type: "varchar", length: 20 })
  @Field(() => BenefitProgramCode)
  code!: BenefitProgramCode;

  @Column({ type: "text" })
  @Field()
  nameAr!: string;

  @Column({ type: "text" })
  @Field()
  nameEn!: string;

  /** In English; `description` answers in the request's language (benefitProgram.resolver.ts). */
  @Column({ type: "text", name: "description" })
  descriptionEn!: string;

  @Column({ type: "text", name: "description_ar" })
  descriptionAr!: string;
}
