import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { HONOUR_KINDS, MANAGEMENT_KINDS, OC_ROLES } from '../../../shared/contracts/property';
import { AddButton } from '../../app/components/AddButton';
import { enumOptions } from '../../app/components/enumOptions';
import { useAuth } from '../../app/auth';
import { ColItem } from '../../app/components/ColItem';
import { useExported } from '../../app/components/ExportButton';
import { UrlTabsPage } from '../../app/components/UrlTabsPage';
import { ListRows } from '../../app/components/ListRows';
import { CreateRegistry, FormModal, RegistryCard, usePagedQuery } from '../../app/components/Registry';
import { ErrorResult } from '../../app/components/Status';
import { type MessageKey, useI18n } from '../../app/i18n';
import { plainYuan, chinaToday } from '../../app/format';
import { dashColumn } from '../../app/components/columns';
import { textLines } from '../../app/textLines';
import { CommunityFilter, OrgUnitSelect } from '../org/api';
import { type Appraisal, type Compound, type Honour, type Meeting, type Notice, pmApi, pmKeys } from './api';
import { FilterSelect } from '../../app/components/FilterSelect';
import { SmallTable } from '../../app/components/SmallTable';

const MGMT_COLOR = { company: 'green', self: 'blue', none: 'red' } as const;

/** 物业与三方联动: compounds, coverage, joint meetings, notices, appraisals, honours (issue 16 §3). */
export default function PropertyPage() {
  const { t } = useI18n();
  const [communityId, setCommunityId] = useState<string | undefined>();
  const filter = (
    <CommunityFilter value={communityId} onChange={setCommunityId} placeholder={t('pm.allCommunities')} />
  );
  return (
    <UrlTabsPage
      title={t('pm.title')}
      subtitle={t('pm.subtitle')}
      defaultTab="compounds"
      tabBarExtraContent={filter}
      items={[
        {
          key: 'compounds',
          label: t('pm.tab.compounds'),
          children: <Compounds communityId={communityId} />,
        },
        { key: 'coverage', label: t('pm.tab.coverage'), children: <Coverage orgUnitId={communityId} /> },
        { key: 'meetings', label: t('pm.tab.meetings'), children: <Meetings communityId={communityId} /> },
        { key: 'notices', label: t('pm.tab.notices'), children: <Notices communityId={communityId} /> },
        {
          key: 'appraisals',
          label: t('pm.tab.appraisals'),
          children: <Appraisals communityId={communityId} />,
        },
        { key: 'honours', label: t('pm.tab.honours'), children: <Honours communityId={communityId} /> },
      ]}
    />
  );
}

const req = [{ required: true }];
const INVALIDATE = ['property'];

