import type { GraphQLResolverMap } from "@apollo/subgraph";
import type { GraphQLSchema } from "graphql";
import type { RequestContext } from "../context";
import { badInput, type Violation } from "../errors";
import { wrapResolversTakingArguments } from "./argumentResolvers";
import { textMessages, textProblem } from "../text";

/** Text arguments have at most this many characters unless named below. */
const DEFAULT_MAX_LENGTH = 200;

/** Arguments and input fields, by name, that differ from the default; null: checked by their own rules. */
const BY_NAME: Record<string, { maxLength: number; multiline?: boolean } | null> = {
  contentBase64: null, // base64 alphabet and size, attachDocument.ts
  password: { maxLength: 256 },
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
 * Every field's text arguments, checked before its resolver runs (kernel/text.ts): every text
 * violation at once, as BAD_USER_INPUT naming the argument's path (`input.address.street`). The
 * resolver does not run with such text (a NUL would reach the database, an override be stored),
 * so its own rules are reported once the text is clean.
 */
function screenTextArguments(args: Record<string, unknown>, lang: RequestContext["lang"]): void {
  const violations: Violation[] = [];
  for (const [name, value] of Object.entries(args)) collect(value, name, name, violations, lang);
  if (violations.length > 0) throw badInput(lang, violations);
}

/** Puts the screen in front of every resolver of a field that takes arguments, and of no other. */
export function screenTextInputs(schema: GraphQLSchema, resolvers: GraphQLResolverMap<unknown>): void {
  wrapResolversTakingArguments(schema, resolvers, (_field, resolve) => (root, args, context, info) => {
    screenTextArguments(args, context.lang);
    return resolve(root, args, context, info);
  });
}
