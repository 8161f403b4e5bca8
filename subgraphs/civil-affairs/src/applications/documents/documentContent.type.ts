import { Field, ID, Int, ObjectType } from "type-graphql";
import { Authenticated } from "../../../../../kernel/graphql/authorization";
import { DocumentType } from "../enums";

/**
 * One document with its bytes (Query.documentContent): never a field of Document, so that a list
 * of documents cannot carry their contents. Personal data of `concerns` (audit/personalData.ts).
 */
@Authenticated()
@ObjectType({ description: "A document's bytes, as uploaded, with what describes them." })
export class DocumentContent {
  @Field(() => ID, { description: "The document's id (Document.id)." })
  id!: string;

  @Field(() => DocumentType)
  type!: DocumentType;

  @Field()
  fileName!: string;

  @Field({ description: "application/pdf, image/jpeg or image/png, as recognised from the content." })
  mimeType!: string;

  @Field(() => Int)
  sizeBytes!: number;

  @Field({ description: "SHA-256 of the bytes, hex; the bytes returned are checked against it." })
  sha256!: string;

  @Field({ description: "The bytes, base64 (at most 5 MiB decoded)." })
  contentBase64!: string;

  /** Whose data this is: the applicant and the people the document is about (documentContent.ts `concernedBy`). */
  concerns!: string[];
}
