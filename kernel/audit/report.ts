import { requireViewer, type RequestContext } from "../context";
import { appError, Violations } from "../errors";
import { DEFAULT_ACCESSES, MAX_ACCESSES } from "../graphql/listSizes";
import { checkedPageSize } from "../graphql/paging";
import { DataAccess, DataAccessAction, DataAccessOutcome } from "./dataAccess.type";


/** Only the person themselves reads who accessed their data. */
export function assertOwnReport(ctx: RequestContext, nationalId: string): void {
  if (requireViewer(ctx).nationalId !== nationalId) throw appError("FORBIDDEN", ctx.lang);
}

/**
 * The newest records of the person ($1), at most $2: those that list them among their owners (GIN
 * index on `owner_ids`) and the one-owner rows appended before records listed owners, or by a
 * replica of the previous release during a rolling one (`owner_id`, btree).
 */
export const ACCESSES_OF_OWNER = `SELECT at, accessor_id, accessor_roles, action, fields, refused_fields, operation_name, purpose, request_id
  FROM data_access WHERE owner_ids @> ARRAY[$1::varchar] OR owner_id = $1 ORDER BY at DESC, id DESC LIMIT $2`;

interface Row {
  at: Date;
  accessor_id: string;
  accessor_roles: string[];
  action: DataAccessAction;
  fields: string[];
  refused_fields: string[];
  operation_name: string | null;
  purpose: string | null;
  request_id: string;
}

/** The newest accesses to one person's data recorded in this subgraph's database. */
export async function readDataAccesses(ctx: RequestContext, nationalId: string, first: number | null | undefined): Promise<DataAccess[]> {
  assertOwnReport(ctx, nationalId);
  const violations = new Violations(ctx.lang);
  const limit = checkedPageSize(violations, first, DEFAULT_ACCESSES, MAX_ACCESSES);
  violations.throwIfAny();
  const rows: Row[] = await ctx.db.query(ACCESSES_OF_OWNER, [nationalId, limit]);
  return rows.map((row) =>
    Object.assign(new DataAccess(), {
      at: new Date(row.at),
      accessorNationalId: row.accessor_id,
      accessorRoles: row.accessor_roles,
      action: row.action,
      fields: row.fields,
      refusedFields: row.refused_fields,
      outcome: row.fields.length > 0 ? DataAccessOutcome.COMPLETED : DataAccessOutcome.REFUSED,
      operationName: row.operation_name,
      purpose: row.purpose,
      requestId: row.request_id,
    }),
  );
}
