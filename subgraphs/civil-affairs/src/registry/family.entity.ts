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

  /** When the row was written, for the database's own record: nothing reads it, so no read selects it (a review's rows skip a timestamp each). */
  @CreateDateColumn({ type: "timestamptz", select: false })
  createdAt!: Date;
}
