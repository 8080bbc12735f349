import { WarningFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { FormSaveModal } from '../../app/formSaving';
import { useSaving } from '../../app/components/useSaving';
import { Button, Card, DatePicker, Flex, Form, Select, Switch, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useMemo, useState } from 'react';
import { UNIVERSITY_VOLUNTEERS_MIN, VOLUNTEER_KINDS } from '../../../shared/contracts/volunteers';
import type { Wire } from '../../../shared/contracts/wire';
import type { UniversityRow } from '../../../shared/contracts/volunteers';
import { ExportButton, useExported } from '../../app/components/ExportButton';
import { DownloadButton } from '../../app/components/DownloadButton';
import { PageHeader } from '../../app/components/PageHeader';
import { BlockSkeleton, ErrorResult } from '../../app/components/Status';
import { type MessageKey, useI18n } from '../../app/i18n';
import { hoursOf, volApi, volKeys } from './api';
import { UnitFilter } from './listFrame';
import { SmallTable } from '../../app/components/SmallTable';

const HoursChart = lazy(() => import('./HoursChart'));

type Uni = Wire<UniversityRow>;

function FlagModal({ row, onClose }: { row: Uni | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ demonstration: boolean; partnerUniversities: string[] }>();
  const save = useSaving(
    (v: { demonstration: boolean; partnerUniversities: string[] }) =>
      volApi.setFlag(row!.communityId, {
        demonstration: v.demonstration,
        partnerUniversities: v.partnerUniversities ?? [],
      }),
    { invalidate: volKeys.university, done: () => t('common.saved'), form, after: onClose },
  );
  return (
    <FormSaveModal
      form={form}
      saving={save.isPending}
      open={!!row}
      title={row?.communityName}
      onCancel={onClose}
    >
      {row ? (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => save.mutate(v)}
          initialValues={{ demonstration: row.demonstration, partnerUniversities: row.partnerUniversities }}
        >
          <Form.Item
            name="demonstration"
            label={t('volunteers.university.demonstration')}
            valuePropName="checked"
          >
            <Switch data-testid="flag-demonstration" />
          </Form.Item>
          <Form.Item name="partnerUniversities" label={t('volunteers.university.partners')}>
            <Select mode="tags" open={false} tokenSeparators={[',', ',', '、']} />
          </Form.Item>
        </Form>
      ) : null}
    </FormSaveModal>
  );
}

