import { CriticalityLevel, diff, validate, type Change } from "@graphql-inspector/core";
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  printSchema,
  Source,
  type GraphQLSchema,
} from "graphql";
import { apiSchemaOf, checkContract, formatReport as formatContractReport, type ContractReport } from "../contractCheck";

/**
 * The schema check before a release (docs/schema-changes.md is the policy): the candidate API schema
 * against the released one. Pure: every input is an argument, today included; the CLI
 * (scripts/schemaCheck.ts) reads the files and the code.
 */

/** A deprecated field, argument, input field or enum value may be removed this many days after the first release that deprecated it. */
export const DEPRECATION_DAYS = 90;

/** What `npm run schema:release` records beside the released schema (schema/released/release.json). */
export interface ReleaseMetadata {
  /** The day of the release, YYYY-MM-DD (UTC). */
  releasedOn: string;
  /** The @apollo/composition version that composed it. */
  federationVersion: string;
  /** The subgraphs released, in start order; each has schema/released/<name>.graphql. */
  subgraphs: string[];
  /** Deprecated elements of the released API schema (path as GraphQL Inspector writes it) and the first release day that carried the deprecation. */
  deprecations: Record<string, string>;
}

/** One reviewed exception in schema/breaking-allowed.json. */
export interface AllowEntry {
  /** The change's path as the report prints it, e.g. "Query.person" or "Query.person.id". */
  path?: string;
  /** The change's message as the report prints it (use when the path alone is ambiguous). */
  message?: string;
  /** Optionally the change's type, e.g. "FIELD_REMOVED". */
  type?: string;
  /** Why clients are not hurt (or have been told), in a sentence. */
  reason: string;
  /** The day it was reviewed, YYYY-MM-DD. */
  date: string;
  /** Who reviewed it. */
  reviewedBy?: string;
}

export interface AllowFile {
  allowed: AllowEntry[];
}

/** An operation document of a client, e.g. a file under web/. */
export interface OperationDocument {
  name: string;
  body: string;
}

export interface CheckInput {
  /** The supergraph composed from the candidate code (the API schema is derived from it). */
  candidateSupergraphSdl: string;
  /** schema/released/api.graphql */
  releasedApiSdl: string;
  /** schema/released/release.json */
  metadata: ReleaseMetadata;
  /** schema/breaking-allowed.json, parsed but not yet validated. */
  allowFile: unknown;
  /** YYYY-MM-DD */
  today: string;
  /** The public contract; null skips that part. */
  contractSdl: string | null;
  /** The clients' operations: the web app's documents under web/. */
  operations: OperationDocument[];
  /** With `-- <agency>`: that subgraph's SDL now and as released, for the subgraph-level listing. */
  subgraph?: { name: string; candidateSdl: string; releasedSdl: string | null };
}

export interface Finding {
  type: string;
  path: string;
  message: string;
  /** Why it breaks or is dangerous (GraphQL Inspector's reason), or why it is let through. */
  reason?: string;
}

