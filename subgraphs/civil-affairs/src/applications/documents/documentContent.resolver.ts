import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../../../../kernel/context";
import { Authenticated } from "../../../../../kernel/graphql/authorization";
import { documentContent } from "./documentContent";
import { DocumentContent } from "./documentContent.type";
import type { DocumentStore } from "./documentStore";

@Resolver(() => DocumentContent)
export class DocumentContentResolver {
  constructor(private readonly store: DocumentStore) {}

  @Authenticated()
  @Query(() => DocumentContent, {
    nullable: true,
    description:
      "One document's bytes, exactly as uploaded: for its applicant, and for a civil-affairs officer once the application is submitted and four-eyes lets him act on it (FORBIDDEN otherwise). One per request. Every download is recorded in the data-access report of the applicant and of the people the document is about.",
  })
  documentContent(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<DocumentContent> {
    return documentContent(ctx, this.store, id);
  }
}
