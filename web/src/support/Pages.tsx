import { useWords } from "../i18n/catalogue";
import { supportWords } from "./words";

/** Where a list is: the cursor its page starts after (null on the first), and the page's number. */
export interface Position {
  after: string | null;
  page: number;
}

export const FIRST_PAGE: Position = { after: null, page: 1 };

interface PagesProps {
  label: string;
  position: Position;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  loading: boolean;
  onMove(next: Position): void;
}

/** A list's "First page" and "Next page" (the API's cursors go forward only). */
export function Pages({ label, position, pageInfo, loading, onMove }: PagesProps) {
  const words = useWords(supportWords);
  if (position.page === 1 && !pageInfo.hasNextPage) return null;
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
