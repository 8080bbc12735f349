import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Row,
  Segmented,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableProps } from 'antd';
import { OrgUnitSelect } from '../org/api';
import { useState } from 'react';
import { useLocation } from 'react-router';
import { ColItem } from '../../app/components/ColItem';
import { PageHeader } from '../../app/components/PageHeader';
import { ErrorResult } from '../../app/components/Status';
import { formatDateTime, plainYuan } from '../../app/format';
import { SubmitModal } from '../../app/components/SubmitModal';
import { useSaving } from '../../app/components/useSaving';
import { type MessageKey, useI18n } from '../../app/i18n';
import { type Plan, type Relief, careApi, careKeys } from './api';
import { AddPageHeader } from '../../app/components/AddPageHeader';

type PageAt = { page: number; pageSize: number };

/** A care list's page as a small table: `page` is the page and page size asked for, `onPage` turns the page. */
function CareTable<R extends object>({
  list,
  page,
  onPage,
  ...table
}: {
  list: UseQueryResult<{ items: R[]; total: number }>;
  page: PageAt;
  onPage: (page: PageAt) => void;
} & Omit<TableProps<R>, 'dataSource' | 'loading' | 'pagination'>) {
  return (
    <Table<R>
      rowKey="id"
      size="small"
      loading={list.isPending}
      dataSource={list.data?.items}
      pagination={{
        current: page.page,
        pageSize: page.pageSize,
        total: list.data?.total,
        onChange: (p, s) => onPage({ page: p, pageSize: s }),
      }}
      {...table}
    />
  );
}

/** 走访关爱: the visit plans in scope, overdue and missed ones to the fore (R-SV-3). */
export function PlansPage() {
  const { t } = useI18n();
  const params = new URLSearchParams(useLocation().search);
  const [view, setView] = useState(params.get('view') ?? 'all');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const q = { view, ...page };
  const list = useQuery({ queryKey: careKeys.plans(q), queryFn: () => careApi.plans(q) });
  if (list.isError) return <ErrorResult error={list.error} onRetry={() => list.refetch()} />;
  return (
    <>
      <PageHeader title={t('care.plans.title')} subtitle={t('care.plans.subtitle')} />
      <Card size="small">
        <Segmented
          style={{ marginBottom: 12 }}
          value={view}
          onChange={(v) => {
            setView(String(v));
            setPage({ ...page, page: 1 });
          }}
          options={(['all', 'overdue', 'missed', 'mine'] as const).map((v) => ({
            value: v,
            label: t(`care.view.${v}` as MessageKey),
          }))}
        />
        <CareTable<Plan>
          list={list}
          page={page}
          onPage={setPage}
          locale={{ emptyText: t('care.empty') }}
          scroll={{ x: 900 }}
          columns={[
            { title: t('care.field.community'), dataIndex: 'communityName', width: 110 },
            { title: t('care.field.person'), dataIndex: 'residentNameMask', width: 100 },
            {
              title: t('care.field.tag'),
              dataIndex: 'tag',
              width: 90,
              render: (v: string) => <Tag>{t(`care.tag.${v}` as MessageKey)}</Tag>,
            },
            {
              title: t('care.field.frequency'),
              dataIndex: 'frequencyDays',
              width: 100,
              render: (n: number) => t('care.field.everyDays', { n }),
            },
            {
              title: t('care.field.assignee'),
              key: 'assignee',
              width: 160,
              render: (_: unknown, p) =>
                `${p.assigneeName ?? ''}（${t(`care.assignee.${p.assigneeKind}` as MessageKey)}）`,
            },
            {
              title: t('care.field.lastVisit'),
              dataIndex: 'lastVisitAt',
              width: 150,
              render: (v: string | null) => (v ? formatDateTime(v) : t('care.neverVisited')),
            },
            {
              title: t('care.field.nextDue'),
              dataIndex: 'nextDueAt',
              width: 180,
              render: (v: string, p) => (
                <Space size={4}>
                  {formatDateTime(v)}
                  {p.overdue ? <Tag color="red">{t('care.overdue')}</Tag> : null}
                </Space>
              ),
            },
            {
              title: t('care.field.missed'),
              dataIndex: 'missedCount',
              width: 90,
              align: 'right',
              render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : 0),
            },
          ]}
        />
      </Card>
    </>
  );
}

const STATE_COLOR = { applied: 'orange', approved: 'blue', rejected: 'default', granted: 'green' } as const;

