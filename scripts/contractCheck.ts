import fs from "node:fs";
import path from "node:path";
// A dependency of @apollo/composition and @apollo/gateway (same pinned version); it builds the API schema
// exactly as the gateway does: @inaccessible elements and join__/link__ definitions removed.
import { buildSupergraph } from "../kernel/graphql/authorizationSupergraph";
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isSpecifiedScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from "graphql";

const ROOT = path.resolve(__dirname, "..");
export const SHARED_CONTRACT = path.resolve(ROOT, "..", "shared", "contract", "api.graphql");
export const VENDORED_CONTRACT = path.join(ROOT, "schema", "contract", "api.graphql");

/** One contract element the API schema lacks or types differently. */
export interface ContractGap {
  item: string;
  expected: string;
  actual: string;
}

export interface ContractReport {
  /** Contract items checked: types, fields, arguments, enum values, union members, input fields. */
  total: number;
  gaps: ContractGap[];
}

/** The API schema clients see through the gateway, from a supergraph SDL. */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return buildSupergraph(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

function kindOf(type: GraphQLNamedType): string {
  if (isObjectType(type)) return "type";
  if (isInterfaceType(type)) return "interface";
  if (isUnionType(type)) return "union";
  if (isEnumType(type)) return "enum";
  if (isInputObjectType(type)) return "input";
  return "scalar";
}

/** Items inside a type: fields and their arguments, enum values, union members, input fields. */
function membersOf(type: GraphQLNamedType): number {
  if (isObjectType(type) || isInterfaceType(type)) return Object.values(type.getFields()).reduce((n, f) => n + 1 + f.args.length, 0);
  if (isInputObjectType(type)) return Object.keys(type.getFields()).length;
  if (isEnumType(type)) return type.getValues().length;
  if (isUnionType(type)) return type.getTypes().length;
  return 0;
}

/** Lists every contract item missing from, or typed differently in, the supergraph's API schema. */
export function checkContract(contractSdl: string, supergraphSdl: string): ContractReport {
  const contract = buildSchema(contractSdl);
  const api = apiSchemaOf(supergraphSdl);
  const gaps: ContractGap[] = [];
  let total = 0;
  const expect = (item: string, expected: string, actual: string | undefined) => {
    total += 1;
    if (actual !== expected) gaps.push({ item, expected, actual: actual ?? "missing" });
    return actual === expected;
  };
  // Clients do not send arguments or input fields the contract lacks, so a new required one breaks them.
  const extraRequired = (label: (name: string) => string, wanted: readonly { name: string }[], actual: readonly (GraphQLArgument | GraphQLInputField)[]) => {
    for (const extra of actual.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined)) {
      if (!wanted.some((w) => w.name === extra.name)) gaps.push({ item: label(extra.name), expected: "absent or optional", actual: `required ${String(extra.type)}` });
    }
  };

  for (const wanted of Object.values(contract.getTypeMap())) {
    if (wanted.name.startsWith("__") || isSpecifiedScalarType(wanted)) continue;
    const found = api.getType(wanted.name);
    if (!expect(wanted.name, kindOf(wanted), found && kindOf(found))) {
      // The members of a missing type count as missing too, without a line each.
      const members = membersOf(wanted);
      total += members;
      if (members > 0) gaps[gaps.length - 1].actual += ` (with its ${members} members)`;
      continue;
    }
    if ((isObjectType(wanted) || isInterfaceType(wanted)) && (isObjectType(found) || isInterfaceType(found))) {
      const fields = found.getFields();
      for (const field of Object.values(wanted.getFields())) {
        const have = fields[field.name];
        expect(`${wanted.name}.${field.name}`, String(field.type), have && String(have.type));
        if (!have) {
          total += field.args.length;
          if (field.args.length > 0) gaps[gaps.length - 1].actual += ` (with its ${field.args.length} arguments)`;
          continue;
        }
        for (const arg of field.args) {
          const haveArg = have.args.find((a) => a.name === arg.name);
          expect(`${wanted.name}.${field.name}(${arg.name}:)`, String(arg.type), haveArg && String(haveArg.type));
        }
        extraRequired((arg) => `${wanted.name}.${field.name}(${arg}:)`, field.args, have.args);
      }
    } else if (isEnumType(wanted) && isEnumType(found)) {
      for (const value of wanted.getValues()) expect(`${wanted.name}.${value.name}`, "enum value", found.getValue(value.name) ? "enum value" : undefined);
    } else if (isUnionType(wanted) && isUnionType(found)) {
      const members = new Set(found.getTypes().map((t) => t.name));
      for (const member of wanted.getTypes()) expect(`${wanted.name} | ${member.name}`, "union member", members.has(member.name) ? "union member" : undefined);
    } else if (isInputObjectType(wanted) && isInputObjectType(found)) {
      const fields = found.getFields();
      for (const field of Object.values(wanted.getFields())) {
        expect(`${wanted.name}.${field.name}`, String(field.type), fields[field.name] && String(fields[field.name].type));
      }
      extraRequired((name) => `${wanted.name}.${name}`, Object.values(wanted.getFields()), Object.values(fields));
    }
  }
  return { total, gaps };
}

/** The contract to check: the shared one when this checkout sits beside it, else the vendored copy. */
export function contractPath(): string {
  return fs.existsSync(SHARED_CONTRACT) ? SHARED_CONTRACT : VENDORED_CONTRACT;
}

export function formatReport(report: ContractReport): string {
  if (report.gaps.length === 0) return `Contract: all ${report.total} items covered.`;
  const lines = report.gaps.map((g) => `  ${g.item}: expected ${g.expected}, found ${g.actual}`);
  return `Contract: ${report.gaps.length} of ${report.total} items missing or different:\n${lines.join("\n")}`;
}

/** `npm run contract:check`: the contract against the supergraph composed from the code now. */
if (require.main === module) {
  // Loaded lazily: composing builds every subgraph's schema, which the pure check above does not need.
  import("./composition")
    .then(({ compose }) => compose())
    .then((composition) => {
      const file = contractPath();
      const report = checkContract(fs.readFileSync(file, "utf8"), composition.supergraphSdl);
      console.log(`${path.relative(process.cwd(), file)}\n${formatReport(report)}`);
      process.exitCode = report.gaps.length === 0 ? 0 : 1;
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}
