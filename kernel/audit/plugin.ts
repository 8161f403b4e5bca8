import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";
import type { RequestContext } from "../context";
import { hasRole, OFFICER_ROLES, type Viewer } from "../auth/viewer";
import type { Logger } from "../logger";
import type { AuditPolicy, Owners } from "./policy";
import { MAX_PURPOSE_LENGTH } from "./purpose";
import { AuditGroupCommit, appendDataAccesses, type Queryable } from "./groupCommit";
import { existingTrail, type AuditTrail } from "./trail";

export type DataAccessAction = "READ" | "CHANGE";

/**
 * One record of the audit: what one request read or changed of some people's data. The people
 * whose data had the same fields read (or refused) share one record: a 50-family review is a few
 * rows, not one per person, which is most of what the audit costs PostgreSQL (docs/benchmarks.md).
 */
export interface DataAccessRow {
  /** The people whose data this is, none of them the accessor. */
  ownerIds: string[];
  accessorId: string;
  accessorRoles: string[];
  action: DataAccessAction;
  fields: string[];
  /** Fields the owner's data was asked for and refused. */
  refusedFields: string[];
  operationName: string | null;
  purpose: string | null;
  requestId: string;
}

/** An audit row keeps at most this much of the operation's name: the client chooses it, the table is append-only. */
export const MAX_OPERATION_NAME_LENGTH = 100;

/**
 * The gateway names a subgraph fetch `<client operation>__<subgraph>__<n>`: keep the client's name,
 * capped. The cap comes first, so the pattern never runs over an unbounded name.
 */
export function clientOperationName(name: string | null | undefined): string | null {
  if (!name) return null;
  const bounded = name.slice(0, MAX_OPERATION_NAME_LENGTH + 64);
  return bounded.replace(/__[A-Za-z0-9_]+__\d+$/, "").slice(0, MAX_OPERATION_NAME_LENGTH) || null;
}

/** Synchronous when the policy's `owners` is: a review notes hundreds of objects, and an `await` on each is a turn of the microtask queue. */
function ownersOf(policy: AuditPolicy, trail: AuditTrail, type: string, value: object, ctx: RequestContext, depth = 0): Owners | Promise<Owners> {
  const personal = policy.personal[type];
  if (!personal) return null;
  const parent = personal.ownersFromParent ? trail.parents.get(value) : undefined;
  if (parent && depth < 5) return ownersOf(policy, trail, parent.type, parent.value, ctx, depth + 1);
  return personal.owners(value, ctx);
}

/** The records of every field read and every change of the request, for each owner other than the viewer. */
export async function auditRows(policy: AuditPolicy, ctx: RequestContext, operationName: string | null): Promise<DataAccessRow[]> {
  const trail = existingTrail(ctx);
  const viewer = ctx.viewer;
  if (!trail || trail.isEmpty || !viewer) return [];
  const byOwner = new Map<string, { fields: Set<string>; refused: Set<string>; changed: boolean }>();
  const collect = async (notes: Map<string, Map<object, Set<string>>>, kind: "change" | "read" | "refused") => {
    for (const [type, byValue] of notes) {
      for (const [value, fields] of byValue) {
        const found = ownersOf(policy, trail, type, value, ctx);
        const owners = found instanceof Promise ? await found : found;
        for (const owner of owners ?? []) {
          if (owner === viewer.nationalId) continue;
          let entry = byOwner.get(owner);
          if (!entry) byOwner.set(owner, (entry = { fields: new Set(), refused: new Set(), changed: false }));
          const noted = kind === "refused" ? entry.refused : entry.fields;
          for (const field of fields) noted.add(field);
          entry.changed ||= kind === "change";
        }
      }
    }
  };
  await collect(trail.changes, "change");
  await collect(trail.reads, "read");
  await collect(trail.refused, "refused");
  const accesses = [...byOwner].map(([ownerId, entry]) => ({
    ownerId,
    action: entry.changed ? ("CHANGE" as const) : ("READ" as const),
    fields: [...entry.fields].sort(),
    refusedFields: [...entry.refused].sort(),
  }));
  return recordsOf(accesses, viewer, ctx, operationName);
}

