import { Field, ID, ObjectType } from "type-graphql";
import { DocumentType } from "./enums";

/**
 * One document the rules ask of an application, and for whom: what `missingDocuments` sums up,
 * person by person, so that an officer sees which spouse the registry does not link to the
 * applicant and which child's birth record names someone else.
 */
@ObjectType("DocumentRequirement")
export class DocumentRequirement {
  @Field(() => DocumentType)
  type!: DocumentType;

  @Field(() => ID, {
    nullable: true,
    description: "The spouse or child it is asked for (a marriage contract, an iqama copy, a birth certificate); null for the application's own (a damaged card's photo). A person the reader may not see is left out with what is asked for him.",
  })
  personId!: string | null;

  @Field({ description: "An attached document of this type answers it (documents are matched by type, one for one, in the order the people are named)." })
  met!: boolean;
}
