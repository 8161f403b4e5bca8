import { prepared } from "../database/preparedStatements";
import type { DataAccessRow } from "./plugin";

export interface Queryable {
  query(sql: string, parameters: unknown[]): Promise<unknown>;
}

/** One statement, the same text for any number of rows (one parameter), prepared once per connection. */
const INSERT_DATA_ACCESSES = prepared(`INSERT INTO data_access (owner_ids, accessor_id, accessor_roles, action, fields, refused_fields, operation_name, purpose, request_id)
  SELECT owner_ids, accessor_id, accessor_roles, action, fields, refused_fields, operation_name, purpose, request_id
  FROM jsonb_to_recordset($1::jsonb) AS r(owner_ids varchar[], accessor_id varchar, accessor_roles text[], action varchar, fields text[], refused_fields text[], operation_name text, purpose text, request_id text)`);

/**
 * Appends rows to data_access in one INSERT, on the request's connection or inside a transaction
 * (`EntityManager`). The table refuses UPDATE and DELETE (trigger).
 */
export async function appendDataAccesses(db: Queryable, rows: readonly DataAccessRow[]): Promise<void> {
  if (rows.length === 0) return;
  const records = rows.map((row) => ({
    owner_ids: row.ownerIds,
    accessor_id: row.accessorId,
    accessor_roles: row.accessorRoles,
    action: row.action,
    fields: row.fields,
    refused_fields: row.refusedFields,
    operation_name: row.operationName,
    purpose: row.purpose,
    request_id: row.requestId,
  }));
  await db.query(INSERT_DATA_ACCESSES, [JSON.stringify(records)]);
}

interface Waiting {
  rows: readonly DataAccessRow[];
  committed: () => void;
  failed: (error: unknown) => void;
}

/** A statement carries at most this many rows; more wait for the next one. */
const MAX_ROWS_PER_STATEMENT = 5000;

/**
 * Group commit of the audit records of concurrent requests. While one INSERT is in flight, the
 * records of requests that finish meanwhile wait and go together in the next one; an idle writer
 * writes at once, so a lone request waits for nothing but its own INSERT. Each caller's promise
 * settles when the statement holding its rows has committed, so a response is still never sent
 * before the record of what it carries. A failed group is retried one request at a time, so one
 * request's bad rows cannot withhold another's response.
 */
export class AuditGroupCommit {
  private readonly waiting: Waiting[] = [];
  private writing = false;

  constructor(private readonly db: Queryable) {}

  append(rows: readonly DataAccessRow[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    return new Promise<void>((committed, failed) => {
      this.waiting.push({ rows, committed, failed });
      if (!this.writing) void this.writeWaiting();
    });
  }

  private async writeWaiting(): Promise<void> {
    this.writing = true;
    while (this.waiting.length > 0) await this.write(this.nextGroup());
    this.writing = false;
  }

  private nextGroup(): Waiting[] {
    let rows = 0;
    let count = 0;
    while (count < this.waiting.length && (count === 0 || rows + this.waiting[count]!.rows.length <= MAX_ROWS_PER_STATEMENT)) {
      rows += this.waiting[count]!.rows.length;
      count += 1;
    }
    return this.waiting.splice(0, count);
  }

  private async write(group: Waiting[]): Promise<void> {
    try {
      await appendDataAccesses(this.db, group.flatMap((entry) => entry.rows));
      group.forEach((entry) => entry.committed());
    } catch (error) {
      if (group.length === 1) return group[0]!.failed(error);
      for (const entry of group) await this.write([entry]);
    }
  }
}