function Compounds({ communityId }: { communityId?: string }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const [management, setManagement] = useState<string | undefined>();
  const [search, setSearch] = useState<string | undefined>();
  const paged = usePagedQuery(pmKeys.compounds, pmApi.compounds, { communityId, management, q: search });
  const [editing, setEditing] = useState<Compound | null>(null);
  return (
    <RegistryCard<Compound>
      paged={paged}
      empty={t('pm.empty')}
      scroll={{ x: 1150 }}
      toolbar={
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('pm.compound')}
            style={{ width: 200 }}
            onSearch={(v) => setSearch(v || undefined)}
          />
          <FilterSelect
            width={180}
            placeholder={t('pm.allManagement')}
            value={management}
            onChange={setManagement}
            options={enumOptions(t, 'pm.mgmt', MANAGEMENT_KINDS)}
          />
        </Space>
      }
      columns={[
        { title: t('pm.community'), dataIndex: 'communityName', width: 110 },
        { title: t('pm.compound'), dataIndex: 'name', width: 130 },
        {
          title: t('pm.management'),
          dataIndex: 'management',
          width: 150,
          render: (v: Compound['management'], r) => (
            <Space size={4} wrap>
              <Tag color={MGMT_COLOR[v]}>{t(`pm.mgmt.${v}` as MessageKey)}</Tag>
              {r.recorded ? null : <Typography.Text type="secondary">{t('pm.notRecorded')}</Typography.Text>}
            </Space>
          ),
        },
        {
          title: t('pm.company'),
          key: 'company',
          width: 220,
          render: (_: unknown, r) => r.companyName ?? r.selfCommitteeName ?? '—',
        },
        {
          title: t('pm.contract'),
          key: 'contract',
          width: 200,
          render: (_: unknown, r) =>
            r.contractStart || r.contractEnd ? (
              <Space size={4} wrap>
                <span>
                  {r.contractStart ?? '—'} 至 {r.contractEnd ?? '—'}
                </span>
                {r.contractExpired ? <Tag color="orange">{t('pm.contractExpired')}</Tag> : null}
              </Space>
            ) : (
              '—'
            ),
        },
        {
          title: t('pm.fee'),
          dataIndex: 'feeFenPerM2',
          width: 120,
          align: 'right',
          render: (v: number | null) => (v === null ? '—' : plainYuan(v)),
        },
        {
          title: t('pm.stars'),
          dataIndex: 'starRating',
          width: 96,
          render: (v: number | null) => (v ? '★'.repeat(v) : '—'),
        },
        {
          title: t('pm.oc'),
          key: 'oc',
          width: 190,
          render: (_: unknown, r) =>
            r.ownersCommittee ? (
              <Space size={4} wrap>
                <span>{t('pm.ocHas', { n: r.ownersCommittee.members.length })}</span>
                {r.ownersCommittee.expired ? <Tag color="orange">{t('pm.ocExpired')}</Tag> : null}
              </Space>
            ) : (
              <Typography.Text type="secondary">{t('pm.ocNone')}</Typography.Text>
            ),
        },
        {
          title: '',
          key: 'edit',
          width: 80,
          fixed: 'right',
          render: (_: unknown, r) =>
            can('property.manage') ? (
              <Button size="small" onClick={() => setEditing(r)}>
                {t('common.edit')}
              </Button>
            ) : null,
        },
      ]}
    >
      {editing ? <CompoundModal compound={editing} onClose={() => setEditing(null)} /> : null}
    </RegistryCard>
  );
}

