import type { GraphQLResolverMap } from "@apollo/subgraph";
import { isObjectType, type GraphQLField, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import type { RequestContext } from "../context";

export type FieldResolver = GraphQLFieldResolver<unknown, RequestContext>;

/**
 * Replaces the resolver of every field that takes arguments with what `wrap` makes of it (null:
 * left as it is). A field without arguments (nearly all of a response) stays a plain property
 * read instead of a chain of wrappers.
 */
export function wrapResolversTakingArguments(
  schema: GraphQLSchema,
  resolvers: GraphQLResolverMap<unknown>,
  wrap: (field: GraphQLField<unknown, unknown>, resolve: FieldResolver) => FieldResolver | null,
): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    // type-graphql's resolver map holds each field's resolver as a function (createResolversMap).
    const typeResolvers = resolvers[type.name] as Record<string, FieldResolver | undefined> | undefined;
    for (const field of Object.values(type.getFields())) {
      const resolve = typeResolvers?.[field.name];
      if (field.args.length === 0 || typeof resolve !== "function") continue;
      const wrapped = wrap(field, resolve);
      if (wrapped) typeResolvers![field.name] = wrapped;
    }
  }
}
