import { ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Empty, Flex, InputNumber, List, Result, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Navigate } from 'react-router';
import { useAuth } from '../../app/auth';
import { ErrorResult, PageLoading } from '../../app/components/Status';
import { useShowError } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { PublicSection, PublicShell } from '../../app/components/PublicShell';
import { type Code, merchantsApi, merchantsKeys, type MyRedeem } from './api';
import { KindTag } from './parts';

/** The volunteer's phone: balance, a short-lived redemption code with a countdown, nearby points. */
export default function RedeemPage() {
  const { t } = useI18n();
  const { me, loading } = useAuth();
  if (loading) return <PageLoading />;
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent('/m/redeem')}`} replace />;
  return (
    <PublicShell title={t('merchants.redeem.title')}>
      <Redeem />
    </PublicShell>
  );
}

function useCountdown(until: string | undefined) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!until) return;
    const h = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(h);
  }, [until]);
  return until ? Math.max(0, Math.floor((Date.parse(until) - now) / 1000)) : 0;
}

function Redeem() {
  const { t } = useI18n();
  const showError = useShowError();
  const [code, setCode] = useState<Code | null>(null);
  const [pointId, setPointId] = useState<string | null>(null);
  const [qty, setQty] = useState<Record<string, number>>({});
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [done, setDone] = useState<MyRedeem['recent'][number] | null>(null);
  const lastSeen = useRef<string | null>(null);
  const left = useCountdown(code?.expiresAt);
  const data = useQuery({
    queryKey: merchantsKeys.me,
    queryFn: merchantsApi.me,
    // While a code is shown, watch for the counter to use it.
    refetchInterval: code && left > 0 ? 4000 : false,
  });

  const latest = data.data?.recent[0];
  useEffect(() => {
    if (!code || !latest) return;
    if (lastSeen.current !== null && latest.id !== lastSeen.current) {
      setDone(latest);
      setCode(null);
      setQty({});
    }
  }, [latest, code]);

  const point = data.data?.points.find((p) => p.id === pointId) ?? null;
  const picked = useMemo(() => (point ? point.items.filter((i) => (qty[i.id] ?? 0) > 0) : []), [point, qty]);
  const shownItems = (p: MyRedeem['points'][number]) =>
    p.id === pointId || open.has(p.id) ? p.items : p.ownCommunity ? p.items.slice(0, 3) : [];
  const pickedPoints = picked.reduce((s, i) => s + i.pricePoints * (qty[i.id] ?? 0), 0);

  const issue = useMutation({
    mutationFn: () =>
      merchantsApi.issueCode(
        point
          ? { pointId: point.id, items: picked.map((i) => ({ itemId: i.id, quantity: qty[i.id]! })) }
          : {},
      ),
    onSuccess: (c) => {
      lastSeen.current = latest?.id ?? '';
      setDone(null);
      setCode(c);
      window.scrollTo({ top: 0, behavior: 'smooth' });
    },
    onError: (e) => showError(e),
  });

  if (data.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (data.isError) return <ErrorResult error={data.error} onRetry={() => data.refetch()} />;
  const d = data.data;

  return (
    <>
      <PublicSection title={t('merchants.redeem.balance')} testId="redeem-balance">
        {d.volunteerName ? (
          <Flex align="baseline" gap={8}>
            <Typography.Text
              style={{ fontSize: 40, fontWeight: 700, color: '#d4380d' }}
              data-testid="balance"
            >
              {d.balance ?? 0}
            </Typography.Text>
            <Typography.Text type="secondary">
              {t('merchants.redeem.pointsUnit')} · {d.volunteerName}
            </Typography.Text>
          </Flex>
        ) : (
          <Alert type="info" showIcon title={t('merchants.redeem.notVolunteer')} />
        )}
      </PublicSection>

      {done ? (
        <PublicSection title={t('merchants.counter.done')}>
          <Result
            status="success"
            style={{ padding: 8 }}
            title={t('merchants.counter.doneText', { number: done.number, points: done.totalPoints })}
            subTitle={`${done.pointName} · ${done.lines.map((l) => `${l.itemName}×${l.quantity}`).join('、')}`}
          />
        </PublicSection>
      ) : null}

      {d.volunteerName ? (
        <PublicSection title={t('merchants.redeem.showCode')} testId="redeem-code">
          {code ? (
            <Flex vertical align="center" gap={8}>
              <Typography.Text
                style={{
                  fontSize: 44,
                  fontWeight: 700,
                  letterSpacing: 6,
                  fontFamily: 'monospace',
                  color: left > 0 ? '#1d5fbf' : '#bfbfbf',
                }}
                data-testid="code"
              >
                {code.code.replace(/(\d{4})(\d{4})/, '$1 $2')}
              </Typography.Text>
              {left > 0 ? (
                <Tag color={left < 60 ? 'red' : 'blue'} style={{ fontSize: 15, padding: '4px 10px' }}>
                  {t('merchants.redeem.expiresIn', {
                    min: Math.floor(left / 60),
                    sec: String(left % 60).padStart(2, '0'),
                  })}
                </Tag>
              ) : (
                <Typography.Text type="danger">{t('merchants.redeem.expired')}</Typography.Text>
              )}
              {point && picked.length > 0 ? (
                <Typography.Text type="secondary">
                  {point.name}:{t('merchants.redeem.picked', { n: picked.length, points: pickedPoints })}
                </Typography.Text>
              ) : null}
              <Typography.Paragraph type="secondary" style={{ textAlign: 'center', margin: 0 }}>
                {t('merchants.redeem.codeHelp')}
              </Typography.Paragraph>
              <Button
                icon={<ReloadOutlined />}
                size="large"
                onClick={() => issue.mutate()}
                loading={issue.isPending}
              >
                {t('merchants.redeem.refresh')}
              </Button>
            </Flex>
          ) : (
            <Flex vertical gap={8}>
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {t('merchants.redeem.codeHelp')}
              </Typography.Paragraph>
              {point && picked.length > 0 ? (
                <Typography.Text>
                  {point.name}:{t('merchants.redeem.picked', { n: picked.length, points: pickedPoints })}
                </Typography.Text>
              ) : null}
              <Button
                type="primary"
                size="large"
                block
                className="linli-public-submit"
                onClick={() => issue.mutate()}
                loading={issue.isPending}
                data-testid="show-code"
              >
                {t('merchants.redeem.showCode')}
              </Button>
            </Flex>
          )}
        </PublicSection>
      ) : null}

      <PublicSection title={t('merchants.redeem.points')} testId="redeem-points">
        {d.points.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('merchants.redeem.noPoints')} />
        ) : (
          <Flex vertical gap={12}>
            {d.points.map((p) => (
              <div
                key={p.id}
                style={{
                  border: `1px solid ${p.id === pointId ? '#1d5fbf' : '#f0f0f0'}`,
                  borderRadius: 8,
                  padding: 12,
                }}
              >
                <Flex justify="space-between" align="start" gap={8} style={{ marginBottom: 6 }}>
                  <div>
                    <Typography.Text strong style={{ fontSize: 16 }}>
                      {p.name}
                    </Typography.Text>
                    <div>
                      <KindTag kind={p.kind} />
                      {p.ownCommunity ? <Tag color="gold">{t('merchants.redeem.ownCommunity')}</Tag> : null}
                    </div>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {p.orgUnitName} {p.address ?? ''}
                    </Typography.Text>
                  </div>
                  {d.volunteerName && p.id !== pointId ? (
                    <Button
                      size="small"
                      onClick={() => {
                        setPointId(p.id);
                        setQty({});
                      }}
                    >
                      {t('merchants.redeem.pickHere')}
                    </Button>
                  ) : null}
                </Flex>
                {shownItems(p).map((i) => (
                  <Flex
                    key={i.id}
                    justify="space-between"
                    align="center"
                    gap={8}
                    style={{ padding: '6px 0', borderTop: '1px solid #f5f5f5' }}
                  >
                    <span style={{ flex: 1 }}>{i.name}</span>
                    {i.stock === 0 ? (
                      <Typography.Text type="secondary">{t('merchants.redeem.soldOut')}</Typography.Text>
                    ) : (
                      <Typography.Text strong style={{ color: '#d4380d' }}>
                        {i.pricePoints}
                      </Typography.Text>
                    )}
                    {p.id === pointId ? (
                      <InputNumber
                        min={0}
                        max={i.stock}
                        precision={0}
                        value={qty[i.id] ?? 0}
                        disabled={i.stock === 0}
                        onChange={(v) => setQty((q) => ({ ...q, [i.id]: v ?? 0 }))}
                        style={{ width: 64 }}
                        data-testid={`pick-${i.name}`}
                      />
                    ) : null}
                  </Flex>
                ))}
                {shownItems(p).length < p.items.length ? (
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0 }}
                    onClick={() => setOpen(new Set(open).add(p.id))}
                  >
                    {t('merchants.redeem.allItems', { n: p.items.length })}
                  </Button>
                ) : null}
              </div>
            ))}
          </Flex>
        )}
      </PublicSection>

      <PublicSection title={t('merchants.redeem.recent')} testId="redeem-recent">
        <List
          size="small"
          dataSource={d.recent}
          locale={{ emptyText: t('merchants.redeem.noRecent') }}
          renderItem={(r) => (
            <List.Item style={{ paddingInline: 0 }}>
              <List.Item.Meta
                title={
                  <Flex justify="space-between">
                    <span>{r.pointName}</span>
                    <Typography.Text type="danger">-{r.totalPoints}</Typography.Text>
                  </Flex>
                }
                description={`${formatDateTime(r.redeemedAt)} · ${r.lines.map((l) => `${l.itemName}×${l.quantity}`).join('、')}`}
              />
            </List.Item>
          )}
        />
      </PublicSection>
    </>
  );
}
