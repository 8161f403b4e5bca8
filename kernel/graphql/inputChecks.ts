import type { GraphQLField } from "graphql";
import { Extensions } from "type-graphql";
import type { RequestContext } from "../context";
import type { Violations } from "../errors";

/**
 * A field's own rules on its arguments that need nothing but the arguments and the request (no
 * database): formats, ranges, a file's content. The resolver runs it; so does the text screen
 * (textInputs.ts) when it refuses bad text, so that one refusal lists every violation at once
 * rather than the text's now and the rest on the next try. It may be given text the screen
 * refused, and must only read it.
 */
export type InputCheck<Args> = (args: Args, violations: Violations, ctx: RequestContext) => unknown;

/** Declares the field's InputCheck, kept as a field extension of the type-graphql schema. */
export function ChecksInput<Args>(check: InputCheck<Args>) {
  return Extensions({ inputCheck: check });
}

export function inputCheckOf(field: GraphQLField<unknown, unknown>): InputCheck<Record<string, unknown>> | undefined {
  return field.extensions.inputCheck as InputCheck<Record<string, unknown>> | undefined;
}
