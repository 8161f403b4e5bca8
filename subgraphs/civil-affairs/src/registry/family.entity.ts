import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Authenticated } from "../../../../kernel/graphql/authorization";
import { Column, CreateDateColumn, Entity, PrimaryColumn } from "typeorm";

/** A family register: one head, its members in FamilyMemberRow. */
@Entity()
@Authenticated()
@ObjectType()
@Directive('@key(fields: "registerNumber")')
export class Family {
  @PrimaryColumn({ type: "varchar", length: 10 })
  @Field(() => ID)
  registerNumber!: string;

  @Column({ type: "varchar", length: 10, unique: true })
  headId!: string;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;
}
