import { Button, Card, DatePicker, Input, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { DS_INCIDENT_KINDS } from '../../../shared/contracts/disputes';
import { AddButton } from '../../app/components/AddButton';
import { ExportButton } from '../../app/components/ExportButton';
import { FilterSelect } from '../../app/components/FilterSelect';
import { PageHeader } from '../../app/components/PageHeader';
import { FormModal, PagedTable, RegistryCard, usePagedQuery } from '../../app/components/Registry';
import { dashColumn, labelColumn } from '../../app/components/columns';
import { ErrorResult } from '../../app/components/Status';
import { useAuth } from '../../app/auth';
import { chinaToday } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { OrgUnitSelect } from '../org/api';
import { type Incident, dsApi, dsKeys } from './api';
import { Field, labelOptions } from './meta';

const KIND = 'disputes.incidents.kind';
const STANDING_STATES = ['clear', 'incident'] as const;

/** The fields of an incident's form (the community only when it is recorded, not when it is corrected). */
function IncidentFields({ withCommunity }: { withCommunity: boolean }) {
  const { t } = useI18n();
  const today = dayjs(chinaToday());
  return (
    <>
      {withCommunity ? (
        <Field name="orgUnitId" label="disputes.incidents.community" required>
          <OrgUnitSelect selectableKinds={['community']} searchKind="community" />
        </Field>
      ) : null}
      <Field name="kind" label="disputes.incidents.kind" required>
        <Select options={labelOptions(t, KIND, DS_INCIDENT_KINDS)} />
      </Field>
      <Field name="occurredOn" label="disputes.incidents.occurredOn" required>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(today, 'day')} />
      </Field>
      <Field name="place" label="disputes.incidents.place" required>
        <Input maxLength={200} />
      </Field>
      <Field name="description" label="disputes.incidents.description" required>
        <Input.TextArea rows={3} maxLength={500} />
      </Field>
      <Field name="handlingResult" label="disputes.incidents.handlingResult">
        <Input.TextArea rows={2} maxLength={1000} />
      </Field>
      <Field name="reportedBy" label="disputes.incidents.reportedBy" required>
        <Input maxLength={100} />
      </Field>
    </>
  );
}

/**
 * Each community's standing against seed 004's Ⅱ-4 item (no listed incident in the two years up to today),
 * computed by the server from the register.
 */
function StandingCard({ communityId }: { communityId: string | undefined }) {
  const { t } = useI18n();
  const [state, setState] = useState<string | undefined>();
  const paged = usePagedQuery(dsKeys.incidentStanding, dsApi.incidentStanding, { communityId, state }, 10);
  const data = paged.list.data;
  if (paged.list.isError)
    return <ErrorResult error={paged.list.error} onRetry={() => paged.list.refetch()} />;
  return (
    <Card
      size="small"
      title={t('disputes.incidents.standing.title')}
      style={{ marginBottom: 12 }}
      extra={
        <FilterSelect
          width={120}
          placeholder={t('disputes.incidents.standing.allStates')}
          value={state}
          onChange={setState}
          options={labelOptions(t, 'disputes.incidents.standing.filter', STANDING_STATES)}
        />
      }
    >
      {data ? (
        <Typography.Paragraph type="secondary">
          {t('disputes.incidents.standing.window', { from: data.windowFrom, to: data.today })}
        </Typography.Paragraph>
      ) : null}
      <PagedTable
        rowKey="communityId"
        paged={paged}
        columns={[
          { title: t('disputes.incidents.community'), dataIndex: 'communityName' },
          {
            title: t('disputes.incidents.standing.state'),
            key: 'state',
            width: 200,
            render: (_: unknown, c) =>
              c.clear ? (
                <Tag color="green">{t('disputes.incidents.standing.clear')}</Tag>
              ) : (
                <Tag color="red">{t('disputes.incidents.standing.incident', { n: c.incidents })}</Tag>
              ),
          },
          dashColumn(t('disputes.incidents.standing.lastOn'), 'lastOn', 120),
          dashColumn(t('disputes.incidents.standing.clearFrom'), 'clearFrom', 140),
        ]}
      />
    </Card>
  );
}

/**
 * 社区重大事件登记 (seed 004 附件2 Ⅱ-4): the register of serious incidents by community, kind and period, its
 * export, and each community's two-year standing above it.
 */
