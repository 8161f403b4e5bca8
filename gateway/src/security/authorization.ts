import {
  getNamedType,
  getNullableType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from "graphql";
import { getDirectiveValues } from "graphql/execution/values";
import type { Viewer } from "../../../kernel/auth/viewer";
import type { AuthorizationMetadata, Requirement } from "./directives";

export type Refusal = "UNAUTHENTICATED" | "FORBIDDEN";

/** One selection the caller may not make: the response has null there and one error says why. */
export interface Removal {
  /** Response path; `@` stands for every item of a list (as Apollo Router reports it). */
  path: Array<string>;
  code: Refusal;
}

export interface AuthorizedOperation {
  /** The operation without the refused selections (fragments inlined), or null when nothing was refused. */
  document: DocumentNode | null;
  removals: Removal[];
  /** Puts null where refused fields were (propagating like GraphQL does) and drops the helper fields. */
  complete(data: Record<string, unknown> | null | undefined): Record<string, unknown> | null | undefined;
}

/** Alias of the `__typename` added where selections were removed: keeps the selection set valid and tells the runtime type. */
export const TYPENAME_ALIAS = "__authz_typename";

function check(requirement: Requirement | undefined, viewer: Viewer | null): Refusal | null {
  if (!requirement) return null;
  if (!viewer) return "UNAUTHENTICATED";
  const held = new Set<string>(viewer.roles);
  const ok = requirement.scopes.every((anyOf) => anyOf.some((allOf) => allOf.every((scope) => held.has(scope))));
  return ok ? null : "FORBIDDEN";
}

function combine(a: Requirement | undefined, b: Requirement | undefined): Requirement | undefined {
  if (!a) return b;
  if (!b) return a;
  return { authenticated: true, scopes: [...a.scopes, ...b.scopes] };
}

function listDepth(type: GraphQLOutputType): number {
  let depth = 0;
  let current: GraphQLOutputType = getNullableType(type);
  while (isListType(current)) {
    depth += 1;
    current = getNullableType(current.ofType);
  }
  return depth;
}

const TYPENAME_SELECTION: FieldNode = { kind: Kind.FIELD, alias: { kind: Kind.NAME, value: TYPENAME_ALIAS }, name: { kind: Kind.NAME, value: "__typename" } };

/**
 * Walks the operation against the API schema and the supergraph's authorization metadata, as
 * Apollo Router does before planning: refused fields (and fragments on refused types) are removed.
 */
export function authorizeOperation(
  schema: GraphQLSchema,
  metadata: AuthorizationMetadata,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  viewer: Viewer | null,
): AuthorizedOperation {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const removals: Removal[] = [];
  const removedFields = new Set<FieldNode>();

  const included = (node: SelectionNode): boolean => {
    const skip = getDirectiveValues(GraphQLSkipDirective, node, variables);
    if (skip?.if === true) return false;
    const include = getDirectiveValues(GraphQLIncludeDirective, node, variables);
    return include?.if !== false;
  };
  const fieldOf = (parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined =>
    isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;

  /** Returns the filtered selection set and whether anything was removed at or below it. */
  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, path: string[]): { selections: SelectionNode[]; removed: boolean } => {
    const selections: SelectionNode[] = [];
    let removed = false;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const key = selection.alias?.value ?? name;
        const field = name.startsWith("__") ? undefined : fieldOf(parent, name);
        if (!field) {
          selections.push(selection);
          continue;
        }
        const returned = getNamedType(field.type);
        const refusal = included(selection) ? check(combine(metadata.fields.get(`${parent.name}.${name}`), metadata.types.get(returned.name)), viewer) : null;
        if (refusal) {
          removals.push({ path: [...path, key], code: refusal });
          removedFields.add(selection);
          removed = true;
          continue;
        }
        if (selection.selectionSet && isCompositeType(returned)) {
          const childPath = [...path, key, ...Array<string>(listDepth(field.type)).fill("@")];
          const child = walk(selection.selectionSet, returned, childPath);
          if (child.removed) {
            removed = true;
            selections.push({ ...selection, selectionSet: { kind: Kind.SELECTION_SET, selections: [...child.selections, TYPENAME_SELECTION] } });
          } else selections.push({ ...selection, selectionSet: { kind: Kind.SELECTION_SET, selections: child.selections } });
        } else selections.push(selection);
        continue;
      }
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
      if (!fragment) continue;
      const conditionName = fragment.typeCondition?.name.value;
      const condition = (conditionName ? schema.getType(conditionName) : parent) as GraphQLCompositeType | undefined;
      if (!condition) continue;
      const refusal = included(selection) && conditionName ? check(metadata.types.get(conditionName), viewer) : null;
      if (refusal) {
        removals.push({ path: [...path, `... on ${conditionName}`], code: refusal });
        removed = true;
        continue;
      }
      const child = walk(fragment.selectionSet, condition, path);
      removed ||= child.removed;
      if (child.selections.length === 0) continue;
      selections.push({
        kind: Kind.INLINE_FRAGMENT,
        typeCondition: fragment.typeCondition,
        directives: selection.directives,
        selectionSet: { kind: Kind.SELECTION_SET, selections: child.selections },
      });
    }
    return { selections, removed };
  };

  const root = schema.getRootType(operation.operation);
  if (!root) return { document: null, removals: [], complete: (data) => data };
  const result = walk(operation.selectionSet, root, []);
  if (removals.length === 0) return { document: null, removals, complete: (data) => data };

  const rootSelections = result.selections.length > 0 ? result.selections : [TYPENAME_SELECTION];
  const filtered: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [{ ...operation, selectionSet: { kind: Kind.SELECTION_SET, selections: rootSelections } }],
  };

  const INVALID = Symbol("null propagates");
  /** Fields of one object by response key, following the fragments that apply to its runtime type. */
  const collect = (selectionSets: readonly SelectionSetNode[], runtime: GraphQLCompositeType, into = new Map<string, FieldNode[]>()) => {
    for (const selectionSet of selectionSets) {
      for (const selection of selectionSet.selections) {
        if (!included(selection)) continue;
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          into.set(key, [...(into.get(key) ?? []), selection]);
          continue;
        }
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
        if (!fragment) continue;
        const conditionName = fragment.typeCondition?.name.value;
        if (conditionName && conditionName !== runtime.name) {
          const condition = schema.getType(conditionName);
          if (!condition || !isAbstractType(condition) || !isObjectType(runtime) || !schema.isSubType(condition, runtime)) continue;
        }
        collect([fragment.selectionSet], runtime, into);
      }
    }
    return into;
  };

  const completeValue = (type: GraphQLOutputType, nodes: FieldNode[], value: unknown): unknown => {
    if (value === null || value === undefined) return value;
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      if (!Array.isArray(value)) return value;
      const items = value.map((item) => {
        const completed = completeValue(nullable.ofType, nodes, item);
        return completed === INVALID ? (isNonNullType(nullable.ofType) ? INVALID : null) : completed;
      });
      return items.includes(INVALID) ? INVALID : items;
    }
    if (!isCompositeType(nullable) || typeof value !== "object") return value;
    return completeObject(nullable, nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : [])), value as Record<string, unknown>);
  };

  const completeObject = (declared: GraphQLCompositeType, selectionSets: SelectionSetNode[], object: Record<string, unknown>): unknown => {
    const typename = object[TYPENAME_ALIAS];
    if (typename === undefined) return object; // nothing was removed below this object
    delete object[TYPENAME_ALIAS];
    const runtime = (typeof typename === "string" ? schema.getType(typename) : undefined) ?? declared;
    if (!isCompositeType(runtime)) return object;
    for (const [key, nodes] of collect(selectionSets, runtime)) {
      const field = fieldOf(runtime, nodes[0]!.name.value);
      if (!field) continue;
      if (nodes.some((node) => removedFields.has(node))) {
        object[key] = null;
        if (isNonNullType(field.type)) return INVALID;
        continue;
      }
      if (!(key in object)) continue;
      const completed = completeValue(field.type, nodes, object[key]);
      if (completed === INVALID) {
        if (isNonNullType(field.type)) return INVALID;
        object[key] = null;
      } else object[key] = completed;
    }
    return object;
  };

  return {
    document: filtered,
    removals,
    complete(data) {
      if (!data) return data;
      const withMarker = { ...data, [TYPENAME_ALIAS]: data[TYPENAME_ALIAS] ?? root.name };
      const completed = completeObject(root, [operation.selectionSet], withMarker);
      return completed === INVALID ? null : (completed as Record<string, unknown>);
    },
  };
}