/** 临时救助: cases at the place of emergency, whatever the registration; approve, reject, grant (R-SV-3). */
export function ReliefPage() {
  const { t } = useI18n();
  const [applying, setApplying] = useState(false);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useQuery({ queryKey: careKeys.relief(page), queryFn: () => careApi.relief(page) });
  const act = useSaving(
    (v: { r: Relief; action: 'approve' | 'reject' | 'grant' }) =>
      careApi.actOnRelief(v.r.id, { action: v.action, version: v.r.version }),
    {
      invalidate: careKeys.all,
      done: () => t('care.relief.done'),
    },
  );
  if (list.isError) return <ErrorResult error={list.error} onRetry={() => list.refetch()} />;
  return (
    <>
      <AddPageHeader
        title={t('care.relief.title')}
        subtitle={t('care.relief.subtitle')}
        permission="care.relief"
        addLabel={t('care.relief.new')}
        onAdd={() => setApplying(true)}
        addTestId="relief-new"
      />
      {applying ? <ReliefModal onClose={() => setApplying(false)} /> : null}
      <Card size="small">
        <CareTable<Relief>
          list={list}
          page={page}
          onPage={setPage}
          locale={{ emptyText: t('care.relief.empty') }}
          scroll={{ x: 1100 }}
          columns={[
            { title: t('care.relief.number'), dataIndex: 'number', width: 170 },
            { title: t('care.relief.applicant'), dataIndex: 'applicantNameMask', width: 90 },
            {
              title: t('care.relief.hukou'),
              key: 'hukou',
              width: 200,
              render: (_: unknown, r) => (
                <Space size={4} wrap>
                  {r.hukouPlace}
                  {r.localHukou ? null : <Tag color="purple">{t('care.relief.nonLocal')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('care.relief.place'),
              key: 'place',
              width: 200,
              render: (_: unknown, r) => `${r.unitName ?? ''} ${r.emergencyPlace}`,
            },
            {
              title: t('care.relief.items'),
              dataIndex: 'items',
              width: 260,
              render: (items: Relief['items']) =>
                items.map((i) => (
                  <div key={`${i.kind}-${i.description}`}>
                    <Tag>{t(`care.relief.kind.${i.kind}` as MessageKey)}</Tag>
                    {i.description}
                    {i.amountFen ? ` ¥${plainYuan(i.amountFen)}` : ''}
                    {i.provider ? `（${i.provider}）` : ''}
                  </div>
                )),
            },
            {
              title: t('care.relief.total'),
              dataIndex: 'totalFen',
              width: 100,
              align: 'right',
              render: (n: number) => plainYuan(n),
            },
            {
              title: t('care.relief.state'),
              dataIndex: 'state',
              width: 100,
              render: (s: Relief['state']) => (
                <Tag color={STATE_COLOR[s]}>{t(`care.relief.state.${s}` as MessageKey)}</Tag>
              ),
            },
            {
              title: '',
              key: 'actions',
              width: 200,
              render: (_: unknown, r) => (
                <Space size={4}>
                  {r.actions.map((a) => (
                    <Button
                      key={a}
                      size="small"
                      type={a === 'reject' ? 'default' : 'primary'}
                      danger={a === 'reject'}
                      loading={act.isPending}
                      onClick={() => act.mutate({ r, action: a })}
                    >
                      {t(`care.relief.${a}` as MessageKey)}
                    </Button>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}

const fen = (yuanValue: unknown) => (typeof yuanValue === 'number' ? Math.round(yuanValue * 100) : null);

/** A relief application at the place of emergency: money, goods and services in one case (R-SV-3). */
function ReliefModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const save = (v: Record<string, unknown>) => {
    const items: Record<string, unknown>[] = [];
    if (v.money)
      items.push({ kind: 'money', description: t('care.relief.kind.money'), amountFen: fen(v.money) });
    if (v.goods)
      items.push({
        kind: 'goods',
        description: v.goods,
        amountFen: fen(v.goodsValue),
        provider: v.goodsProvider || null,
      });
    if (v.service)
      items.push({ kind: 'service', description: v.service, provider: v.serviceProvider || null });
    return careApi.applyRelief({
      placeUnitId: v.placeUnitId,
      emergencyPlace: v.emergencyPlace,
      applicantName: v.applicantName,
      idNumber: v.idNumber || null,
      phone: v.phone || null,
      hukouPlace: v.hukouPlace,
      localHukou: !!v.localHukou,
      reason: v.reason,
      items,
    });
  };
  const req = [{ required: true }];
  return (
    <SubmitModal
      title={t('care.relief.new')}
      width={720}
      invalidate={careKeys.all}
      savedText={t('care.relief.saved')}
      onClose={onClose}
      submit={save}
    >
      <Row gutter={12}>
        <ColItem span={12} name="placeUnitId" label={t('care.relief.placeUnit')} rules={req}>
          <OrgUnitSelect
            selectableKinds={['community', 'grid', 'compound', 'building']}
            searchKind="community"
          />
        </ColItem>
        <ColItem span={12} name="emergencyPlace" label={t('care.relief.place')} rules={req}>
          <Input maxLength={200} />
        </ColItem>
        <ColItem span={8} name="applicantName" label={t('care.relief.applicant')} rules={req}>
          <Input maxLength={40} />
        </ColItem>
        <ColItem span={8} name="idNumber" label={t('care.relief.idNumber')}>
          <Input maxLength={18} />
        </ColItem>
        <ColItem span={8} name="phone" label={t('care.relief.phone')}>
          <Input maxLength={20} />
        </ColItem>
        <ColItem span={16} name="hukouPlace" label={t('care.relief.hukou')} rules={req}>
          <Input maxLength={80} />
        </ColItem>
        <ColItem span={8} name="localHukou" label=" " valuePropName="checked">
          <Checkbox>{t('care.relief.localHukou')}</Checkbox>
        </ColItem>
      </Row>
      <Form.Item name="reason" label={t('care.relief.reason')} rules={req}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Row gutter={12}>
        <ColItem span={8} name="money" label={t('care.relief.money')}>
          <InputNumber min={0} step={100} style={{ width: '100%' }} />
        </ColItem>
        <ColItem span={8} name="goods" label={t('care.relief.goods')}>
          <Input maxLength={120} />
        </ColItem>
        <ColItem span={8} name="goodsValue" label={t('care.relief.goodsValue')}>
          <InputNumber min={0} style={{ width: '100%' }} />
        </ColItem>
        <ColItem span={12} name="service" label={t('care.relief.service')}>
          <Input maxLength={120} />
        </ColItem>
        <ColItem span={12} name="serviceProvider" label={t('care.relief.provider')}>
          <Input maxLength={80} />
        </ColItem>
      </Row>
    </SubmitModal>
  );
}
