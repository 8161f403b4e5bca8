import type { GraphQLResolverMap } from "@apollo/subgraph";
import {
  defaultFieldResolver,
  getNamedType,
  isAbstractType,
  isObjectType,
  type GraphQLAbstractType,
  type GraphQLFieldResolver,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionNode,
  GraphQLError,
  Kind,
} from "graphql";
import type { RequestContext } from "../context";
import type { AuditPolicy } from "./policy";
import { lacksPurpose, purposeRequired } from "./purpose";
import { trailOf, type AuditTrail } from "./trail";

type Resolver = GraphQLFieldResolver<any, RequestContext>;
type ResolverMap = Record<string, Record<string, unknown>>;

/** The personal types among what a field can return (one for an object type, some for a union). */
function personalTypesOf(type: GraphQLNamedType, schema: GraphQLSchema, policy: AuditPolicy): string[] {
  if (isObjectType(type)) return policy.personal[type.name] ? [type.name] : [];
  if (isAbstractType(type)) return schema.getPossibleTypes(type).map((t) => t.name).filter((name) => policy.personal[name]);
  return [];
}

async function typeNameOf(value: any, type: GraphQLNamedType, ctx: RequestContext, info: GraphQLResolveInfo): Promise<string | undefined> {
  if (isObjectType(type)) return type.name;
  const abstract = type as GraphQLAbstractType;
  const resolved = await abstract.resolveType?.(value, ctx, info, abstract);
  if (typeof resolved === "string") return resolved;
  for (const candidate of info.schema.getPossibleTypes(abstract)) {
    if (await candidate.isTypeOf?.(value, ctx, info)) return candidate.name;
  }
  return value?.constructor?.name;
}

function itemsOf(result: unknown): object[] {
  const list = Array.isArray(result) ? result.flat(Infinity) : [result];
  return list.filter((item): item is object => item !== null && typeof item === "object" && !(item instanceof Error));
}

/**
 * Refuses an officer without a stated purpose when `result` holds personal data of anyone else
 * (an owner that cannot be told counts as someone else).
 */
async function assertPurpose(policy: AuditPolicy, ctx: RequestContext, info: GraphQLResolveInfo, type: GraphQLNamedType, result: unknown) {
  for (const item of itemsOf(result)) {
    const typeName = await typeNameOf(item, type, ctx, info);
    const personal = typeName ? policy.personal[typeName] : undefined;
    if (!personal) continue;
    const owners = await personal.owners(item, ctx);
    if (owners === null || owners.some((owner) => owner !== ctx.viewer!.nationalId)) throw purposeRequired(ctx);
  }
}

/** The fields a selection asks for, through fragments, `__typename` aside. */
function fieldsAskedFor(selections: readonly SelectionNode[], info: GraphQLResolveInfo, names = new Set<string>()): Set<string> {
  for (const selection of selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== "__typename") names.add(selection.name.value);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) fieldsAskedFor(selection.selectionSet.selections, info, names);
    else {
      const fragment = info.fragments[selection.name.value];
      if (fragment) fieldsAskedFor(fragment.selectionSet.selections, info, names);
    }
  }
  return names;
}

/** A query refused the object its arguments name: noted refused, each field asked for, in that object's owners' report. */
async function noteRefusedLookup(lookup: NonNullable<AuditPolicy["namedByArguments"]>[string], args: Record<string, unknown>, ctx: RequestContext, info: GraphQLResolveInfo) {
  const asked = await lookup(args, ctx).catch(() => null);
  if (!asked) return;
  const trail = trailOf(ctx);
  for (const name of fieldsAskedFor(info.fieldNodes.flatMap((node) => node.selectionSet?.selections ?? []), info)) trail.noteRefused(asked.type, asked.value, `${asked.type}.${name}`);
}

/** A field's error, noted as a refused read when it is FORBIDDEN, then thrown on. */
function noteIfRefused(trail: AuditTrail, type: string, root: object, field: string, error: unknown): never {
  if (error instanceof GraphQLError && error.extensions.code === "FORBIDDEN") trail.noteRefused(type, root, field);
  throw error;
}

/**
 * Wraps a subgraph's resolvers so that personal data is audited without touching any resolver:
 * - every field of a personal type notes (object, field) in the request's trail (synchronously,
 *   no extra promise), written by the audit plugin when the response is sent;
 * - every field (and `__resolveReference`) that returns a personal type refuses an officer without
 *   a stated purpose when the result is someone else's;
 * - every mutation that returns a personal type is refused up front for an officer without a
 *   purpose, and notes a change of the result's owners.
 */
