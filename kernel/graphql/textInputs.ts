import type { GraphQLResolverMap } from "@apollo/subgraph";
import type { GraphQLField, GraphQLSchema } from "graphql";
import type { RequestContext } from "../context";
import { badInput, Violations, type Violation } from "../errors";
import { wrapResolversTakingArguments } from "./argumentResolvers";
import { inputCheckOf, type InputCheck } from "./inputChecks";
import { textMessages, textProblem } from "../text";

/** Text arguments have at most this many characters unless named below. */
const DEFAULT_MAX_LENGTH = 200;

/** Arguments and input fields, by name, that differ from the default; null: checked by their own rules. */
const BY_NAME: Record<string, { maxLength: number; multiline?: boolean } | null> = {
  contentBase64: null, // base64 alphabet and size, attachDocument.ts
  password: { maxLength: 256 },
  idempotencyKey: { maxLength: 128 }, // the key's column (submission_key) holds 128
  notes: { maxLength: 2000, multiline: true },
  reason: { maxLength: 2000, multiline: true },
  description: { maxLength: 2000, multiline: true },
};

function collect(value: unknown, path: string, name: string, violations: Violation[], lang: RequestContext["lang"]): void {
  if (typeof value === "string") {
    const rule = BY_NAME[name] === undefined ? { maxLength: DEFAULT_MAX_LENGTH } : BY_NAME[name];
    const problem = rule && textProblem(value, rule);
    if (problem) violations.push({ field: path, rule: problem, message: textMessages[problem][lang]({ max: rule!.maxLength }) });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => collect(item, `${path}[${index}]`, name, violations, lang));
  } else if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) collect(item, `${path}.${key}`, key, violations, lang);
  }
}

/**
 * The field's other rules on the same arguments (inputChecks.ts), on the fields whose text passed:
 * a field refused for its text is not also refused for what the text says. A rule that cannot read
 * refused text is left for the next try.
 */
function otherViolations(check: InputCheck<Record<string, unknown>>, args: Record<string, unknown>, context: RequestContext, screened: Violation[]): Violation[] {
  const found = new Violations(context.lang);
  try {
    check(args, found, context);
  } catch {
    return [];
  }
  // A check names its fields by the same paths as the screen (`input.fileName`, `location`).
  return found.list.filter((violation) => !screened.some((text) => text.field === violation.field));
}

/**
 * Every field's text arguments, checked before its resolver runs (kernel/text.ts): every text
 * violation at once, as BAD_USER_INPUT naming the argument's path (`input.address.street`), with
 * the violations of the field's own input check beside them. The resolver does not run with such
 * text (a NUL would reach the database, an override be stored).
 */
function screenTextArguments(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>, context: RequestContext): void {
  const violations: Violation[] = [];
  for (const [name, value] of Object.entries(args)) collect(value, name, name, violations, context.lang);
  if (violations.length === 0) return;
  const check = inputCheckOf(field);
  throw badInput(context.lang, check ? [...violations, ...otherViolations(check, args, context, violations)] : violations);
}

/** Puts the screen in front of every resolver of a field that takes arguments, and of no other. */
export function screenTextInputs(schema: GraphQLSchema, resolvers: GraphQLResolverMap<unknown>): void {
  wrapResolversTakingArguments(schema, resolvers, (field, resolve) => (root, args, context, info) => {
    screenTextArguments(field, args, context);
    return resolve(root, args, context, info);
  });
}