export interface CheckReport {
  releasedOn: string;
  /** Breaking changes neither allowed nor retired: each fails the check. */
  breaking: Finding[];
  /** Breaking changes let through by an allow-file entry (its reason as `reason`). */
  allowed: Finding[];
  /** Removals of elements deprecated for at least DEPRECATION_DAYS. */
  retired: Finding[];
  /** Dangerous changes: reported, they pass. */
  dangerous: Finding[];
  /** Safe changes (additions, descriptions). */
  safe: Finding[];
  /** Errors in the allow-file itself: each fails the check. */
  allowFileErrors: string[];
  /** Allow-file entries that match no change (to be removed). */
  unusedAllowEntries: AllowEntry[];
  contract: ContractReport | null;
  /** Operations that no longer validate against the candidate: each fails the check. */
  invalidOperations: Array<{ name: string; errors: string[] }>;
  /**
   * With `-- <agency>`: operations that fail against the candidate as they already fail against the
   * release, for fields other agencies have yet to release. Not this agency's doing: reported, they pass.
   */
  awaitingRelease: Array<{ name: string; errors: string[] }>;
  /** Operations using deprecated elements: reported, they pass. */
  deprecatedUsages: Array<{ name: string; usages: string[] }>;
  operationCount: number;
  /** With `-- <agency>`: that subgraph's own SDL changes, for information (the gate is the API schema). */
  subgraph?: { name: string; changes: Finding[] };
  ok: boolean;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (value: unknown): value is string => typeof value === "string" && ISO_DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** Whole days from `from` to `to`, both YYYY-MM-DD. */
export function daysBetween(from: string, to: string): number {
  return Math.floor((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The API schema clients see, printed: the form released as schema/released/api.graphql. */
export function apiSdlOf(supergraphSdl: string): string {
  return `${printSchema(apiSchemaOf(supergraphSdl)).trim()}\n`;
}

/** Every deprecated element of a schema, by the path GraphQL Inspector gives its removal. */
export function deprecatedElements(schema: GraphQLSchema): string[] {
  const paths: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__")) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (field.deprecationReason != null) paths.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (arg.deprecationReason != null) paths.push(`${type.name}.${field.name}.${arg.name}`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (field.deprecationReason != null) paths.push(`${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) if (value.deprecationReason != null) paths.push(`${type.name}.${value.name}`);
    }
  }
  return paths.sort();
}

/** Why a breaking change breaks, where GraphQL Inspector gives no reason. */
const FALLBACK_REASONS: Record<string, string> = {
  FIELD_ARGUMENT_ADDED: "A new required argument: operations that do not send it fail validation.",
  INPUT_FIELD_ADDED: "A new required input field: inputs that lack it are rejected.",
};

/** Removals the deprecation rule governs. */
const REMOVALS = new Set(["FIELD_REMOVED", "FIELD_ARGUMENT_REMOVED", "INPUT_FIELD_REMOVED", "ENUM_VALUE_REMOVED"]);

/** Validates the allow-file's shape; returns its entries and the errors found. */
export function parseAllowFile(raw: unknown, today: string): { entries: AllowEntry[]; errors: string[] } {
  if (raw === null || raw === undefined) return { entries: [], errors: [] };
  const list = (raw as AllowFile).allowed;
  if (typeof raw !== "object" || !Array.isArray(list)) return { entries: [], errors: ['the allow-file must be {"allowed": [ ... ]}'] };
  const entries: AllowEntry[] = [];
  const errors: string[] = [];
  list.forEach((entry: Partial<AllowEntry>, i) => {
    const problems: string[] = [];
    if (typeof entry !== "object" || entry === null) problems.push("not an object");
    else {
      if (typeof entry.path !== "string" && typeof entry.message !== "string") problems.push('names no change: give "path" and/or "message"');
      if (typeof entry.reason !== "string" || entry.reason.trim().length < 10) problems.push('"reason" must say in a sentence why clients are not hurt');
      if (!isDay(entry.date)) problems.push('"date" must be the review day, YYYY-MM-DD');
      else if (entry.date > today) problems.push(`"date" ${entry.date} is after today (${today})`);
    }
    if (problems.length > 0) errors.push(`entry ${i + 1}${entry && typeof entry.path === "string" ? ` (${entry.path})` : ""}: ${problems.join("; ")}`);
    else entries.push(entry as AllowEntry);
  });
  return { entries, errors };
}

function matches(entry: AllowEntry, change: Change): boolean {
  return (
    (entry.path === undefined || entry.path === change.path) &&
    (entry.message === undefined || entry.message === change.message) &&
    (entry.type === undefined || entry.type === change.type)
  );
}

function finding(change: Change, reason = change.criticality.reason): Finding {
  const found: Finding = { type: String(change.type), path: change.path ?? "(schema)", message: change.message };
  if (reason) found.reason = reason;
  return found;
}

/** The check: candidate against released, under the allow-file and the deprecation policy, on `today`. */
export async function checkSchema(input: CheckInput): Promise<CheckReport> {
  if (!isDay(input.today)) throw new Error(`today must be YYYY-MM-DD, not "${input.today}"`);
  const released = buildSchema(input.releasedApiSdl);
  const candidate = buildSchema(apiSdlOf(input.candidateSupergraphSdl));
  const changes = await diff(released, candidate);
  const { entries, errors: allowFileErrors } = parseAllowFile(input.allowFile, input.today);
  const used = new Set<AllowEntry>();
  const deprecated = new Set(deprecatedElements(released));

  const report: CheckReport = {
    releasedOn: input.metadata.releasedOn,
    breaking: [],
    allowed: [],
    retired: [],
    dangerous: [],
    safe: [],
    allowFileErrors,
    unusedAllowEntries: [],
    contract: null,
    invalidOperations: [],
    awaitingRelease: [],
    deprecatedUsages: [],
    operationCount: input.operations.length,
    ok: false,
  };

  for (const change of changes) {
    const level = change.criticality.level;
    if (level === CriticalityLevel.Dangerous) report.dangerous.push(finding(change));
    else if (level !== CriticalityLevel.Breaking) report.safe.push(finding(change));
    else {
      const entry = entries.find((e) => matches(e, change));
      if (entry) {
        used.add(entry);
        report.allowed.push(finding(change, `allowed on ${entry.date}${entry.reviewedBy ? ` by ${entry.reviewedBy}` : ""}: ${entry.reason}`));
        continue;
      }
      if (REMOVALS.has(String(change.type)) && change.path && deprecated.has(change.path)) {
        const since = input.metadata.deprecations[change.path] ?? input.metadata.releasedOn;
        const days = daysBetween(since, input.today);
        if (days >= DEPRECATION_DAYS) {
          report.retired.push(finding(change, `deprecated in the release of ${since}, ${days} days ago (policy: ${DEPRECATION_DAYS})`));
        } else {
          report.breaking.push(
            finding(change, `deprecated in the release of ${since}, only ${days} of the ${DEPRECATION_DAYS} days the policy requires before removal (removable from ${addDays(since, DEPRECATION_DAYS)})`),
          );
        }
        continue;
      }
      const hint = REMOVALS.has(String(change.type)) ? ` Deprecate it first (@deprecated, released for ${DEPRECATION_DAYS} days) or list it in the allow-file.` : "";
      report.breaking.push(finding(change, `${change.criticality.reason ?? FALLBACK_REASONS[String(change.type)] ?? "Operations that use it stop working."}${hint}`));
    }
  }
  report.unusedAllowEntries = entries.filter((e) => !used.has(e));

  if (input.contractSdl !== null) report.contract = checkContract(input.contractSdl, input.candidateSupergraphSdl);

  if (input.operations.length > 0) {
    const sources = input.operations.map((op) => new Source(op.body, op.name));
    const invalid = validate(candidate, sources);
    // One agency's check composes the others as released: what the web app asks of their unreleased
    // fields fails there as it fails against the release, whatever this agency does.
    const failingAlready = input.subgraph ? new Set(validate(released, sources).filter((doc) => doc.errors.length > 0).map((doc) => doc.source.name)) : new Set<string>();
    for (const doc of invalid) {
      const errors = { name: doc.source.name, errors: doc.errors.map((e) => e.message) };
      if (doc.errors.length > 0) (failingAlready.has(doc.source.name) ? report.awaitingRelease : report.invalidOperations).push(errors);
      if (doc.deprecated.length > 0) report.deprecatedUsages.push({ name: doc.source.name, usages: doc.deprecated.map((e) => e.message) });
    }
  }

  if (input.subgraph) {
    const subgraphChanges = input.subgraph.releasedSdl === null ? [] : await diff(buildSchema(input.subgraph.releasedSdl), buildSchema(input.subgraph.candidateSdl));
    report.subgraph = { name: input.subgraph.name, changes: subgraphChanges.map((c) => ({ ...finding(c), type: `${c.criticality.level} ${String(c.type)}` })) };
  }

  report.ok =
    report.breaking.length === 0 &&
    report.allowFileErrors.length === 0 &&
    (report.contract === null || report.contract.gaps.length === 0) &&
    report.invalidOperations.length === 0;
  return report;
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const line = (f: Finding) => `  ${f.path}: ${f.message} [${f.type}]${f.reason ? `\n      ${f.reason}` : ""}`;

/** The report as a person reads it: what fails first, then what passes with a note. */
export function formatCheckReport(report: CheckReport, allowFileName = "schema/breaking-allowed.json"): string {
  const out: string[] = [];
  out.push(`Schema check against the release of ${report.releasedOn}: ${report.ok ? "PASS" : "FAIL"}`);
  const total = report.breaking.length + report.allowed.length + report.retired.length + report.dangerous.length + report.safe.length;
  if (total === 0) out.push("No change to the API schema.");
  if (report.allowFileErrors.length > 0) out.push(`\n${allowFileName} is invalid:`, ...report.allowFileErrors.map((e) => `  ${e}`));
  if (report.breaking.length > 0) {
    out.push(`\nBreaking changes (${report.breaking.length}), each fails the check:`, ...report.breaking.map(line));
    out.push(`  To ship one anyway, review it and add {"path", "reason", "date"} to ${allowFileName} (docs/schema-changes.md).`);
  }
  if (report.contract && report.contract.gaps.length > 0) out.push("", formatContractReport(report.contract));
  if (report.invalidOperations.length > 0) {
    out.push(`\nClient operations that no longer validate (${report.invalidOperations.length}):`);
    for (const op of report.invalidOperations) out.push(`  ${op.name}:`, ...op.errors.map((e) => `    ${e}`));
  }
  if (report.awaitingRelease.length > 0) {
    out.push(`\nClient operations waiting for other agencies' release (${report.awaitingRelease.length}), they fail against the release too; reported, they pass:`);
    for (const op of report.awaitingRelease) out.push(`  ${op.name}:`, ...op.errors.map((e) => `    ${e}`));
  }
  if (report.dangerous.length > 0) out.push(`\nDangerous changes (${report.dangerous.length}), reported, they pass; check the clients handle them:`, ...report.dangerous.map(line));
  if (report.allowed.length > 0) out.push(`\nBreaking changes allowed by ${allowFileName} (${report.allowed.length}):`, ...report.allowed.map(line));
  if (report.retired.length > 0) out.push(`\nRemovals after the deprecation period (${report.retired.length}):`, ...report.retired.map(line));
  if (report.safe.length > 0) out.push(`\nSafe changes (${report.safe.length}):`, ...report.safe.map((f) => `  ${f.path}: ${f.message}`));
  if (report.unusedAllowEntries.length > 0) {
    out.push(`\n${allowFileName} entries matching no change (remove them):`, ...report.unusedAllowEntries.map((e) => `  ${e.path ?? e.message}`));
  }
  if (report.deprecatedUsages.length > 0) {
    out.push("\nClient operations using deprecated elements:");
    for (const op of report.deprecatedUsages) out.push(`  ${op.name}:`, ...op.usages.map((u) => `    ${u}`));
  }
  if (report.subgraph) {
    const { name, changes } = report.subgraph;
    out.push(`\nSubgraph ${name}'s own SDL against its release: ${changes.length === 0 ? "no change" : `${changes.length} changes`} (for information: the API schema is what is checked).`);
    out.push(...changes.map((f) => `  ${f.path}: ${f.message} [${f.type}]`));
  }
  out.push("");
  if (report.contract && report.contract.gaps.length === 0) out.push(formatContractReport(report.contract));
  out.push(report.operationCount === 0 ? "Client operations: none found." : `Client operations: ${report.operationCount - report.invalidOperations.length - report.awaitingRelease.length} of ${report.operationCount} validate.`);
  return out.join("\n");
}
