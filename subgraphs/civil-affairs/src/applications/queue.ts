import { Violations } from "../../../../kernel/errors";
import type { RequestContext } from "../../../../kernel/context";
import { CardApplication } from "./cardApplication.entity";
import type { ApplicationStatus } from "./enums";
import { applicationMessages as m } from "./messages";
import type { CardApplicationConnection } from "./queueTypes";

const DEFAULT_PAGE = 20;
const MAX_PAGE = 100;

/** Cursors are opaque: base64 of the row's position in the stable order (created_at, id). */
const encodeCursor = (application: CardApplication) => Buffer.from(`${application.createdAt.toISOString()}|${application.id}`).toString("base64url");

function decodeCursor(cursor: string): { createdAt: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  return id && !Number.isNaN(createdAt.getTime()) && /^[0-9a-f-]{36}$/i.test(id) ? { createdAt, id } : null;
}

/** The officers' review queue: oldest first, so that applications are worked in arrival order. */
export async function applicationQueue(
  ctx: RequestContext,
  status: ApplicationStatus | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<CardApplicationConnection> {
  const violations = new Violations(ctx.lang);
  const size = first ?? DEFAULT_PAGE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) violations.add("first", "OUT_OF_RANGE", m.badPageSize, { max: MAX_PAGE });
  const position = after ? decodeCursor(after) : null;
  if (after && !position) violations.add("after", "BAD_CURSOR", m.badCursor, undefined);
  violations.throwIfAny();

  const base = ctx.db.getRepository(CardApplication).createQueryBuilder("a");
  if (status) base.where("a.status = :status", { status });
  const page = base.clone().orderBy("a.created_at", "ASC").addOrderBy("a.id", "ASC").limit(size + 1);
  if (position) page.andWhere("(a.created_at, a.id) > (:at, :id)", { at: position.createdAt, id: position.id });
  const [rows, totalCount] = await Promise.all([page.getMany(), base.getCount()]);
  const nodes = rows.slice(0, size);
  return {
    edges: nodes.map((node) => ({ cursor: encodeCursor(node), node })),
    pageInfo: { hasNextPage: rows.length > size, endCursor: nodes.length ? encodeCursor(nodes[nodes.length - 1]!) : null },
    totalCount,
  };
}
