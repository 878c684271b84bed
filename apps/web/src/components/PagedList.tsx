import { useCallback, useEffect, useRef, useState, type DependencyList, type ReactNode } from 'react';
import type { Page } from '../api/types';
import { ErrorNotice } from './ErrorNotice';
import { Loading, SkeletonRows } from './Loading';

export interface Paged<T> {
  items: T[];
  loading: boolean;
  error: unknown;
  hasMore: boolean;
  loadMore(): void;
  reload(): void;
}

/**
 * Cursor paging as every list endpoint does it (`?limit=&cursor=`, `page.nextCursor`). The first
 * page reloads when `deps` change (filters); later pages are appended.
 */
export function usePaged<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  deps: DependencyList,
): Paged<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const generation = useRef(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists what fetchPage reads, as with useEffect
  const fetcher = useCallback(fetchPage, deps);

  const load = useCallback(
    (after: string | undefined, append: boolean) => {
      const mine = ++generation.current;
      setLoading(true);
      setError(undefined);
      fetcher(after).then(
        (page) => {
          if (mine !== generation.current) return;
          setItems((prev) => (append ? [...prev, ...page.items] : page.items));
          setCursor(page.page.nextCursor ?? null);
          setLoading(false);
        },
        (e) => {
          if (mine !== generation.current) return;
          setError(e);
          setLoading(false);
        },
      );
    },
    [fetcher],
  );

  useEffect(() => load(undefined, false), [load]);
  return {
    items,
    loading,
    error,
    hasMore: cursor !== null,
    loadMore: () => cursor && load(cursor, true),
    reload: () => load(undefined, false),
  };
}

interface PagedListProps<T> {
  paged: Paged<T>;
  render(item: T): ReactNode;
  keyOf(item: T): string;
  empty: ReactNode;
  label: string;
  className?: string;
}

/** A list with its loading state, error, empty state and a "Show more" button. */
export function PagedList<T>({ paged, render, keyOf, empty, label, className }: PagedListProps<T>) {
  const first = paged.loading && paged.items.length === 0;
  if (first) return <SkeletonRows label={`Loading ${label}…`} />;
  return (
    <div className="paged">
      {paged.error ? (
        <ErrorNotice error={paged.error} onRetry={paged.items.length ? paged.loadMore : paged.reload} />
      ) : null}
      {paged.items.length === 0 && !paged.error ? (
        empty
      ) : (
        <ul className={className ?? 'list'} aria-label={label}>
          {paged.items.map((item) => (
            <li key={keyOf(item)}>{render(item)}</li>
          ))}
        </ul>
      )}
      {paged.hasMore && (
        <div className="paged__more">
          {paged.loading ? (
            <Loading inline label="Loading more…" />
          ) : (
            <button type="button" className="btn btn--ghost" onClick={paged.loadMore}>
              Show more
            </button>
          )}
        </div>
      )}
    </div>
  );
}