export default function IncidentsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [communityId, setCommunityId] = useState<string | undefined>();
  const [kind, setKind] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const from = range?.[0]?.format('YYYY-MM-DD');
  const to = range?.[1]?.format('YYYY-MM-DD');
  const paged = usePagedQuery(dsKeys.incidents, dsApi.incidents, { communityId, kind, from, to });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Incident | null>(null);
  return (
    <>
      <PageHeader title={t('disputes.incidents.title')} subtitle={t('disputes.incidents.subtitle')} />
      <StandingCard communityId={communityId} />
      <RegistryCard<Incident>
        paged={paged}
        empty={t('disputes.incidents.empty')}
        scroll={{ x: 1000 }}
        toolbar={
          <Space wrap>
            <div style={{ width: 220 }}>
              <OrgUnitSelect
                value={communityId}
                onChange={(v) => setCommunityId(v)}
                selectableKinds={['subdistrict', 'community']}
                searchKind="community"
                placeholder={t('disputes.incidents.community')}
              />
            </div>
            <FilterSelect
              width={160}
              placeholder={t('disputes.incidents.kind')}
              value={kind}
              onChange={setKind}
              options={labelOptions(t, KIND, DS_INCIDENT_KINDS)}
            />
            <DatePicker.RangePicker
              value={range}
              onChange={(v) => setRange(v)}
              placeholder={[t('disputes.incidents.from'), t('disputes.incidents.to')]}
            />
            <ExportButton download={() => dsApi.exportIncidents(paged.query)} />
            {can('disputes.handle') ? (
              <AddButton onClick={() => setCreating(true)}>{t('disputes.incidents.new')}</AddButton>
            ) : null}
          </Space>
        }
        expandable={{
          expandedRowRender: (r) => (
            <Space direction="vertical" size={4}>
              <Typography.Text>{r.description}</Typography.Text>
              {r.handlingResult ? (
                <Typography.Text>
                  {t('disputes.incidents.handlingResult')}：{r.handlingResult}
                </Typography.Text>
              ) : null}
              {r.recordedByName ? (
                <Typography.Text type="secondary">
                  {t('disputes.incidents.recordedBy')}：{r.recordedByName}
                </Typography.Text>
              ) : null}
            </Space>
          ),
        }}
        columns={[
          { title: t('disputes.incidents.occurredOn'), dataIndex: 'occurredOn', width: 110 },
          { title: t('disputes.incidents.community'), dataIndex: 'unitName', width: 140 },
          labelColumn(t, t('disputes.incidents.kind'), 'kind', KIND, 150),
          { title: t('disputes.incidents.place'), dataIndex: 'place', width: 200 },
          { title: t('disputes.incidents.reportedBy'), dataIndex: 'reportedBy', width: 150 },
          {
            title: '',
            key: 'counting',
            width: 150,
            render: (_: unknown, r) =>
              r.counting ? (
                <Tag color="red">{t('disputes.incidents.counting', { date: r.countsUntil })}</Tag>
              ) : (
                <Tag>{t('disputes.incidents.expired')}</Tag>
              ),
          },
          {
            title: '',
            key: 'ops',
            width: 80,
            fixed: 'right',
            render: (_: unknown, r) =>
              r.canEdit ? (
                <Button size="small" onClick={() => setEditing(r)}>
                  {t('disputes.incidents.edit')}
                </Button>
              ) : null,
          },
        ]}
      >
        {creating ? (
          <FormModal
            invalidate={dsKeys.all}
            empty="omit"
            title={t('disputes.incidents.new')}
            initialValues={{ orgUnitId: communityId }}
            onClose={() => setCreating(false)}
            submit={(v) => dsApi.createIncident(v)}
          >
            <IncidentFields withCommunity />
          </FormModal>
        ) : null}
        {editing ? (
          <FormModal
            invalidate={dsKeys.all}
            title={t('disputes.incidents.editTitle', { place: editing.place })}
            initialValues={{
              kind: editing.kind,
              occurredOn: dayjs(editing.occurredOn),
              place: editing.place,
              description: editing.description,
              handlingResult: editing.handlingResult ?? undefined,
              reportedBy: editing.reportedBy,
            }}
            onClose={() => setEditing(null)}
            submit={(v) => dsApi.updateIncident(editing.id, v)}
          >
            <IncidentFields withCommunity={false} />
          </FormModal>
        ) : null}
      </RegistryCard>
    </>
  );
}
