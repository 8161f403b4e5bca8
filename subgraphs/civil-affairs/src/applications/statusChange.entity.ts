import { Field, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { ApplicationStatus } from "./enums";

/** One move of an application, appended in the transaction that makes it. */
@Entity({ name: "application_history" })
@ObjectType("StatusChange")
export class StatusChange {
  @PrimaryGeneratedColumn("increment")
  id!: number;

  @Column({ type: "uuid" })
  applicationId!: string;

  @Column({ type: "varchar", length: 16, nullable: true })
  @Field(() => ApplicationStatus, { nullable: true })
  from!: ApplicationStatus | null;

  @Column({ type: "varchar", length: 16 })
  @Field(() => ApplicationStatus)
  to!: ApplicationStatus;

  @Column({ type: "timestamptz" })
  @Field()
  at!: Date;

  @Column({ type: "varchar", length: 10 })
  @Field({ description: "National ID of who made the change, or 'system'." })
  by!: string;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true })
  note!: string | null;
}
