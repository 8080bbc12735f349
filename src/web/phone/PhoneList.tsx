/**
 * The phone's record lists: a list loaded by a query (skeleton, error with a retry, the cards or the empty
 * text), what any query shows before its data, and the card that opens one record (its title, a tag at the
 * end of the heading row, lines below).
 */
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ErrorBox, Loading } from './ui';

/**
 * What stands in for a query's data until it has it: a skeleton (`rows` lines) while it loads, on a failure
 * the error and a retry. A page returns it while `!query.isSuccess`.
 */
export function QueryFallback({ query, rows }: { query: UseQueryResult<unknown>; rows?: number }) {
  if (query.isError) return <ErrorBox error={query.error} onRetry={() => query.refetch()} />;
  return <Loading rows={rows} />;
}

/** The items of a list query, one card each; while it loads a skeleton, on a failure the error and a retry. */
export function QueryList<T>({
  query,
  empty,
  children,
}: {
  query: UseQueryResult<{ items: T[] }>;
  /** What stands in for the cards when there is none (usually an `<Empty>`). */
  empty: ReactNode;
  children: (item: T) => ReactNode;
}) {
  if (!query.isSuccess) return <QueryFallback query={query} />;
  return query.data.items.length ? query.data.items.map(children) : empty;
}

/** A whole card that opens a record: the title in bold, `tag` at the end of its row, then `children`. */
export function LinkCard({
  to,
  title,
  tag,
  top,
  wrap,
  testId,
  children,
}: {
  to: string;
  title: ReactNode;
  /** A tag (or a row of tags) beside the title; without one the title stands alone. */
  tag?: ReactNode;
  /** Tags stay at the top of a title that takes two lines. */
  top?: boolean;
  /** Tags go below a title they do not fit beside. */
  wrap?: boolean;
  testId?: string;
  children?: ReactNode;
}) {
  return (
    <Link to={to} className="ph-card" style={{ display: 'block', color: 'inherit' }} data-testid={testId}>
      {tag === undefined ? (
        <strong>{title}</strong>
      ) : (
        <div
          className="row"
          style={{
            justifyContent: 'space-between',
            gap: 8,
            ...(top ? { alignItems: 'flex-start' } : {}),
            ...(wrap ? { flexWrap: 'wrap' } : {}),
          }}
        >
          <strong>{title}</strong>
          {tag}
        </div>
      )}
      {children}
    </Link>
  );
}