interface OwnerAccess {
  ownerId: string;
  action: DataAccessAction;
  fields: string[];
  refusedFields: string[];
}

/** The request's records: one per distinct action and fields, listing every owner they apply to. */
function recordsOf(accesses: readonly OwnerAccess[], viewer: Viewer, ctx: RequestContext, operationName: string | null): DataAccessRow[] {
  // Only an officer's purpose and operation name are kept: a citizen's would put text of his choosing
  // in another person's report ("account frozen, call 05…"), as if an agency had written it.
  const officer = hasRole(viewer, ...OFFICER_ROLES);
  const purpose = ctx.purpose && officer ? ctx.purpose.slice(0, MAX_PURPOSE_LENGTH) : null;
  const records = new Map<string, DataAccessRow>();
  for (const access of accesses) {
    // Field names are GraphQL names joined by a dot: neither separator can occur in one.
    const key = `${access.action} ${access.fields.join(",")} ${access.refusedFields.join(",")}`;
    const record = records.get(key);
    if (record) {
      record.ownerIds.push(access.ownerId);
      continue;
    }
    records.set(key, {
      ownerIds: [access.ownerId],
      accessorId: viewer.nationalId,
      accessorRoles: [...viewer.roles],
      action: access.action,
      fields: access.fields,
      refusedFields: access.refusedFields,
      operationName: officer ? operationName : null,
      purpose,
      requestId: ctx.requestId,
    });
  }
  return [...records.values()];
}

/**
 * Records changes a resolver makes outside what the response shows (e.g. people moved between
 * family registers when a card is issued), in the same transaction as the change.
 */
export async function recordChanges(
  db: Queryable,
  ctx: RequestContext,
  changes: Array<{ ownerId: string; fields: string[] }>,
): Promise<void> {
  const viewer = ctx.viewer;
  if (!viewer) return;
  const accesses = changes
    .filter((change) => change.ownerId !== viewer.nationalId)
    .map((change) => ({ ownerId: change.ownerId, action: "CHANGE" as const, fields: [...change.fields].sort(), refusedFields: [] }));
  await appendDataAccesses(db, recordsOf(accesses, viewer, ctx, null));
}

/** Several fields refused for the same missing purpose answer as one error. */
function dedupePurposeErrors(errors: readonly GraphQLFormattedError[]): GraphQLFormattedError[] {
  let seen = false;
  return errors.filter((error) => {
    if (error.extensions?.reason !== "PURPOSE_REQUIRED") return true;
    if (seen) return false;
    seen = true;
    return true;
  });
}

/**
 * Writes the request's audit records when the response is ready, grouped with concurrent requests'
 * (AuditGroupCommit). If they cannot be written, the response is withheld (INTERNAL_SERVER_ERROR):
 * no unrecorded read of personal data.
 */
export function auditPlugin(policy: AuditPolicy, log: Logger): ApolloServerPlugin<RequestContext> {
  const writers = new WeakMap<object, AuditGroupCommit>();
  const writerFor = (db: RequestContext["db"]) => {
    let writer = writers.get(db);
    if (!writer) writers.set(db, (writer = new AuditGroupCommit(db)));
    return writer;
  };
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operationName, response }) {
          const body = response.body;
          if (body.kind === "single" && body.singleResult.errors) {
            body.singleResult.errors = dedupePurposeErrors(body.singleResult.errors);
          }
          try {
            await writerFor(contextValue.db).append(await auditRows(policy, contextValue, clientOperationName(operationName)));
          } catch (error) {
            log.error({ err: error, requestId: contextValue.requestId }, "could not write the data-access audit; response withheld");
            if (body.kind === "single") {
              body.singleResult = { data: null, errors: [{ message: "Internal server error.", extensions: { code: "INTERNAL_SERVER_ERROR" } }] };
            }
          }
        },
      };
    },
  };
}
