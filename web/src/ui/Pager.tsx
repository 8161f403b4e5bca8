import { useWords } from "../i18n/catalogue";
import { commonWords } from "./words";

/** Where a list is: the cursor its page starts after (null on the first), and the page's number. */
export interface PagePosition {
  after: string | null;
  page: number;
}

export const FIRST_PAGE: PagePosition = { after: null, page: 1 };

export interface PagerProps {
  /** The navigation's accessible name, the screen's own ("Shipment pages"). */
  label: string;
  position: PagePosition;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  loading: boolean;
  onMove(next: PagePosition): void;
}

/**
 * A list's "First page" and "Next page" (the API's cursors go forward only); nothing when the list
 * has one page. The buttons are named alike on every list (ui/words.ts), only the navigation's name
 * is the screen's.
 */
export function Pager({ label, position, pageInfo, loading, onMove }: PagerProps) {
  const words = useWords(commonWords);
  if (position.page <= 1 && !pageInfo.hasNextPage) return null;
  return (
    <nav class="actions" aria-label={label}>
      {position.page > 1 && (
        <button type="button" disabled={loading} onClick={() => onMove(FIRST_PAGE)}>
          {words.firstPage}
        </button>
      )}
      {pageInfo.hasNextPage && pageInfo.endCursor && (
        <button type="button" disabled={loading} onClick={() => onMove({ after: pageInfo.endCursor ?? null, page: position.page + 1 })}>
          {words.nextPage}
        </button>
      )}
    </nav>
  );
}
