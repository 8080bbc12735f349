import { CheckCircleFilled, SearchOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Divider,
  Flex,
  Input,
  InputNumber,
  List,
  Result,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import type { volunteerSchema } from '../../../shared/contracts/volunteers';
import type { Wire } from '../../../shared/contracts/wire';
import { ApiError, api, type Page } from '../../app/api';
import { PageHeader } from '../../app/components/PageHeader';
import { EmptyHint, QueryBoundary } from '../../app/components/Status';
import { useShowError } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import {
  type CodeLookup,
  type CounterPoint,
  linesText,
  merchantsApi,
  merchantsKeys,
  newIdempotencyKey,
  type RedeemResult,
} from './api';
import { categoryKey } from './parts';
import { useNameSearch } from '../../app/useNameSearch';

type Volunteer = Wire<z.infer<typeof volunteerSchema>>;

/**
 * The counter of a redemption point, usable on a phone by merchant staff: enter the volunteer's code
 * (or, community staff, pick the volunteer), pick items, confirm, see the result.
 */
export default function CounterPage() {
  const { t } = useI18n();
  const points = useQuery({ queryKey: merchantsKeys.counter, queryFn: merchantsApi.counterPoints });
  return (
    <div style={{ maxWidth: 640 }}>
      <PageHeader title={t('merchants.counter.title')} />
      <QueryBoundary query={points}>
        {(list) =>
          list.length === 0 ? <EmptyHint text={t('merchants.counter.noPoints')} /> : <Counter points={list} />
        }
      </QueryBoundary>
    </div>
  );
}

function Counter({ points }: { points: CounterPoint[] }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const showError = useShowError();
  const { modal } = App.useApp();
  const [params, setParams] = useSearchParams();
  const wanted = params.get('point');
  const point = points.find((p) => p.id === wanted) ?? points[0]!;
  const [code, setCode] = useState('');
  const [holder, setHolder] = useState<CodeLookup | null>(null);
  const [volunteer, setVolunteer] = useState<Volunteer | null>(null);
  const [qty, setQty] = useState<Record<string, number>>({});
  const [key, setKey] = useState(newIdempotencyKey);
  const [result, setResult] = useState<RedeemResult | null>(null);

  const reset = () => {
    setCode('');
    setHolder(null);
    setVolunteer(null);
    setQty({});
    setKey(newIdempotencyKey());
    setResult(null);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new point starts a new customer
  useEffect(reset, [point.id]);

  const lookup = useMutation({
    mutationFn: () => merchantsApi.lookup(point.id, code.trim()),
    onSuccess: (h) => {
      setHolder(h);
      setVolunteer(null);
      setQty(Object.fromEntries(h.items.map((i) => [i.itemId, i.quantity])));
    },
    onError: (e) => {
      setHolder(null);
      showError(e);
    },
  });

  const lines = useMemo(
    () =>
      point.items
        .filter((i) => (qty[i.id] ?? 0) > 0)
        .map((i) => ({ item: i, quantity: qty[i.id]!, points: i.pricePoints * qty[i.id]! })),
    [point.items, qty],
  );
  const total = lines.reduce((s, l) => s + l.points, 0);
  const who = holder ? holder.volunteerName : volunteer?.name;

  const redeem = useMutation({
    mutationFn: () =>
      merchantsApi.redeem({
        pointId: point.id,
        ...(holder ? { code: code.trim() } : { volunteerId: volunteer!.id }),
        items: lines.map((l) => ({ itemId: l.item.id, quantity: l.quantity })),
        idempotencyKey: key,
      }),
    onSuccess: (r) => {
      setResult(r);
      qc.invalidateQueries({ queryKey: merchantsKeys.all });
    },
    onError: (e) => {
      showError(e);
      qc.invalidateQueries({ queryKey: merchantsKeys.counter });
      // A refusal (4xx) changed nothing, so a corrected attempt is a new request. After a network error or
      // 5xx the outcome is unknown: the retry keeps the key, and the server answers the first result.
      if (e instanceof ApiError && e.status >= 400 && e.status < 500) setKey(newIdempotencyKey());
    },
  });

  const confirm = () =>
    modal.confirm({
      title: t('merchants.counter.confirmTitle', { points: total }),
      content: `${who ?? ''}:${lines.map((l) => `${l.item.name}×${l.quantity}`).join('、')}`,
      okText: t('merchants.counter.confirm'),
      onOk: () => redeem.mutateAsync().catch(() => undefined),
    });

  if (result)
    return (
      <Card>
        <Result
          status="success"
          icon={<CheckCircleFilled />}
          title={t('merchants.counter.done')}
          subTitle={
            <Flex vertical gap={4}>
              <span data-testid="redeem-result">
                {t('merchants.counter.doneText', { number: result.number, points: result.totalPoints })}
              </span>
              <span>
                {result.volunteerName} · {linesText(result.lines)}
              </span>
              {result.balanceAfter !== null ? (
                <Typography.Text strong>
                  {t('merchants.counter.balanceAfter', { balance: result.balanceAfter })}
                </Typography.Text>
              ) : null}
            </Flex>
          }
          extra={
            <Button type="primary" size="large" onClick={reset} data-testid="counter-next">
              {t('merchants.counter.next')}
            </Button>
          }
        />
      </Card>
    );

  return (
    <Flex vertical gap={16}>
      {points.length > 1 ? (
        <Select
          size="large"
          value={point.id}
          onChange={(v) => setParams({ point: v }, { replace: true })}
          options={points.map((p) => ({ value: p.id, label: `${p.name}(${p.orgUnitName ?? ''})` }))}
          data-testid="counter-point"
        />
      ) : (
        <Typography.Text strong style={{ fontSize: 16 }}>
          {point.name}
        </Typography.Text>
      )}
      <Card size="small" title={t('merchants.counter.code')}>
        <Space.Compact style={{ width: '100%' }}>
          <Input
            size="large"
            inputMode="numeric"
            autoComplete="off"
            maxLength={8}
            placeholder={t('merchants.counter.codePlaceholder')}
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
            onPressEnter={() => code.length >= 6 && lookup.mutate()}
            style={{ fontSize: 22, letterSpacing: 4 }}
            data-testid="counter-code"
          />
          <Button
            size="large"
            type="primary"
            icon={<SearchOutlined />}
            disabled={code.length < 6}
            loading={lookup.isPending}
            onClick={() => lookup.mutate()}
            data-testid="counter-lookup"
          >
            {t('merchants.counter.lookup')}
          </Button>
        </Space.Compact>
        {point.mayEnterVolunteer ? (
          <>
            <Divider plain style={{ margin: '12px 0' }}>
              {t('merchants.counter.or')}
            </Divider>
            <VolunteerPicker
              value={volunteer}
              onChange={(v) => {
                setVolunteer(v);
                if (v) {
                  setHolder(null);
                  setCode('');
                }
              }}
            />
          </>
        ) : null}
        {who ? (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            showIcon
            data-testid="counter-holder"
            title={
              holder
                ? t('merchants.counter.holder', {
                    name: holder.volunteerName,
                    balance: holder.balance ?? '—',
                  })
                : volunteer?.name
            }
            description={
              holder
                ? t('merchants.counter.validUntil', { time: formatDateTime(holder.expiresAt) })
                : undefined
            }
          />
        ) : null}
      </Card>
      <Card size="small" title={t('merchants.counter.pick')}>
        <List
          dataSource={point.items}
          renderItem={(i) => (
            <List.Item
              extra={
                <InputNumber
                  size="large"
                  min={0}
                  max={i.stock}
                  precision={0}
                  value={qty[i.id] ?? 0}
                  disabled={i.stock === 0}
                  onChange={(v) => setQty((q) => ({ ...q, [i.id]: v ?? 0 }))}
                  style={{ width: 96 }}
                  data-testid={`qty-${i.name}`}
                />
              }
            >
              <List.Item.Meta
                title={i.name}
                description={
                  <Space size={4} wrap>
                    <Tag>{t(categoryKey(i.category))}</Tag>
                    <Typography.Text strong>{i.pricePoints}</Typography.Text>
                    <Typography.Text type="secondary">{t('merchants.redeem.pointsUnit')}</Typography.Text>
                    <Typography.Text type={i.stock === 0 ? 'danger' : 'secondary'}>
                      · {t('merchants.counter.stockLeft', { stock: i.stock })}
                    </Typography.Text>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <Flex
        justify="space-between"
        align="center"
        gap={12}
        style={{ position: 'sticky', bottom: 0, background: '#fff', padding: '12px 0' }}
      >
        <Typography.Text strong style={{ fontSize: 18 }} data-testid="counter-total">
          {t('merchants.counter.total', { points: total })}
        </Typography.Text>
        <Button
          type="primary"
          size="large"
          disabled={!who || lines.length === 0}
          loading={redeem.isPending}
          onClick={confirm}
          data-testid="counter-confirm"
        >
          {t('merchants.counter.confirm')}
        </Button>
      </Flex>
      <RecentAtCounter pointId={point.id} />
    </Flex>
  );
}

/** The last redemptions at this point, so the counter can check what went through. */
function RecentAtCounter({ pointId }: { pointId: string }) {
  const { t } = useI18n();
  const q = { pointId, page: 1, pageSize: 5 };
  const recent = useQuery({
    queryKey: merchantsKeys.redemptions(q),
    queryFn: () => merchantsApi.redemptions(q),
  });
  if (!recent.data?.items.length) return null;
  return (
    <Card size="small" title={t('merchants.counter.recent')}>
      <List
        size="small"
        dataSource={recent.data.items}
        renderItem={(r) => (
          <List.Item
            style={{ paddingInline: 0 }}
            extra={<Typography.Text strong>-{r.totalPoints}</Typography.Text>}
          >
            <List.Item.Meta
              title={`${r.volunteerName} · ${linesText(r.lines)}`}
              description={`${formatDateTime(r.redeemedAt)} · ${r.number}`}
            />
          </List.Item>
        )}
        data-testid="counter-recent"
      />
    </Card>
  );
}

function VolunteerPicker({
  value,
  onChange,
}: {
  value: Volunteer | null;
  onChange: (v: Volunteer | null) => void;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const ns = useNameSearch(q);
  const found = useQuery({
    queryKey: ['merchants', 'volunteer-search', ns.serverQuery, ns.pageSize(10)],
    queryFn: () =>
      api.get<Page<Volunteer>>('/api/volunteers', {
        q: ns.serverQuery,
        status: 'active',
        pageSize: ns.pageSize(10),
      }),
    enabled: q.length > 0,
  });
  return (
    <Flex vertical gap={4}>
      <Select<string>
        showSearch
        allowClear
        size="large"
        style={{ width: '100%' }}
        placeholder={t('merchants.counter.volunteerId')}
        filterOption={false}
        onSearch={(v) => setQ(v.trim())}
        value={value?.id}
        onChange={(id) => onChange(found.data?.items.find((v) => v.id === id) ?? null)}
        loading={found.isFetching}
        options={(found.data?.items ?? [])
          .filter((v) => ns.keep(v.name))
          .map((v) => ({ value: v.id, label: `${v.name} ${v.phone ?? ''}` }))}
        data-testid="counter-volunteer"
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('merchants.counter.volunteerHelp')}
      </Typography.Text>
    </Flex>
  );
}
