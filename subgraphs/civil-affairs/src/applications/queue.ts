import type { RequestContext } from "../../../../kernel/context";
import { encodeCursor, pageRequest, type CursorReader } from "../../../../kernel/graphql/paging";
import { CardApplication } from "./cardApplication.entity";
import type { ApplicationStatus } from "./enums";
import type { CardApplicationConnection } from "./queueTypes";

/** A row's position in the stable order (created_at, id). */
const cursorOf = (application: CardApplication) => encodeCursor(application.createdAt.toISOString(), application.id);

const readCursor: CursorReader<{ createdAt: Date; id: string }> = ([at, id]) => {
  const createdAt = new Date(at ?? "");
  return id && !Number.isNaN(createdAt.getTime()) && /^[0-9a-f-]{36}$/i.test(id) ? { createdAt, id } : null;
};

/** The officers' review queue: oldest first, so that applications are worked in arrival order. */
export async function applicationQueue(
  ctx: RequestContext,
  status: ApplicationStatus | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<CardApplicationConnection> {
  const { size, after: position } = pageRequest(ctx.lang, first, after, readCursor);

  const base = ctx.db.getRepository(CardApplication).createQueryBuilder("a");
  if (status) base.where("a.status = :status", { status });
  const page = base.clone().orderBy("a.created_at", "ASC").addOrderBy("a.id", "ASC").limit(size + 1);
  if (position) page.andWhere("(a.created_at, a.id) > (:at, :id)", { at: position.createdAt, id: position.id });
  const [rows, totalCount] = await Promise.all([page.getMany(), base.getCount()]);
  const nodes = rows.slice(0, size);
  return {
    edges: nodes.map((node) => ({ cursor: cursorOf(node), node })),
    pageInfo: { hasNextPage: rows.length > size, endCursor: nodes.length ? cursorOf(nodes[nodes.length - 1]!) : null },
    totalCount,
  };
}
