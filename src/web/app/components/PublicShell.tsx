import { Flex, Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../i18n';
import { LanguageSwitch } from '../LanguageSwitch';

/**
 * The frame of the residents' phone pages: no staff menu, no login, a language switch, one narrow
 * column with large touch targets (see .linli-public in global.css).
 */
export function PublicShell({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  useEffect(() => {
    const before = document.title;
    document.title = `${title} · ${t('app.name')}`;
    return () => {
      document.title = before;
    };
  }, [title, t]);
  return (
    <div className="linli-public">
      <header className="linli-public-header">
        <Link to="/report" style={{ display: 'flex', alignItems: 'center', gap: 10, color: 'inherit' }}>
          <span aria-hidden className="linli-public-logo">
            邻
          </span>
          <span style={{ lineHeight: 1.2 }}>
            <Typography.Text strong style={{ color: '#fff', fontSize: 17, display: 'block' }}>
              {t('pub.brand')}
            </Typography.Text>
            <Typography.Text style={{ color: 'rgba(255,255,255,.8)', fontSize: 12 }}>
              {t('pub.tagline')}
            </Typography.Text>
          </span>
        </Link>
        <LanguageSwitch size="small" />
      </header>
      <main className="linli-public-main">
        <Typography.Title level={3} style={{ margin: '4px 0 16px' }} data-testid="page-title">
          {title}
        </Typography.Title>
        {children}
      </main>
      <Flex justify="center" style={{ padding: '8px 16px 32px' }}>
        <Typography.Text type="secondary" style={{ fontSize: 12, textAlign: 'center' }}>
          {t('pub.privacy')}
        </Typography.Text>
      </Flex>
    </div>
  );
}

/** A section of a phone page: a numbered heading and its content. */
export function PublicSection({
  n,
  title,
  extra,
  children,
  testId,
}: {
  n?: number;
  title: string;
  extra?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section className="linli-public-card" data-testid={testId}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Text strong style={{ fontSize: 17 }}>
          {n !== undefined ? <span className="linli-public-step">{n}</span> : null}
          {title}
        </Typography.Text>
        {extra}
      </Flex>
      {children}
    </section>
  );
}
