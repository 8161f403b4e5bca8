import { useWords } from "../i18n/catalogue";
import { commonWords } from "./words";

/** Where a list is: the cursor its page starts after (null on the first), and the cursors of the pages before it. */
export interface PagePosition {
  after: string | null;
  /** Where each earlier page started, first page first: the way back, since the API's cursors go forward only. */
  earlier: Array<string | null>;
}

export const FIRST_PAGE: PagePosition = { after: null, earlier: [] };

/** The page's number, counted from 1. */
export const pageNumberOf = (position: PagePosition): number => position.earlier.length + 1;

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
  if (position.earlier.length === 0 && !pageInfo.hasNextPage) return null;
  return (
    <nav class="actions" aria-label={label}>
      {position.earlier.length > 0 && (
        <>
          <button type="button" disabled={loading} onClick={() => onMove(FIRST_PAGE)}>
            {words.firstPage}
          </button>
          <button
            type="button"
            disabled={loading}
            onClick={() => onMove({ after: position.earlier.at(-1) ?? null, earlier: position.earlier.slice(0, -1) })}
          >
            {words.previousPage}
          </button>
        </>
      )}
      {pageInfo.hasNextPage && pageInfo.endCursor && (
        <button
          type="button"
          disabled={loading}
          onClick={() => onMove({ after: pageInfo.endCursor ?? null, earlier: [...position.earlier, position.after] })}
        >
          {words.nextPage}
        </button>
      )}
    </nav>
  );
}
