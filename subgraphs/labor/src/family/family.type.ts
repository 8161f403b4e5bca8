import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Authenticated } from "../../../../kernel/graphql/authorization";
import { DateScalar } from "../../../../kernel/graphql/scalars";

/** Declared exactly as civil-affairs declares it (composition merges the two). */
export enum FamilyRelation {
  HEAD = "HEAD",
  SPOUSE = "SPOUSE",
  SON = "SON",
  DAUGHTER = "DAUGHTER",
}
registerEnumType(FamilyRelation, { name: "FamilyRelation" });

/** Civil-affairs' citizen: labor only reads the register facts eligibility needs, handed over by the gateway. */
@ObjectType()
@Directive('@key(fields: "nationalId", resolvable: false)')
export class Citizen {
  @Field(() => ID)
  nationalId!: string;

  @Field()
  @Directive("@external")
  nationality!: string;

  @Field(() => DateScalar)
  @Directive("@external")
  birthDate!: string;
}

@ObjectType()
export class FamilyMember {
  @Field(() => Citizen)
  @Directive("@external")
  citizen!: Citizen;

  @Field(() => FamilyRelation)
  @Directive("@external")
  relation!: FamilyRelation;
}

/**
 * Civil-affairs' family register, extended by labor. The gateway fetches head and members from
 * civil-affairs (@requires) and hands them over in the representation; a citizen's read uses labor's
 * own copy of the register instead (family/access.ts).
 * A Family that labor returns itself (BenefitEnrollment.family) carries only its key.
 */
@ObjectType()
@Directive('@key(fields: "registerNumber")')
@Authenticated()
export class Family {
  @Field(() => ID)
  registerNumber!: string;

  @Field(() => Citizen)
  @Directive("@external")
  head?: Citizen;

  @Field(() => [FamilyMember])
  @Directive("@external")
  members?: FamilyMember[];

  /** Not a field: the members labor's copy lists, when familiesToReview listed the family (whose data the listing is, for the audit). */
  listedMembers?: string[];
}

/** A family with the register facts present: what @requires delivers and what civil-affairs' API answers. */
export type FamilyComposition = Required<Pick<Family, "registerNumber" | "head" | "members">>;

/** The register facts labor's Family fields require from civil-affairs. */
export const REGISTER_FACTS = "head { nationalId nationality birthDate } members { relation citizen { nationalId birthDate } }";
