import { messages } from "@electric-sql/pglite";

/** A result column as the prepared statement's description gave it, with its value parser found once. */
export interface ResultColumn {
  name: string;
  dataTypeID: number;
  parse?: (text: string, dataTypeID: number) => unknown;
}

export interface Reply {
  rows: Array<Record<string, unknown>>;
  affectedRows: number;
}

/** Execute (the unnamed portal, every row) and Sync, as PostgreSQL's wire protocol spells them. */
const EXECUTE_AND_SYNC = Buffer.from([0x45, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0x53, 0, 0, 0, 4]);

/**
 * One run of the prepared statement `name` with its values as text (null: SQL NULL): Bind (the
 * unnamed portal, every parameter and result column as text), Execute and Sync, in one buffer.
 */
export function runMessage(name: string, values: ReadonlyArray<string | null>): Buffer {
  const lengths = values.map((value) => (value === null ? -1 : Buffer.byteLength(value)));
  const bindLength = 4 + 1 + Buffer.byteLength(name) + 1 + 2 + 2 + lengths.reduce((sum, length) => sum + 4 + Math.max(length, 0), 0) + 2;
  const message = Buffer.allocUnsafe(1 + bindLength + EXECUTE_AND_SYNC.length);
  let at = message.writeUInt8(0x42, 0); // B
  at = message.writeInt32BE(bindLength, at);
  at = message.writeUInt8(0, at); // the unnamed portal
  at += message.write(name, at);
  at = message.writeUInt8(0, at);
  at = message.writeInt16BE(0, at); // every parameter as text
  at = message.writeUInt16BE(values.length, at);
  values.forEach((value, i) => {
    at = message.writeInt32BE(lengths[i]!, at);
    if (value !== null) at += message.write(value, at);
  });
  at = message.writeInt16BE(0, at); // every result column as text
  EXECUTE_AND_SYNC.copy(message, at);
  return message;
}

const DATA_ROW = 0x44; // D
const COMMAND_COMPLETE = 0x43; // C
const ERROR_RESPONSE = 0x45; // E

/** The statement kinds whose command tag counts the rows they changed. */
const CHANGES = new Set(["INSERT", "UPDATE", "DELETE", "MERGE", "COPY"]);

/**
 * PostgreSQL's wire reply to one run of a prepared statement (Bind, Execute, Sync), read straight
 * from its bytes: the rows as objects of parsed values, the rows changed, or PostgreSQL's error as
 * PGlite's `DatabaseError` with the same fields. PGlite's own reader makes an object of every
 * message and reads each value through private fields; on the hot reads that was a third of what a
 * statement cost. Everything else in the reply (BindComplete, ReadyForQuery, notices) is skipped:
 * a NOTIFY sent by a prepared statement would not reach PGlite's listeners (nothing listens today).
 */
export function readReply(reply: Buffer, columns: readonly ResultColumn[]): Reply {
  const rows: Array<Record<string, unknown>> = [];
  let affectedRows = 0;
  let error: Error | undefined;
  for (let at = 0; at < reply.length; ) {
    const type = reply[at]!;
    const end = at + 1 + reply.readInt32BE(at + 1);
    const body = at + 5;
    if (type === DATA_ROW) rows.push(readRow(reply, body, columns));
    else if (type === COMMAND_COMPLETE) affectedRows += changedRows(reply.toString("utf8", body, end - 1));
    else if (type === ERROR_RESPONSE) error ??= readError(reply, body, end);
    at = end;
  }
  if (error) throw error;
  return { rows, affectedRows };
}

function readRow(reply: Buffer, body: number, columns: readonly ResultColumn[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  let at = body + 2; // the column count, which the description already gave
  for (const column of columns) {
    const length = reply.readInt32BE(at);
    at += 4;
    if (length < 0) {
      row[column.name] = null;
      continue;
    }
    const text = reply.toString("utf8", at, at + length);
    at += length;
    row[column.name] = column.parse ? column.parse(text, column.dataTypeID) : text;
  }
  return row;
}

/** "INSERT 0 3", "UPDATE 2", "SELECT 5": the rows a write changed (a SELECT changes none). */
function changedRows(tag: string): number {
  const words = tag.split(" ");
  return CHANGES.has(words[0]!) ? Number.parseInt(words[words.length - 1]!, 10) || 0 : 0;
}

/** ErrorResponse's fields, each a code byte and a C string, as PGlite names them on its errors. */
const ERROR_FIELDS: Record<string, string> = {
  S: "severity",
  C: "code",
  D: "detail",
  H: "hint",
  P: "position",
  p: "internalPosition",
  q: "internalQuery",
  W: "where",
  s: "schema",
  t: "table",
  c: "column",
  d: "dataType",
  n: "constraint",
  F: "file",
  L: "line",
  R: "routine",
};

function readError(reply: Buffer, body: number, end: number): Error {
  const fields: Record<string, string> = {};
  for (let at = body; at < end && reply[at] !== 0; ) {
    const code = String.fromCharCode(reply[at]!);
    const close = reply.indexOf(0, at + 1);
    fields[code] = reply.toString("utf8", at + 1, close);
    at = close + 1;
  }
  const error = new messages.DatabaseError(fields.M ?? "", end - body + 4, "error");
  for (const [code, name] of Object.entries(ERROR_FIELDS)) Object.assign(error, { [name]: fields[code] });
  return error;
}
