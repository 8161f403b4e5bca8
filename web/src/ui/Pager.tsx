import { useWords } from "../i18n/catalogue";
import { commonWords } from "./words";

/** Where a list is: the cursor its page starts after (null on the first), the page's number, and the cursors of the pages before it. */
export interface PagePosition {
  after: string | null;
  page: number;
  /** Where each earlier page started, first page first: the way back, since the API's cursors go forward only. */
  earlier: Array<string | null>;
}

export const FIRST_PAGE: PagePosition = { after: null, page: 1, earlier: [] };

export interface PagerProps {
  /** The navigation's accessible name, the screen's own ("Shipment pages"). */
  label: string;
  position: PagePosition;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  loading: boolean;
  onMove(next: PagePosition): void;
}

/**
 * A list's "First page", "Previous page" and "Next page"; nothing when the list has one page. The
 * API's cursors go forward only, so the way back is the cursors the pages before started at. The
 * buttons are named alike on every list (ui/words.ts), only the navigation's name is the screen's.
 */
export function Pager({ label, position, pageInfo, loading, onMove }: PagerProps) {
  const words = useWords(commonWords);
  if (position.page <= 1 && !pageInfo.hasNextPage) return null;
  return (
    <nav class="actions" aria-label={label}>
      {position.page > 1 && (
        <>
          <button type="button" disabled={loading} onClick={() => onMove(FIRST_PAGE)}>
            {words.firstPage}
          </button>
          <button
            type="button"
            disabled={loading}
            onClick={() => onMove({ after: position.earlier.at(-1) ?? null, page: position.page - 1, earlier: position.earlier.slice(0, -1) })}
          >
            {words.previousPage}
          </button>
        </>
      )}
      {pageInfo.hasNextPage && pageInfo.endCursor && (
        <button
          type="button"
          disabled={loading}
          onClick={() => onMove({ after: pageInfo.endCursor ?? null, page: position.page + 1, earlier: [...position.earlier, position.after] })}
        >
          {words.nextPage}
        </button>
      )}
    </nav>
  );
}