function CompoundModal({ compound, onClose }: { compound: Compound; onClose: () => void }) {
  const { t } = useI18n();
  const oc = compound.ownersCommittee;
  const initial = {
    management: compound.recorded ? compound.management : 'company',
    companyName: compound.companyName,
    companyUscc: compound.companyUscc,
    contractStart: compound.contractStart,
    contractEnd: compound.contractEnd,
    feeYuan: compound.feeFenPerM2 === null ? null : compound.feeFenPerM2 / 100,
    starRating: compound.starRating,
    selfCommitteeName: compound.selfCommitteeName,
    hasOc: !!oc,
    ocTermStart: oc?.termStart,
    ocTermEnd: oc?.termEnd,
    ocElectedOn: oc?.electedOn,
    ocMembers: oc?.members ?? [{ name: '', role: 'chair' }],
  };
  return (
    <FormModal
      invalidate={INVALIDATE}
      title={`${t('pm.edit')}：${compound.name}`}
      initialValues={initial}
      width={760}
      onClose={onClose}
      submit={(v) =>
        pmApi.saveCompound(compound.id, {
          management: v.management,
          companyName: v.companyName,
          companyUscc: v.companyUscc,
          contractStart: v.contractStart,
          contractEnd: v.contractEnd,
          feeFenPerM2: typeof v.feeYuan === 'number' ? Math.round(v.feeYuan * 100) : null,
          starRating: v.starRating,
          selfCommitteeName: v.selfCommitteeName,
          ownersCommittee: v.hasOc
            ? {
                termStart: v.ocTermStart,
                termEnd: v.ocTermEnd,
                electedOn: v.ocElectedOn,
                members: ((v.ocMembers as { name?: string; role: string }[]) ?? []).filter((m) => m.name),
              }
            : null,
          version: compound.recorded ? compound.version : undefined,
        })
      }
    >
      <Form.Item name="management" label={t('pm.management')} rules={req}>
        <Radio.Group options={enumOptions(t, 'pm.mgmt', MANAGEMENT_KINDS)} />
      </Form.Item>
      <Form.Item noStyle dependencies={['management', 'hasOc']}>
        {({ getFieldValue }) => (
          <>
            {getFieldValue('management') === 'company' ? (
              <Row gutter={12}>
                <ColItem span={12} name="companyName" label={t('pm.company')} rules={req}>
                  <Input maxLength={120} />
                </ColItem>
                <ColItem span={12} name="companyUscc" label={t('pm.uscc')}>
                  <Input maxLength={18} />
                </ColItem>
                <ColItem span={6} name="contractStart" label={t('pm.contractStart')}>
                  <Input type="date" />
                </ColItem>
                <ColItem span={6} name="contractEnd" label={t('pm.contractEnd')}>
                  <Input type="date" />
                </ColItem>
                <ColItem span={6} name="feeYuan" label={t('pm.fee')}>
                  <InputNumber min={0} max={1000} step={0.1} precision={2} style={{ width: '100%' }} />
                </ColItem>
                <ColItem span={6} name="starRating" label={t('pm.stars')}>
                  <Select
                    allowClear
                    options={[1, 2, 3, 4, 5].map((n) => ({ value: n, label: t('pm.starsValue', { n }) }))}
                  />
                </ColItem>
              </Row>
            ) : null}
            {getFieldValue('management') === 'self' ? (
              <Row gutter={12}>
                <ColItem span={12} name="selfCommitteeName" label={t('pm.selfCommittee')} rules={req}>
                  <Input maxLength={120} />
                </ColItem>
                <ColItem span={12} name="feeYuan" label={t('pm.fee')}>
                  <InputNumber min={0} max={1000} step={0.1} precision={2} style={{ width: '100%' }} />
                </ColItem>
              </Row>
            ) : null}
            <Form.Item name="hasOc" valuePropName="checked">
              <Checkbox>{t('pm.ocHasCommittee')}</Checkbox>
            </Form.Item>
            {getFieldValue('hasOc') ? (
              <>
                <Row gutter={12}>
                  <ColItem span={8} name="ocElectedOn" label={t('pm.ocElectedOn')} rules={req}>
                    <Input type="date" />
                  </ColItem>
                  <ColItem span={8} name="ocTermStart" label={t('pm.ocTermStart')} rules={req}>
                    <Input type="date" />
                  </ColItem>
                  <ColItem span={8} name="ocTermEnd" label={t('pm.ocTermEnd')} rules={req}>
                    <Input type="date" />
                  </ColItem>
                </Row>
                <ListRows
                  name="ocMembers"
                  heading={t('pm.ocMembers')}
                  addText={t('pm.addMember')}
                  blank={{ name: '', role: 'member' }}
                >
                  {(f) => (
                    <>
                      <Form.Item name={[f.name, 'name']} noStyle>
                        <Input placeholder={t('pm.memberName')} maxLength={40} style={{ width: 180 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'role']} noStyle>
                        <Select style={{ width: 120 }} options={enumOptions(t, 'pm.ocRole', OC_ROLES)} />
                      </Form.Item>
                    </>
                  )}
                </ListRows>
              </>
            ) : null}
          </>
        )}
      </Form.Item>
    </FormModal>
  );
}

