import { Field, ID, InputType } from "type-graphql";
import { ApplicationKind, DeliveryMethod, DocumentType } from "./enums";

/** What an applicant may change on a draft; a new application adds its kind. */
@InputType()
export class UpdateCardApplicationInput {
  @Field(() => [ID], { nullable: true })
  spouseIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  childIds?: string[] | null;

  @Field(() => DeliveryMethod, { nullable: true })
  deliveryMethod?: DeliveryMethod | null;

  @Field(() => ID, { nullable: true })
  pickupOfficeId?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Required true for REPLACEMENT_LOST." })
  lossDeclaration?: boolean | null;
}

@InputType()
export class NewCardApplicationInput extends UpdateCardApplicationInput {
  @Field(() => ApplicationKind)
  kind!: ApplicationKind;
}

@InputType()
export class AttachDocumentInput {
  @Field(() => ID)
  applicationId!: string;

  @Field(() => DocumentType)
  type!: DocumentType;

  @Field()
  fileName!: string;

  @Field()
  mimeType!: string;

  @Field({ description: "The file's bytes, base64. PDF, JPEG or PNG, checked by content, at most 5 MiB." })
  contentBase64!: string;
}
