import type { GraphQLResolverMap } from "@apollo/subgraph";
import {
  GraphQLID,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLInputType,
  type GraphQLSchema,
} from "graphql";
import { normalizeDigits } from "../digits";
import { wrapResolversTakingArguments } from "./argumentResolvers";

/** Rewrites one argument's value: its ID parts with Western digits, the rest as it is. */
type Normalizer = (value: unknown) => unknown;

const normalizeId: Normalizer = (value) => (typeof value === "string" ? normalizeDigits(value) : value);

/** Whether an ID can occur in a value of `type`; `enclosing` holds the input objects being walked (cycles). */
function holdsId(type: GraphQLInputType, enclosing = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (named === GraphQLID) return true;
  if (!isInputObjectType(named) || enclosing.has(named.name)) return false;
  enclosing.add(named.name);
  const found = Object.values(named.getFields()).some((field) => holdsId(field.type, enclosing));
  enclosing.delete(named.name);
  return found;
}

/** The normalizer of a value of `type`, or null when no ID can occur in it. */
function normalizerOf(type: GraphQLInputType): Normalizer | null {
  if (!holdsId(type)) return null;
  if (isNonNullType(type)) return normalizerOf(type.ofType);
  if (isListType(type)) {
    const item = normalizerOf(type.ofType)!;
    return (value) => (Array.isArray(value) ? value.map(item) : item(value));
  }
  if (!isInputObjectType(type)) return normalizeId;
  // Built on first use, so that an input holding itself (directly or not) is walked as deep as the value goes.
  let fields: (readonly [string, Normalizer])[] | undefined;
  return (value) => {
    if (value === null || typeof value !== "object") return value;
    fields ??= Object.values(type.getFields()).flatMap((field) => {
      const normalize = normalizerOf(field.type);
      return normalize ? [[field.name, normalize] as const] : [];
    });
    const copy = { ...(value as Record<string, unknown>) };
    for (const [name, normalize] of fields) if (copy[name] != null) copy[name] = normalize(copy[name]);
    return copy;
  };
}

/**
 * RULES: "IDs and other digits typed in Eastern Arabic numerals (١٠٠٠٠٠٠٠٠٨) are accepted and
 * normalised". Every ID a field takes, as an argument or inside an input (a register, card,
 * tracking or office number), reaches its resolver with Western digits and no surrounding
 * spaces, so no resolver can forget it. Only fields taking an ID are wrapped.
 */
export function normalizeIdentifierInputs(schema: GraphQLSchema, resolvers: GraphQLResolverMap<unknown>): void {
  wrapResolversTakingArguments(schema, resolvers, (field, resolve) => {
    const normalizers = field.args.flatMap((arg) => {
      const normalize = normalizerOf(arg.type);
      return normalize ? [[arg.name, normalize] as const] : [];
    });
    if (normalizers.length === 0) return null;
    return (root, args, context, info) => {
      const normalized: Record<string, unknown> = { ...args };
      for (const [name, normalize] of normalizers) if (normalized[name] != null) normalized[name] = normalize(normalized[name]);
      return resolve(root, normalized, context, info);
    };
  });
}