export function auditResolvers(policy: AuditPolicy) {
  return (resolvers: GraphQLResolverMap<unknown>, schema: GraphQLSchema): void => {
    const map = resolvers as unknown as ResolverMap;
    const mutationType = schema.getMutationType()?.name;
    const queryType = schema.getQueryType()?.name;
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith("__") || type.name === "_Service") continue;
      const typeResolvers = (map[type.name] ??= {});
      const parentPersonal = Boolean(policy.personal[type.name]);
      const isMutation = type.name === mutationType;

      for (const field of Object.values(type.getFields())) {
        const declared = typeResolvers[field.name];
        const original: Resolver =
          typeof declared === "function" ? (declared as Resolver) : ((declared as { resolve?: Resolver } | undefined)?.resolve ?? defaultFieldResolver);
        const returned = getNamedType(field.type);
        const childTypes = personalTypesOf(returned, schema, policy);
        const hintChildren = parentPersonal && childTypes.some((name) => policy.personal[name]!.ownersFromParent);
        let wrapped: Resolver = original;

        if (isMutation && childTypes.length > 0) {
          const qualified = `Mutation.${field.name}`;
          wrapped = async (root, args, ctx, info) => {
            if (lacksPurpose(ctx)) throw purposeRequired(ctx);
            const result = await original(root, args, ctx, info);
            if (ctx.viewer) {
              for (const item of itemsOf(result)) {
                const name = await typeNameOf(item, returned, ctx, info);
                if (name && policy.personal[name]) trailOf(ctx).noteChange(name, item, qualified);
              }
            }
            return result;
          };
        } else if (childTypes.length > 0) {
          wrapped = (root, args, ctx, info) => {
            const purposeCheck = lacksPurpose(ctx);
            if (!purposeCheck && !hintChildren) return original(root, args, ctx, info);
            return Promise.resolve(original(root, args, ctx, info)).then(async (result) => {
              if (purposeCheck) await assertPurpose(policy, ctx, info, returned, result);
              if (hintChildren && ctx.viewer) {
                const trail = trailOf(ctx);
                for (const item of itemsOf(result)) trail.parents.set(item, { type: type.name, value: root });
              }
              return result;
            });
          };
        }

        if (parentPersonal) {
          const inner = wrapped;
          const qualified = `${type.name}.${field.name}`;
          // Noted once the field has resolved: a refused read is recorded as refused, never as a read.
          // No closure on the synchronous path: a review resolves thousands of personal fields.
          wrapped = (root, args, ctx, info) => {
            if (!ctx.viewer || !root || typeof root !== "object") return inner(root, args, ctx, info);
            const trail = trailOf(ctx);
            let result: unknown;
            try {
              result = inner(root, args, ctx, info);
            } catch (error) {
              return noteIfRefused(trail, type.name, root, qualified, error);
            }
            if (!(result instanceof Promise)) {
              trail.noteRead(type.name, root, qualified);
              return result;
            }
            return result.then(
              (value) => {
                trail.noteRead(type.name, root, qualified);
                return value;
              },
              (error) => noteIfRefused(trail, type.name, root, qualified, error),
            );
          };
        }
        const lookup = type.name === queryType ? policy.namedByArguments?.[field.name] : undefined;
        if (lookup) {
          const inner = wrapped;
          wrapped = async (root, args, ctx, info) => {
            try {
              return await inner(root, args, ctx, info);
            } catch (error) {
              // A refusal for want of a purpose records nothing, as everywhere: the officer may ask again with one.
              const refused = error instanceof GraphQLError && error.extensions.code === "FORBIDDEN" && error.extensions.reason !== "PURPOSE_REQUIRED";
              if (ctx.viewer && refused) await noteRefusedLookup(lookup, args, ctx, info);
              throw error;
            }
          };
        }
        if (wrapped !== original) typeResolvers[field.name] = wrapped;
      }

      const reference = typeResolvers.__resolveReference as ((ref: unknown, ctx: RequestContext, info: GraphQLResolveInfo) => unknown) | undefined;
      if (parentPersonal && reference) {
        typeResolvers.__resolveReference = (ref: unknown, ctx: RequestContext, info: GraphQLResolveInfo) => {
          if (!lacksPurpose(ctx)) return reference(ref, ctx, info);
          return Promise.resolve(reference(ref, ctx, info)).then(async (value) => {
            await assertPurpose(policy, ctx, info, type, value);
            return value;
          });
        };
      }
    }
  };
}