export default function VolunteerReportsPage() {
  const { t, label } = useI18n();
  const exported = useExported();
  const [orgUnitId, setOrgUnitId] = useState<string>();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().startOf('year'), dayjs()]);
  const [editing, setEditing] = useState<Uni | null>(null);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const hours = useQuery({
    queryKey: volKeys.hours(from, to, orgUnitId),
    queryFn: () => volApi.hours(from, to, orgUnitId),
  });
  const themes = useQuery({
    queryKey: volKeys.themes(from, to, orgUnitId),
    queryFn: () => volApi.themes(from, to, orgUnitId),
  });
  const summary = useQuery({
    queryKey: volKeys.summary(orgUnitId),
    queryFn: () => volApi.summary(orgUnitId),
  });
  const uni = useQuery({ queryKey: volKeys.university, queryFn: () => volApi.university() });
  const hourRows = hours.data ?? [];
  const chart = useMemo(
    () => ({
      categories: hourRows.map((r) => r.communityName),
      values: hourRows.map((r) => hoursOf(r.minutes)),
    }),
    [hourRows],
  );
  const exportXlsx = () => exported(() => volApi.hoursXlsx(from, to, orgUnitId));
  const totalMinutes = hourRows.reduce((s, r) => s + r.minutes, 0);
  /** The confirmed-hours column of the period tables (by community, by theme). */
  const hoursColumn = {
    title: t('volunteers.hoursH'),
    dataIndex: 'minutes',
    align: 'right' as const,
    render: (m: number) => hoursOf(m),
  };
  return (
    <div>
      <PageHeader
        title={t('volunteers.reportsTitle')}
        extra={
          <DownloadButton download={exportXlsx} data-testid="hours-export">
            {t('common.export')}
          </DownloadButton>
        }
      />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          value={range}
          allowClear={false}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          data-testid="hours-period"
        />
        <UnitFilter value={orgUnitId} onChange={setOrgUnitId} />
      </Flex>
      <Card title={t('volunteers.hoursByCommunity')} data-testid="hours-card">
        {hours.isError ? (
          <ErrorResult error={hours.error} onRetry={() => hours.refetch()} />
        ) : hours.isPending ? (
          <BlockSkeleton />
        ) : (
          <Flex gap={16} wrap>
            <div style={{ flex: '2 1 420px', minWidth: 0 }}>
              <Suspense fallback={<BlockSkeleton rows={4} />}>
                <HoursChart {...chart} name={t('volunteers.hoursH')} testId="hours-chart" />
              </Suspense>
            </div>
            <SmallTable
              style={{ flex: '1 1 320px' }}
              rowKey="communityId"
              dataSource={hourRows}
              data-testid="hours-table"
              columns={[
                { title: t('volunteers.community'), dataIndex: 'communityName' },
                { title: t('volunteers.volunteersServed'), dataIndex: 'volunteers', align: 'right' },
                { title: t('volunteers.activitiesCount'), dataIndex: 'activities', align: 'right' },
                hoursColumn,
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>{t('volunteers.total')}</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} colSpan={3} align="right">
                    {hoursOf(totalMinutes)}
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />
          </Flex>
        )}
      </Card>
      <Card
        title={t('volunteers.themesTitle')}
        style={{ marginTop: 16 }}
        data-testid="themes-card"
        extra={
          <ExportButton download={() => volApi.themesXlsx(from, to, orgUnitId)} data-testid="themes-export" />
        }
      >
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('volunteers.themesHint')}
        </Typography.Paragraph>
        {themes.isError ? (
          <ErrorResult error={themes.error} onRetry={() => themes.refetch()} />
        ) : (
          <SmallTable
            rowKey={(r) => r.theme ?? 'none'}
            loading={themes.isPending}
            dataSource={themes.data ?? []}
            data-testid="themes-table"
            columns={[
              {
                title: t('volunteers.theme'),
                dataIndex: 'theme',
                render: (th: string | null) => label(`activity_theme.${th ?? 'none'}`),
              },
              { title: t('volunteers.activitiesCount'), dataIndex: 'activities', align: 'right' },
              { title: t('volunteers.volunteersServed'), dataIndex: 'volunteers', align: 'right' },
              hoursColumn,
            ]}
          />
        )}
      </Card>
      <Card
        title={<span>{t('volunteers.university.title')}</span>}
        style={{ marginTop: 16 }}
        data-testid="university-card"
      >
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('volunteers.university.hint')}
        </Typography.Paragraph>
        {uni.isError ? (
          <ErrorResult error={uni.error} onRetry={() => uni.refetch()} />
        ) : (
          <SmallTable<Uni>
            rowKey="communityId"
            loading={uni.isPending}
            dataSource={uni.data ?? []}
            scroll={{ x: 'max-content' }}
            data-testid="university-table"
            columns={[
              { title: t('volunteers.community'), dataIndex: 'communityName' },
              {
                title: t('volunteers.university.demonstration'),
                dataIndex: 'demonstration',
                render: (d: boolean) =>
                  d ? <Tag color="blue">{t('volunteers.university.demonstration')}</Tag> : '—',
              },
              {
                title: t('volunteers.university.partners'),
                dataIndex: 'partnerUniversities',
                render: (p: string[]) => p.join('、') || '—',
              },
              {
                title: t('volunteers.university.count'),
                dataIndex: 'universityVolunteers',
                align: 'right',
                render: (n: number, r) => (
                  <Typography.Text type={r.flagged ? 'danger' : undefined} strong={r.flagged}>
                    {n}
                    {r.demonstration ? ` / ${UNIVERSITY_VOLUNTEERS_MIN}` : ''}
                  </Typography.Text>
                ),
              },
              {
                title: t('volunteers.university.standard'),
                render: (_: unknown, r) =>
                  !r.demonstration ? (
                    <Typography.Text type="secondary">{t('volunteers.university.notDemo')}</Typography.Text>
                  ) : r.flagged ? (
                    <Tag color="red" icon={<WarningFilled />} data-testid="r-org-4-flag">
                      {t('volunteers.university.flagged')}
                    </Tag>
                  ) : (
                    <Tag color="green">{t('volunteers.university.ok')}</Tag>
                  ),
              },
              {
                title: t('common.actions'),
                render: (_: unknown, r) =>
                  r.canWrite ? (
                    <Button size="small" onClick={() => setEditing(r)}>
                      {t('volunteers.university.edit')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        )}
      </Card>
      <Flex gap={16} wrap style={{ marginTop: 16 }}>
        <Card title={t('volunteers.perCommunity')} style={{ flex: '2 1 480px' }} data-testid="summary-card">
          {summary.isError ? (
            <ErrorResult error={summary.error} />
          ) : (
            <SmallTable
              rowKey="communityId"
              loading={summary.isPending}
              dataSource={summary.data?.communities ?? []}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: t('volunteers.community'), dataIndex: 'communityName' },
                ...VOLUNTEER_KINDS.map((k) => ({
                  title: t(`volunteers.kind.${k}` as MessageKey),
                  align: 'right' as const,
                  render: (_: unknown, r: { byKind: Record<string, number> }) => r.byKind[k] ?? 0,
                })),
                { title: t('volunteers.total'), dataIndex: 'total', align: 'right' as const },
              ]}
            />
          )}
        </Card>
        <Card
          title={t('volunteers.starsDistribution')}
          style={{ flex: '1 1 300px' }}
          data-testid="stars-card"
        >
          {summary.data ? (
            <Suspense fallback={<BlockSkeleton rows={4} />}>
              <HoursChart
                categories={summary.data.stars.map((s) =>
                  s.stars === 0 ? t('volunteers.noStar') : t('volunteers.starN', { n: s.stars }),
                )}
                values={summary.data.stars.map((s) => s.count)}
                name={t('volunteers.stars')}
                color="#faad14"
                height={240}
                testId="stars-chart"
              />
            </Suspense>
          ) : (
            <BlockSkeleton rows={4} />
          )}
        </Card>
      </Flex>
      <FlagModal row={editing} onClose={() => setEditing(null)} />
    </div>
  );
}