function Coverage({ orgUnitId }: { orgUnitId?: string }) {
  const { t } = useI18n();
  const exported = useExported();
  const q = { orgUnitId };
  const cov = useQuery({ queryKey: pmKeys.coverage(q), queryFn: () => pmApi.coverage(q) });
  if (cov.isError) return <ErrorResult error={cov.error} onRetry={() => cov.refetch()} />;
  const pct = (s: number) => `${Math.round(s * 1000) / 10}%`;
  const totals = cov.data?.totals;
  return (
    <Card size="small">
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('pm.cov.rule')} />
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text strong>
          {totals
            ? t('pm.cov.total', {
                covered: totals.covered,
                compounds: totals.compounds,
                share: pct(totals.share),
                n: totals.communitiesNotFull,
              })
            : ''}
        </Typography.Text>
        <Button icon={<DownloadOutlined />} onClick={() => exported(() => pmApi.exportCoverage(q))}>
          {t('common.export')}
        </Button>
      </Space>
      <SmallTable
        rowKey="communityId"
        loading={cov.isPending}
        dataSource={cov.data?.rows}
        columns={[
          { title: t('pm.community'), dataIndex: 'communityName', width: 120 },
          { title: t('pm.cov.compounds'), dataIndex: 'compounds', width: 80, align: 'right' },
          { title: t('pm.cov.company'), dataIndex: 'withCompany', width: 90, align: 'right' },
          { title: t('pm.cov.self'), dataIndex: 'selfManaged', width: 70, align: 'right' },
          { title: t('pm.cov.uncovered'), dataIndex: 'uncovered', width: 80, align: 'right' },
          {
            title: t('pm.cov.share'),
            dataIndex: 'share',
            width: 130,
            render: (v: number, r) =>
              r.flags.includes('no_compounds') ? (
                <Tag>{t('pm.cov.noCompounds')}</Tag>
              ) : (
                <Tag color={r.flags.includes('not_full') ? 'red' : 'green'}>
                  {pct(v)} {r.flags.includes('not_full') ? t('pm.cov.notFull') : t('pm.cov.full')}
                </Tag>
              ),
          },
          { title: t('pm.cov.oc'), dataIndex: 'withOwnersCommittee', width: 100, align: 'right' },
          {
            title: t('pm.cov.gaps'),
            dataIndex: 'gaps',
            render: (g: { name: string }[]) => (g.length ? g.map((x) => x.name).join('、') : '—'),
          },
        ]}
      />
    </Card>
  );
}

