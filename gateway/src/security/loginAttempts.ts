import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode, type ValueNode } from "graphql";
import { checkNationalId } from "../../../kernel/nationalId";

function argumentValue(node: ValueNode | undefined, variables: Record<string, unknown>, defaults: Map<string, ValueNode>): unknown {
  if (!node) return undefined;
  if (node.kind === Kind.VARIABLE) {
    const name = node.name.value;
    return name in variables ? variables[name] : argumentValue(defaults.get(name), {}, new Map());
  }
  if (node.kind === Kind.STRING || node.kind === Kind.INT) return node.value;
  return undefined;
}

/**
 * The national IDs that a mutation signs in with, however the operation is written: `login` under
 * an alias, in inline fragments or fragment spreads, the ID literal or a variable (an ID variable
 * may arrive as a JSON number, or not at all and take its default), in any digits. IDs that are not valid national IDs are left out:
 * civil-affairs refuses them before any password is checked.
 */
export function loginNationalIds(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): string[] {
  if (operation.operation !== "mutation") return [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  // A variable left out takes its default: `mutation($id: ID! = "…")` names the ID too.
  const defaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) if (definition.defaultValue) defaults.set(definition.variable.name.value, definition.defaultValue);
  const ids: string[] = [];
  const visited = new Set<string>();
  const walk = (set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== "login") continue;
        const raw = argumentValue(selection.arguments?.find((a) => a.name.value === "nationalId")?.value, variables, defaults);
        const check = typeof raw === "string" || typeof raw === "number" ? checkNationalId(String(raw)) : null;
        if (check?.ok) ids.push(check.nationalId);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet);
      } else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return ids;
}
