import type { ComponentChildren, Ref } from "preact";
import { ScrollTable } from "./ScrollTable";
import { Pager, type PagerProps } from "./Pager";

interface QueueResultsProps {
  /** The box a screen focuses after a move, once it has announced what the page shows. */
  resultsRef: Ref<HTMLDivElement>;
  loading: boolean;
  /** The list's size in the screen's words ("12 applications"). */
  total: string;
  /** The page's number in the screen's words, from the second page on; null on the first. */
  page: string | null;
  /** What to say instead of the table when the page has no rows; null when it has some. */
  empty: string | null;
  /** The table's name: its caption, and the scrolling box's name on a narrow screen. */
  caption: string;
  tableClass?: string;
  pager: Omit<PagerProps, "loading">;
  /** The table's head and body, with explicit roles and each cell's column name in `data-label`: stacked on a phone (ScrollTable). */
  children: ComponentChildren;
}

/** An officer's queue as every queue screen shows it: its size and page, its table (or why it is empty), its pager. */
export function QueueResults({ resultsRef, loading, total, page, empty, caption, tableClass, pager, children }: QueueResultsProps) {
  return (
    <div ref={resultsRef} tabIndex={-1} class="queue-results" aria-busy={loading}>
      <p>
        <strong>{total}</strong>
        {page !== null && ` · ${page}`}
      </p>
      {empty !== null ? (
        <p>{empty}</p>
      ) : (
        <ScrollTable label={caption} tableClass={tableClass} stacked>
          {children}
        </ScrollTable>
      )}
      <Pager {...pager} loading={loading} />
    </div>
  );
}