function Meetings({ communityId }: { communityId?: string }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const [onlyOpen, setOnlyOpen] = useState(false);
  const paged = usePagedQuery(pmKeys.meetings, pmApi.meetings, {
    communityId,
    open: onlyOpen ? 'true' : undefined,
  });
  const [resolving, setResolving] = useState<string | null>(null);
  const manage = can('property.manage');
  return (
    <CreateRegistry<Meeting>
      permission="property.manage"
      paged={paged}
      empty={t('pm.mt.empty')}
      filters={
        <Checkbox checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)}>
          {t('pm.mt.onlyOpen')}
        </Checkbox>
      }
      expandable={{
        expandedRowRender: (m) => (
          <SmallTable
            rowKey="id"
            dataSource={m.issues}
            columns={[
              { title: t('pm.mt.issues'), dataIndex: 'text' },
              {
                title: t('pm.mt.owner'),
                dataIndex: 'owner',
                width: 130,
                render: (o: string | null) =>
                  o
                    ? t(
                        `pm.mt.${o === 'residents_committee' ? 'rc' : o === 'owners_committee' ? 'oc' : 'pc'}` as MessageKey,
                      )
                    : '—',
              },
              {
                title: '',
                dataIndex: 'status',
                width: 90,
                render: (s: string) => (
                  <Tag color={s === 'open' ? 'orange' : 'green'}>{t(`pm.mt.status.${s}` as MessageKey)}</Tag>
                ),
              },
              {
                title: t('pm.mt.resolution'),
                key: 'res',
                render: (_: unknown, i) =>
                  i.status === 'resolved' ? (
                    `${i.resolvedOn}：${i.resolution}`
                  ) : manage ? (
                    <Button size="small" onClick={() => setResolving(i.id)}>
                      {t('pm.mt.resolve')}
                    </Button>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        ),
      }}
      columns={[
        { title: t('pm.mt.heldOn'), dataIndex: 'heldOn', width: 110 },
        { title: t('pm.community'), dataIndex: 'communityName', width: 110 },
        dashColumn(t('pm.compound'), 'compoundName', 120),
        { title: t('pm.mt.title'), dataIndex: 'title' },
        {
          title: t('pm.mt.parties'),
          key: 'parties',
          width: 110,
          render: (_: unknown, m) =>
            m.allThree ? (
              <Tag color="green">{t('pm.mt.allThree')}</Tag>
            ) : (
              <Tag color="orange">{t('pm.mt.partial')}</Tag>
            ),
        },
        {
          title: t('pm.mt.issues'),
          key: 'issues',
          width: 120,
          render: (_: unknown, m) =>
            m.openIssues ? (
              <Tag color="orange">{t('pm.mt.openIssues', { n: m.openIssues })}</Tag>
            ) : m.issues.length ? (
              <Tag color="green">{t('pm.mt.allResolved')}</Tag>
            ) : (
              '—'
            ),
        },
      ]}
      create={{
        invalidate: INVALIDATE,
        title: t('pm.mt.new'),
        width: 720,
        initialValues: { heldOn: chinaToday(), communityId },
        submit: (v) => {
          const { issuesText, ...rest } = v;
          const issues = textLines(issuesText as string | undefined).map((text) => ({ text }));
          return pmApi.createMeeting({ ...rest, issues });
        },
      }}
      fields={
        <>
          <Row gutter={12}>
            <ColItem span={12} name="communityId" label={t('pm.community')} rules={req}>
              <OrgUnitSelect selectableKinds={['community']} searchKind="community" />
            </ColItem>
            <ColItem span={12} name="compoundId" label={t('pm.compound')}>
              <OrgUnitSelect selectableKinds={['compound']} searchKind="compound" />
            </ColItem>
            <ColItem span={16} name="title" label={t('pm.mt.title')} rules={req}>
              <Input maxLength={120} />
            </ColItem>
            <ColItem span={8} name="heldOn" label={t('pm.mt.heldOn')} rules={req}>
              <Input type="date" />
            </ColItem>
            <ColItem span={8} name="residentsCommittee" label={t('pm.mt.rc')}>
              <Input maxLength={120} />
            </ColItem>
            <ColItem span={8} name="ownersCommittee" label={t('pm.mt.oc')}>
              <Input maxLength={120} />
            </ColItem>
            <ColItem span={8} name="propertyCompany" label={t('pm.mt.pc')}>
              <Input maxLength={120} />
            </ColItem>
          </Row>
          <Form.Item name="issuesText" label={t('pm.mt.issues')} extra={t('pm.mt.issuesHint')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="minutes" label={t('pm.mt.minutes')}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        </>
      }
    >
      {resolving ? (
        <FormModal
          invalidate={INVALIDATE}
          title={t('pm.mt.resolve')}
          initialValues={{ resolvedOn: chinaToday() }}
          onClose={() => setResolving(null)}
          submit={(v) => pmApi.resolveIssue(resolving, v)}
        >
          <Form.Item name="resolvedOn" label={t('pm.mt.resolvedOn')} rules={req}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="resolution" label={t('pm.mt.resolution')} rules={req}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </FormModal>
      ) : null}
    </CreateRegistry>
  );
}

function Notices({ communityId }: { communityId?: string }) {
  const { t } = useI18n();
  return (
    <CreateRegistry<Notice>
      permission="property.manage"
      paged={usePagedQuery(pmKeys.notices, pmApi.notices, { communityId })}
      empty={t('pm.nt.empty')}
      columns={[
        { title: t('pm.nt.publishedOn'), dataIndex: 'publishedOn', width: 110 },
        { title: t('pm.nt.unit'), dataIndex: 'orgUnitName', width: 130 },
        { title: t('pm.nt.title'), dataIndex: 'title', width: 260 },
        { title: t('pm.nt.body'), dataIndex: 'body', ellipsis: true },
      ]}
      create={{
        invalidate: INVALIDATE,
        title: t('pm.nt.new'),
        initialValues: { publishedOn: chinaToday() },
        submit: (v) => pmApi.createNotice(v),
      }}
      fields={
        <>
          <Form.Item name="orgUnitId" label={t('pm.nt.unit')} rules={req}>
            <OrgUnitSelect selectableKinds={['community', 'compound']} searchKind="compound" />
          </Form.Item>
          <Form.Item name="title" label={t('pm.nt.title')} rules={req}>
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item name="body" label={t('pm.nt.body')} rules={req}>
            <Input.TextArea rows={4} maxLength={4000} />
          </Form.Item>
          <Form.Item name="publishedOn" label={t('pm.nt.publishedOn')} rules={req}>
            <Input type="date" />
          </Form.Item>
        </>
      }
    />
  );
}

function Appraisals({ communityId }: { communityId?: string }) {
  const { t } = useI18n();
  return (
    <CreateRegistry<Appraisal>
      permission="property.manage"
      paged={usePagedQuery(pmKeys.appraisals, pmApi.appraisals, { communityId })}
      empty={t('pm.ap.empty')}
      columns={[
        { title: t('pm.compound'), dataIndex: 'compoundName', width: 140 },
        { title: t('pm.ap.period'), dataIndex: 'period', width: 150 },
        { title: t('pm.ap.appraisedOn'), dataIndex: 'appraisedOn', width: 110 },
        {
          title: t('pm.ap.score'),
          dataIndex: 'score',
          width: 90,
          render: (s: number) => (
            <Tag color={s >= 90 ? 'green' : s >= 80 ? 'blue' : s >= 60 ? 'orange' : 'red'}>{s}</Tag>
          ),
        },
        dashColumn(t('pm.ap.respondents'), 'respondents', 90),
        dashColumn(t('pm.ap.remark'), 'remark'),
      ]}
      create={{
        invalidate: INVALIDATE,
        title: t('pm.ap.new'),
        initialValues: { appraisedOn: chinaToday() },
        submit: (v) => pmApi.createAppraisal(v),
      }}
      fields={
        <>
          <Form.Item name="compoundId" label={t('pm.compound')} rules={req}>
            <OrgUnitSelect selectableKinds={['compound']} searchKind="compound" />
          </Form.Item>
          <Row gutter={12}>
            <ColItem span={12} name="period" label={t('pm.ap.period')} rules={req}>
              <Input maxLength={40} />
            </ColItem>
            <ColItem span={12} name="appraisedOn" label={t('pm.ap.appraisedOn')} rules={req}>
              <Input type="date" />
            </ColItem>
            <ColItem span={12} name="score" label={t('pm.ap.score')} rules={req}>
              <InputNumber min={0} max={100} style={{ width: '100%' }} />
            </ColItem>
            <ColItem span={12} name="respondents" label={t('pm.ap.respondents')}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </ColItem>
          </Row>
          <Form.Item name="remark" label={t('pm.ap.remark')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </>
      }
    />
  );
}

function Honours({ communityId }: { communityId?: string }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const thisYear = Number(chinaToday().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const paged = usePagedQuery(pmKeys.honours, pmApi.honours, { communityId, year });
  const [creating, setCreating] = useState(false);
  const targets = useQuery({ queryKey: pmKeys.targets(year), queryFn: () => pmApi.targets(year) });
  return (
    <RegistryCard<Honour>
      paged={paged}
      empty={t('pm.hn.empty')}
      toolbar={
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <Select
              style={{ width: 110 }}
              value={year}
              onChange={setYear}
              options={[0, 1, 2, 3].map((d) => ({ value: thisYear - d, label: `${thisYear - d}年` }))}
            />
            {can('property.manage') ? (
              <AddButton onClick={() => setCreating(true)}>{t('pm.hn.new')}</AddButton>
            ) : null}
          </Space>
          <Typography.Paragraph strong>{t('pm.hn.targets', { year })}</Typography.Paragraph>
          {(targets.data?.rows ?? []).map((r) => (
            <Alert
              key={r.subdistrictId}
              style={{ marginBottom: 8 }}
              type={r.flags.length ? 'warning' : 'success'}
              message={
                <Space wrap>
                  <strong>{r.subdistrictName}</strong>
                  <span>{t('pm.hn.city', { n: r.modelCity })}</span>
                  <span>{t('pm.hn.province', { n: r.modelProvincial })}</span>
                  {r.monthsMissing.length ? (
                    <span>
                      {t('pm.hn.monthsMissing', { list: r.monthsMissing.map((m) => `${m}月`).join('、') })}
                    </span>
                  ) : null}
                  {r.flags.length ? (
                    r.flags.map((f) => (
                      <Tag key={f} color="orange">
                        {t(`pm.hn.flag.${f}` as MessageKey)}
                      </Tag>
                    ))
                  ) : (
                    <Tag color="green">{t('pm.hn.ok')}</Tag>
                  )}
                </Space>
              }
            />
          ))}
        </>
      }
      columns={[
        {
          title: t('pm.hn.period'),
          key: 'period',
          width: 110,
          render: (_: unknown, h) =>
            h.month
              ? t('pm.hn.periodMonth', { y: h.year, m: h.month })
              : t('pm.hn.periodYear', { y: h.year }),
        },
        {
          title: t('pm.hn.kind'),
          dataIndex: 'kind',
          width: 220,
          render: (k: string) => (
            <Tag color={k === 'civilised_monthly' ? 'blue' : k === 'model_city' ? 'gold' : 'red'}>
              {t(`pm.hn.kind.${k}` as MessageKey)}
            </Tag>
          ),
        },
        { title: t('pm.community'), dataIndex: 'communityName', width: 120 },
        { title: t('pm.compound'), dataIndex: 'compoundName', width: 140 },
        { title: t('pm.hn.awardedOn'), dataIndex: 'awardedOn', width: 110 },
        dashColumn(t('pm.ap.remark'), 'remark'),
      ]}
    >
      {creating ? (
        <FormModal
          invalidate={INVALIDATE}
          title={t('pm.hn.new')}
          initialValues={{
            kind: 'civilised_monthly',
            year: thisYear,
            month: Number(chinaToday().slice(5, 7)),
            awardedOn: chinaToday(),
          }}
          onClose={() => setCreating(false)}
          submit={(v) => pmApi.createHonour({ ...v, month: v.kind === 'civilised_monthly' ? v.month : null })}
        >
          <Form.Item name="compoundId" label={t('pm.compound')} rules={req}>
            <OrgUnitSelect selectableKinds={['compound']} searchKind="compound" />
          </Form.Item>
          <Form.Item name="kind" label={t('pm.hn.kind')} rules={req}>
            <Select options={enumOptions(t, 'pm.hn.kind', HONOUR_KINDS)} />
          </Form.Item>
          <Row gutter={12}>
            <ColItem span={8} name="year" label={t('pm.hn.year')} rules={req}>
              <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
            </ColItem>
            <ColItem span={8} noStyle dependencies={['kind']}>
              {({ getFieldValue }) =>
                getFieldValue('kind') === 'civilised_monthly' ? (
                  <Form.Item name="month" label={t('pm.hn.month')} rules={req}>
                    <InputNumber min={1} max={12} style={{ width: '100%' }} />
                  </Form.Item>
                ) : null
              }
            </ColItem>
            <ColItem span={8} name="awardedOn" label={t('pm.hn.awardedOn')} rules={req}>
              <Input type="date" />
            </ColItem>
          </Row>
          <Form.Item name="remark" label={t('pm.ap.remark')}>
            <Input maxLength={500} />
          </Form.Item>
        </FormModal>
      ) : null}
    </RegistryCard>
  );
}
