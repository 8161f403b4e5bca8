import { Field, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { Citizen } from "./citizen.entity";
import { FamilyRelation } from "./enums";

/** Membership of one person in one family register; a person belongs to one register at a time. */
@Entity({ name: "family_member" })
@ObjectType("FamilyMember")
export class FamilyMember {
  @PrimaryColumn({ type: "varchar", length: 10 })
  nationalId!: string;

  @Column({ type: "varchar", length: 10 })
  registerNumber!: string;

  @Column({ type: "varchar", length: 8 })
  @Field(() => FamilyRelation)
  relation!: FamilyRelation;

  /**
   * Not a column: read in the same row as the member (membersByRegister, which every member the API
   * shows comes from), so that a review's 250 members need no resolver call, promise or load each.
   */
  @Field(() => Citizen)
  citizen?: Citizen;
}
