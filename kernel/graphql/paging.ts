import { Directive, Field, ObjectType } from "type-graphql";
import { Violations } from "../errors";
import type { Lang } from "../i18n";
import { DEFAULT_PAGE, MAX_PAGE } from "./listSizes";
import { pagingMessages as m } from "./pagingMessages";

/**
 * The officers' queues (civil-affairs' `cardApplications`, delivery's, labor's) are cursor-paginated alike: opaque cursors
 * over a stable order, `first` from 1 to MAX_PAGE (DEFAULT_PAGE when not given), and `totalCount`
 * of the whole queue.
 */
export { DEFAULT_PAGE, MAX_PAGE };

/**
 * `PageInfo`'s fields. Civil-affairs' `PageInfo` is not `@shareable`, so the other agencies' queues
 * share this one (each subgraph that pages declares it, the same).
 */
@ObjectType({ description: "Where a page of a queue ends: the fields of PageInfo." })
@Directive("@shareable")
export class QueuePageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/** Cursors are opaque: base64url of the row's position in the queue's order, its parts joined by "|". */
export const encodeCursor = (...parts: string[]): string => Buffer.from(parts.join("|")).toString("base64url");

/** A position read back from a cursor's parts, or null when they are not one. */
export type CursorReader<P> = (parts: string[]) => P | null;

/**
 * An instant as the database keeps it (to the microsecond), in ISO-8601 UTC: what a cursor carries,
 * so that a row written at `now()` is not cut to JavaScript's milliseconds and met again on the
 * next page. `column` is SQL; compare with `CAST(<parameter> AS timestamptz)`.
 */
export const exactInstant = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const EXACT_INSTANT = /^(19[7-9]\d|2\d{3})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** A real instant in exactInstant's form (no 30 February, no hour 24): the database never sees another. */
const isExactInstant = (text: string): boolean => {
  if (!EXACT_INSTANT.test(text)) return false;
  const milliseconds = `${text.slice(0, 23)}Z`;
  const parsed = Date.parse(milliseconds);
  return !Number.isNaN(parsed) && new Date(parsed).toISOString() === milliseconds;
};

/** A row's place in a queue ordered by an instant (exactInstant's text), then a key. */
export interface InstantPosition {
  at: string;
  key: string;
}

/** Reads `<exact instant>|<key>` cursors whose key matches `key`. */
export const instantThenKey =
  (key: RegExp): CursorReader<InstantPosition> =>
  ([at, id, ...rest]) =>
    rest.length === 0 && at !== undefined && isExactInstant(at) && id !== undefined && key.test(id)
      ? { at, key: id }
      : null;

export const instantCursor = (position: InstantPosition): string => encodeCursor(position.at, position.key);

/** `first` as asked (else `fallback`), recorded as OUT_OF_RANGE unless a whole number from 1 to `max`. */
export function checkedPageSize(violations: Violations, first: number | null | undefined, fallback: number, max: number): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > max) violations.add("first", "OUT_OF_RANGE", m.badPageSize, { max });
  return size;
}

/** `first` and `after` checked together: one BAD_USER_INPUT listing both when both are wrong. */
export function pageRequest<P>(lang: Lang, first: number | null | undefined, after: string | null | undefined, read: CursorReader<P>): { size: number; after: P | null } {
  const violations = new Violations(lang);
  const size = checkedPageSize(violations, first, DEFAULT_PAGE, MAX_PAGE);
  const position = after ? read(Buffer.from(after, "base64url").toString("utf8").split("|")) : null;
  if (after && !position) violations.add("after", "BAD_CURSOR", m.badCursor, undefined);
  violations.throwIfAny();
  return { size, after: position };
}

export interface QueuePage<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: QueuePageInfo;
  totalCount: number;
}

/** A page from `rows`, fetched with one row more than `size` to tell whether another page follows. */
export function queuePage<T>(rows: T[], size: number, totalCount: number, cursorOf: (row: T) => string): QueuePage<T> {
  const edges = rows.slice(0, size).map((node) => ({ cursor: cursorOf(node), node }));
  return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
}
