import { Button, Empty, Result, Skeleton, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api';
import { useI18n } from '../i18n';

/** A failed load: "not found or outside your scope" for 404, the server's message otherwise, with a retry. */
export function ErrorResult({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  if (error instanceof ApiError && error.status === 404) return <NotFoundResult />;
  if (error instanceof ApiError && error.status === 403) return <ForbiddenResult message={error.message} />;
  return (
    <Result
      status="error"
      title={t('common.loadFailed')}
      subTitle={error instanceof Error ? error.message : String(error)}
      extra={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
      data-testid="load-error"
    />
  );
}

/** The primary 返回首页 button under a 404 or 403 result. */
function BackHomeButton() {
  const { t } = useI18n();
  return (
    <Link to="/">
      <Button type="primary">{t('common.backHome')}</Button>
    </Link>
  );
}

export function NotFoundResult({ title, text }: { title?: string; text?: string }) {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={title ?? t('common.notFoundTitle')}
      subTitle={text ?? t('common.notFoundText')}
      extra={<BackHomeButton />}
      data-testid="not-found"
    />
  );
}

export function ForbiddenResult({ message }: { message?: string }) {
  const { t } = useI18n();
  return (
    <Result
      status="403"
      title={t('common.forbiddenTitle')}
      subTitle={message ?? t('common.forbiddenText')}
      extra={<BackHomeButton />}
      data-testid="forbidden"
    />
  );
}

export function PageLoading() {
  const { t } = useI18n();
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin description={t('app.loading')} size="large">
        <div style={{ minHeight: 80 }} />
      </Spin>
    </div>
  );
}

export function BlockSkeleton({ rows = 6 }: { rows?: number }) {
  return <Skeleton active paragraph={{ rows }} />;
}

export function EmptyHint({ text, children }: { text: string; children?: ReactNode }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} data-testid="empty">
      {children}
    </Empty>
  );
}

/** Renders loading / error / content for one query. */
export function QueryBoundary<T>({
  query,
  children,
  skeletonRows,
}: {
  query: {
    isPending: boolean;
    isError: boolean;
    error: unknown;
    data: T | undefined;
    refetch: () => unknown;
  };
  children: (data: T) => ReactNode;
  skeletonRows?: number;
}) {
  if (query.isPending) return <BlockSkeleton rows={skeletonRows} />;
  if (query.isError || query.data === undefined)
    return <ErrorResult error={query.error} onRetry={() => query.refetch()} />;
  return <>{children(query.data)}</>;
}
