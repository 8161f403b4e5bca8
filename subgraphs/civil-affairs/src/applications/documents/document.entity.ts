import { Field, ID, Int, ObjectType } from "type-graphql";
import { Authenticated } from "../../../../../kernel/graphql/authorization";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { DocumentType } from "../enums";

/** A document attached to an application; its bytes live once per hash in DocumentBlob. */
@Entity({ name: "application_document" })
@Authenticated()
@ObjectType("Document")
export class ApplicationDocument {
  @PrimaryGeneratedColumn("uuid")
  @Field(() => ID)
  id!: string;

  @Column({ type: "uuid" })
  applicationId!: string;

  @Column({ type: "varchar", length: 24 })
  @Field(() => DocumentType)
  type!: DocumentType;

  @Column({ type: "text" })
  @Field()
  fileName!: string;

  @Column({ type: "varchar", length: 32 })
  @Field()
  mimeType!: string;

  @Column({ type: "int" })
  @Field(() => Int)
  sizeBytes!: number;

  @Column({ type: "char", length: 64 })
  @Field()
  sha256!: string;

  @Column({ type: "timestamptz" })
  @Field()
  uploadedAt!: Date;
}
