import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { AddButton } from '../../app/components/AddButton';
import { enumOptions } from '../../app/components/enumOptions';
import { useNameFilter } from '../../app/useNameSearch';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Tag,
  Timeline,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { type ComponentProps, useState } from 'react';
import { useLocation } from 'react-router';
import {
  CONTRACT_FUNDING_MODES,
  SO_CATEGORIES,
  SO_FOUNDER_GROUPS,
  SO_STAGES,
  SO_TIERS,
} from '../../../shared/contracts/socialOrgs';
import { SPECIAL_GROUP_TAGS } from '../../../shared/orgKinds';
import type { Query } from '../../app/api';
import { useAuth } from '../../app/auth';
import { useExported } from '../../app/components/ExportButton';
import { UrlTabsPage } from '../../app/components/UrlTabsPage';
import {
  CreateRegistry,
  FormModal,
  PagedTable,
  RegistryCard,
  usePagedQuery,
} from '../../app/components/Registry';
import { ErrorResult } from '../../app/components/Status';
import { formatDateTime } from '../../app/format';
import { type MessageKey, useI18n } from '../../app/i18n';
import { OrgUnitSelect } from '../org/api';
import {
  type ContractDto,
  type FundDto,
  type IncubationDto,
  type LinkDto,
  type ProposalDto,
  type RoundDto,
  type SocialOrg,
  type StationDto,
  soApi,
  soKeys,
  yuan,
} from './api';
import { SmallTable } from '../../app/components/SmallTable';
import { useRefreshingMutation } from '../../app/useRefreshingMutation';

const k = (s: string) => s as MessageKey;

/** 社会组织: registry, urban-village target, incubation, stations, 公益创投, funds, contracts, 五社联动 (issue 16 §2). */
export default function SocialOrgsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  return (
    <UrlTabsPage
      title={t('so.title')}
      subtitle={t('so.subtitle')}
      defaultTab="orgs"
      destroyOnHidden
      items={[
        { key: 'orgs', label: t('so.tab.orgs'), children: <Orgs /> },
        { key: 'villages', label: t('so.tab.villages'), children: <Villages /> },
        { key: 'incubation', label: t('so.tab.incubation'), children: <Incubations /> },
        { key: 'stations', label: t('so.tab.stations'), children: <Stations /> },
        {
          key: 'venture',
          label: t('so.tab.venture'),
          children: <Venture canReview={can('social_orgs.review')} />,
        },
        { key: 'funds', label: t('so.tab.funds'), children: <Funds /> },
        { key: 'contracts', label: t('so.tab.contracts'), children: <Contracts /> },
        { key: 'links', label: t('so.tab.links'), children: <Links /> },
      ]}
    />
  );
}

// ---------------------------------------------------------------- shared bits

function usePaged<R>(
  what: string,
  fetch: (q: Query) => Promise<{ items: R[]; total: number }>,
  extra: Query = {},
) {
  const [q, setQ] = useState<Query>({});
  const paged = usePagedQuery((query) => soKeys.list(what, query), fetch, { ...q, ...extra });
  return { ...paged, q, setQ };
}

const req = [{ required: true }];

/** The page's dialogs: a FormModal that leaves empty fields out and refreshes the module's queries. */
function SoFormModal(props: Omit<ComponentProps<typeof FormModal>, 'invalidate' | 'empty'>) {
  return <FormModal invalidate={soKeys.all} empty="omit" {...props} />;
}

/** A mutation that refreshes the module's queries once done and shows its error. */
function useSoMutation<V>(mutationFn: (v: V) => Promise<unknown>) {
  return useRefreshingMutation(mutationFn, soKeys.all);
}

/** A registry tab with a 新建 button for those who manage social organisations; its forms leave empty fields out. */
function SoCreateRegistry<R extends object>({
  create,
  ...props
}: Omit<ComponentProps<typeof CreateRegistry<R>>, 'permission' | 'create'> & {
  create: Omit<ComponentProps<typeof SoFormModal>, 'onClose' | 'children'>;
}) {
  return (
    <CreateRegistry<R>
      permission="social_orgs.manage"
      create={{ invalidate: soKeys.all, empty: 'omit', ...create }}
      {...props}
    />
  );
}

function OrgPicker(props: { value?: string; onChange?: (v: string) => void; category?: string }) {
  const orgs = useQuery({
    queryKey: soKeys.list('org-options', { category: props.category }),
    queryFn: () => soApi.orgs({ pageSize: 200, category: props.category }),
    staleTime: 30_000,
  });
  return (
    <Select
      showSearch
      allowClear
      optionFilterProp="label"
      value={props.value}
      onChange={props.onChange}
      options={(orgs.data?.items ?? []).map((o) => ({
        value: o.id,
        label: `${o.name}（${o.orgUnitName ?? ''}）`,
      }))}
    />
  );
}

function WorkerPicker(props: { value?: string; onChange?: (v: string) => void }) {
  const nameFilter = useNameFilter();
  const ws = useQuery({
    queryKey: soKeys.list('social-workers'),
    queryFn: soApi.socialWorkers,
    staleTime: 30_000,
  });
  return (
    <Select
      showSearch={{ filterOption: nameFilter }}
      allowClear
      value={props.value}
      onChange={props.onChange}
      options={(ws.data?.items ?? []).map((w) => ({
        value: w.id,
        label: `${w.name}（${w.orgUnitName ?? ''}）`,
      }))}
    />
  );
}

/** A form's required org unit (所属单位 unless `label` says otherwise), one of `kinds`. */
function UnitItem({
  kinds,
  searchKind,
  label,
}: {
  kinds: ComponentProps<typeof OrgUnitSelect>['selectableKinds'];
  searchKind?: ComponentProps<typeof OrgUnitSelect>['searchKind'];
  label?: string;
}) {
  const { t } = useI18n();
  return (
    <Form.Item name="orgUnitId" label={label ?? t('so.f.unit')} rules={req}>
      <OrgUnitSelect selectableKinds={kinds} searchKind={searchKind} />
    </Form.Item>
  );
}

const dash = (v: string | null | undefined) => v || '—';

// ---------------------------------------------------------------- registry

function Orgs() {
  const { t } = useI18n();
  const { can } = useAuth();
  const exported = useExported();
  const { q, setQ, list, pagination } = usePaged('orgs', soApi.orgs);
  const [editing, setEditing] = useState<SocialOrg | 'new' | null>(null);
  const [members, setMembers] = useState<SocialOrg | null>(null);
  const exportXlsx = () => {
    const { page: _p, pageSize: _s, ...rest } = q;
    return exported(() => soApi.exportOrgs(rest));
  };
  const columns: ColumnsType<SocialOrg> = [
    { title: t('so.f.name'), dataIndex: 'name', width: 220 },
    { title: t('so.f.unit'), dataIndex: 'orgUnitName', width: 120 },
    {
      title: t('so.f.category'),
      dataIndex: 'category',
      width: 110,
      render: (v) => (v ? t(k(`so.cat.${v}`)) : '—'),
    },
    {
      title: t('so.f.registration'),
      dataIndex: 'registration',
      width: 80,
      render: (v) => t(k(`so.reg.${v}`)),
    },
    { title: t('so.f.uscc'), dataIndex: 'uscc', width: 190, render: dash },
    { title: t('so.f.members'), dataIndex: 'memberCount', width: 80, align: 'right' },
    { title: t('so.f.migrant'), dataIndex: 'migrantCount', width: 110, align: 'right' },
    {
      title: t('so.f.tier'),
      key: 'tier',
      width: 200,
      render: (_, r) =>
        r.incubationTier ? (
          <Space size={4}>
            {t(k(`so.tier.${r.incubationTier}`))}
            {r.incubationStage ? <Tag>{t(k(`so.stage.${r.incubationStage}`))}</Tag> : null}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: '',
      key: 'ops',
      width: 130,
      fixed: 'right',
      render: (_, r) => (
        <Space size={4}>
          <Button size="small" onClick={() => setMembers(r)}>
            {t('so.members')}
          </Button>
          {r.abilities.edit ? (
            <Button size="small" onClick={() => setEditing(r)}>
              {t('so.edit')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];
  return (
    <RegistryCard<SocialOrg>
      paged={{ list, pagination }}
      toolbar={
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('so.search')}
            style={{ width: 200 }}
            onSearch={(v) => setQ({ ...q, q: v || undefined })}
          />
          <Select
            allowClear
            placeholder={t('so.f.category')}
            style={{ width: 150 }}
            onChange={(v) => setQ({ ...q, category: v })}
            options={enumOptions(t, 'so.cat', SO_CATEGORIES)}
          />
          <Select
            allowClear
            placeholder={t('so.f.tier')}
            style={{ width: 190 }}
            onChange={(v) => setQ({ ...q, tier: v })}
            options={enumOptions(t, 'so.tier', SO_TIERS)}
          />
          <Checkbox onChange={(e) => setQ({ ...q, migrantMembers: e.target.checked ? 'true' : undefined })}>
            {t('so.f.migrant')}
          </Checkbox>
          <Button icon={<DownloadOutlined />} onClick={exportXlsx}>
            {t('common.export')}
          </Button>
          {can('social_orgs.manage') ? (
            <AddButton onClick={() => setEditing('new')}>{t('so.new')}</AddButton>
          ) : null}
        </Space>
      }
      columns={columns}
      scroll={{ x: 1200 }}
    >
      {editing ? (
        <SoFormModal
          title={editing === 'new' ? t('so.new') : t('so.edit')}
          onClose={() => setEditing(null)}
          initialValues={
            editing === 'new'
              ? { registration: 'filed', category: 'public_welfare' }
              : { ...editing, uscc: editing.uscc ?? '' }
          }
          submit={(b) => (editing === 'new' ? soApi.createOrg(b) : soApi.updateOrg(editing.id, b))}
        >
          <Form.Item name="name" label={t('so.f.name')} rules={req}>
            <Input maxLength={100} />
          </Form.Item>
          {editing === 'new' ? (
            <UnitItem kinds={['subdistrict', 'community', 'grid']} searchKind="community" />
          ) : null}
          <Space wrap>
            <Form.Item name="registration" label={t('so.f.registration')} rules={req}>
              <Select style={{ width: 120 }} options={enumOptions(t, 'so.reg', ['registered', 'filed'])} />
            </Form.Item>
            <Form.Item name="category" label={t('so.f.category')} rules={req}>
              <Select style={{ width: 160 }} options={enumOptions(t, 'so.cat', SO_CATEGORIES)} />
            </Form.Item>
            <Form.Item name="founderGroup" label={t('so.f.founder')}>
              <Select
                allowClear
                style={{ width: 120 }}
                options={enumOptions(t, 'so.founder', SO_FOUNDER_GROUPS)}
              />
            </Form.Item>
          </Space>
          <Form.Item name="uscc" label={t('so.f.uscc')}>
            <Input maxLength={18} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="field" label={t('so.f.field')}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="contactName" label={t('so.f.contact')}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="publicWelfare" label={t('so.f.publicWelfare')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
        </SoFormModal>
      ) : null}
      {members ? <MembersDrawer org={members} onClose={() => setMembers(null)} /> : null}
    </RegistryCard>
  );
}

function MembersDrawer({ org, onClose }: { org: SocialOrg; onClose: () => void }) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const members = usePaged('members', (q) => soApi.members(org.id, q), { org: org.id });
  const remove = useSoMutation((id: string) => soApi.removeMember(org.id, id));
  return (
    <Drawer open width={560} title={`${org.name} · ${t('so.members')}`} onClose={onClose}>
      {org.abilities.edit ? (
        <AddButton onClick={() => setAdding(true)} style={{ marginBottom: 12 }}>
          {t('so.addMember')}
        </AddButton>
      ) : null}
      <PagedTable
        paged={members}
        columns={[
          { title: t('so.f.name'), dataIndex: 'name' },
          { title: t('so.f.role'), dataIndex: 'role', render: dash },
          {
            title: t('so.f.isMigrant'),
            dataIndex: 'migrant',
            render: (v: boolean) => (v ? <Tag color="blue">{t('common.yes')}</Tag> : t('common.no')),
          },
          { title: t('so.f.joinedOn'), dataIndex: 'joinedOn', render: dash },
          {
            title: '',
            key: 'rm',
            render: (_, m) =>
              org.abilities.edit ? (
                <Button size="small" danger onClick={() => remove.mutate(m.id)}>
                  {t('so.remove')}
                </Button>
              ) : null,
          },
        ]}
      />
      {adding ? (
        <SoFormModal
          title={t('so.addMember')}
          onClose={() => setAdding(false)}
          submit={(b) => soApi.addMember(org.id, b)}
          initialValues={{ migrant: false }}
        >
          <Form.Item name="name" label={t('so.f.name')} rules={req}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="role" label={t('so.f.role')}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="joinedOn" label={t('so.f.joinedOn')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="migrant" label={t('so.f.isMigrant')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </SoFormModal>
      ) : null}
    </Drawer>
  );
}

function Villages() {
  const { t } = useI18n();
  const list = useQuery({ queryKey: soKeys.list('villages'), queryFn: soApi.villages });
  if (list.isError) return <ErrorResult error={list.error} onRetry={() => list.refetch()} />;
  return (
    <Card size="small">
      <Alert type="info" showIcon message={t('so.villagesNote')} style={{ marginBottom: 12 }} />
      <SmallTable
        rowKey="communityId"
        loading={list.isPending}
        dataSource={list.data?.items}
        columns={[
          { title: t('so.f.subdistrict'), dataIndex: 'subdistrictName', render: dash },
          { title: t('so.f.community'), dataIndex: 'communityName' },
          { title: t('so.f.count'), dataIndex: 'migrantWelfareOrgs', align: 'right' },
          { title: t('so.f.target'), dataIndex: 'target', align: 'right' },
          {
            title: t('so.f.state'),
            dataIndex: 'flagged',
            render: (v: boolean) =>
              v ? <Tag color="red">{t('so.flagged')}</Tag> : <Tag color="green">{t('so.met')}</Tag>,
          },
        ]}
      />
    </Card>
  );
}

// ---------------------------------------------------------------- incubation

function Incubations() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { q, setQ, list, pagination } = usePaged('incubations', soApi.incubations);
  const [editing, setEditing] = useState<IncubationDto | null>(null);
  return (
    <SoCreateRegistry<IncubationDto>
      paged={{ list, pagination }}
      filters={
        <>
          <Select
            allowClear
            placeholder={t('so.f.tier')}
            style={{ width: 200 }}
            onChange={(v) => setQ({ ...q, tier: v })}
            options={enumOptions(t, 'so.tier', SO_TIERS)}
          />
          <Select
            allowClear
            placeholder={t('so.f.stage')}
            style={{ width: 130 }}
            onChange={(v) => setQ({ ...q, stage: v })}
            options={enumOptions(t, 'so.stage', SO_STAGES)}
          />
        </>
      }
      create={{
        title: t('so.newIncubation'),
        submit: soApi.createIncubation,
        initialValues: { stage: 'incubating', tier: 'community_studio' },
      }}
      fields={
        <>
          <Form.Item name="orgId" label={t('so.f.org')} rules={req}>
            <OrgPicker />
          </Form.Item>
          <Space wrap>
            <Form.Item name="tier" label={t('so.f.tier')} rules={req}>
              <Select style={{ width: 200 }} options={enumOptions(t, 'so.tier', SO_TIERS)} />
            </Form.Item>
            <Form.Item name="stage" label={t('so.f.stage')} rules={req}>
              <Select style={{ width: 120 }} options={enumOptions(t, 'so.stage', SO_STAGES)} />
            </Form.Item>
          </Space>
          <Form.Item name="baseName" label={t('so.f.baseName')} rules={req}>
            <Input maxLength={60} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="mentor" label={t('so.f.mentor')}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="startedOn" label={t('so.f.startedOn')} rules={req}>
              <DatePicker />
            </Form.Item>
          </Space>
        </>
      }
      scroll={{ x: 1100 }}
      columns={[
        { title: t('so.f.org'), dataIndex: 'orgName', width: 200 },
        { title: t('so.f.tier'), dataIndex: 'tier', width: 170, render: (v) => t(k(`so.tier.${v}`)) },
        { title: t('so.f.baseName'), dataIndex: 'baseName', width: 200 },
        {
          title: t('so.f.stage'),
          dataIndex: 'stage',
          width: 90,
          render: (v) => (
            <Tag color={v === 'graduated' ? 'green' : v === 'exited' ? 'default' : 'blue'}>
              {t(k(`so.stage.${v}`))}
            </Tag>
          ),
        },
        { title: t('so.f.mentor'), dataIndex: 'mentor', width: 90, render: dash },
        { title: t('so.f.startedOn'), dataIndex: 'startedOn', width: 110 },
        { title: t('so.f.endedOn'), dataIndex: 'endedOn', width: 110, render: dash },
        { title: t('so.f.outcome'), dataIndex: 'outcome', render: dash },
        {
          title: '',
          key: 'e',
          width: 70,
          render: (_, r) =>
            can('social_orgs.manage') ? (
              <Button size="small" onClick={() => setEditing(r)}>
                {t('so.edit')}
              </Button>
            ) : null,
        },
      ]}
    >
      {editing ? (
        <SoFormModal
          title={`${editing.orgName ?? ''} · ${t('so.edit')}`}
          onClose={() => setEditing(null)}
          submit={(b) => soApi.updateIncubation(editing.id, b)}
          initialValues={{
            stage: editing.stage,
            mentor: editing.mentor,
            outcome: editing.outcome,
            endedOn: editing.endedOn ? dayjs(editing.endedOn) : undefined,
          }}
        >
          <Form.Item name="stage" label={t('so.f.stage')}>
            <Select options={enumOptions(t, 'so.stage', SO_STAGES)} />
          </Form.Item>
          <Form.Item name="mentor" label={t('so.f.mentor')}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="endedOn" label={t('so.f.endedOn')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="outcome" label={t('so.f.outcome')}>
            <Input.TextArea maxLength={500} rows={3} />
          </Form.Item>
        </SoFormModal>
      ) : null}
    </SoCreateRegistry>
  );
}

// ---------------------------------------------------------------- stations

function Stations() {
  const { t } = useI18n();
  const { can } = useAuth();
  const stations = usePaged('stations', soApi.stations);
  const [posting, setPosting] = useState<StationDto | null>(null);
  return (
    <SoCreateRegistry<StationDto>
      paged={stations}
      create={{ title: t('so.newStation'), submit: soApi.createStation }}
      fields={
        <>
          <UnitItem kinds={['subdistrict', 'community']} searchKind="community" />
          <Form.Item name="name" label={t('so.f.name')} rules={req}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="address" label={t('so.f.address')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="operatorOrgId" label={t('so.f.operator')}>
            <OrgPicker category="social_work_agency" />
          </Form.Item>
          <Form.Item name="openedOn" label={t('so.f.openedOn')}>
            <DatePicker />
          </Form.Item>
        </>
      }
      columns={[
        { title: t('so.f.name'), dataIndex: 'name', width: 200 },
        { title: t('so.f.kind'), dataIndex: 'kind', width: 110, render: (v) => t(k(`so.station.${v}`)) },
        { title: t('so.f.unit'), dataIndex: 'orgUnitName', width: 120 },
        { title: t('so.f.operator'), dataIndex: 'operatorOrgName', width: 180, render: dash },
        {
          title: t('so.f.workers'),
          key: 'w',
          render: (_, r) =>
            r.workers.map((w) => (
              <Tag key={w.id} color={w.qualified ? 'green' : 'default'}>
                {w.name}
              </Tag>
            )),
        },
        {
          title: t('so.f.qualified'),
          key: 'q',
          width: 90,
          align: 'right',
          render: (_, r) => `${r.qualifiedCount} / ${r.workerCount}`,
        },
        {
          title: '',
          key: 'p',
          width: 90,
          render: (_, r) =>
            can('social_orgs.manage') ? (
              <Button size="small" onClick={() => setPosting(r)}>
                {t('so.addWorker')}
              </Button>
            ) : null,
        },
      ]}
    >
      {posting ? (
        <SoFormModal
          title={`${posting.name} · ${t('so.addWorker')}`}
          onClose={() => setPosting(null)}
          submit={(b) => soApi.addWorker(posting.id, String(b.workerId))}
        >
          <Form.Item name="workerId" label={t('so.f.socialWorker')} rules={req}>
            <WorkerPicker />
          </Form.Item>
        </SoFormModal>
      ) : null}
    </SoCreateRegistry>
  );
}

// ---------------------------------------------------------------- 公益创投

function Venture({ canReview }: { canReview: boolean }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const rounds = usePaged('rounds', soApi.rounds);
  const [toReview, setToReview] = useState(
    new URLSearchParams(useLocation().search).get('toReview') === 'true',
  );
  const proposals = usePaged('proposals', soApi.proposals, { toReview: toReview ? 'true' : undefined });
  const [newRound, setNewRound] = useState(false);
  const [newProposal, setNewProposal] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const propState = (v: string) => (
    <Tag
      color={
        { submitted: 'orange', granted: 'green', rejected: 'default', reported: 'blue', closed: 'purple' }[v]
      }
    >
      {t(k(`so.prop.${v}`))}
    </Tag>
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        size="small"
        title={t('so.tab.venture')}
        extra={
          canReview ? (
            <Button icon={<PlusOutlined />} onClick={() => setNewRound(true)}>
              {t('so.newRound')}
            </Button>
          ) : null
        }
      >
        <PagedTable<RoundDto>
          paged={rounds}
          columns={[
            { title: t('so.f.title'), dataIndex: 'title' },
            { title: t('so.f.unit'), dataIndex: 'orgUnitName', width: 120 },
            { title: t('so.f.year'), dataIndex: 'year', width: 70 },
            {
              title: t('so.f.opensOn'),
              key: 'd',
              width: 200,
              render: (_, r) => `${r.opensOn} ~ ${r.closesOn}`,
            },
            { title: t('so.f.budget'), dataIndex: 'budgetFen', width: 120, align: 'right', render: yuan },
            { title: t('so.f.granted'), dataIndex: 'grantedFen', width: 120, align: 'right', render: yuan },
            { title: t('so.f.proposals'), dataIndex: 'proposalCount', width: 80, align: 'right' },
            {
              title: t('so.f.state'),
              dataIndex: 'state',
              width: 90,
              render: (v) => <Tag>{t(k(`so.round.${v}`))}</Tag>,
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('so.f.proposals')}
        extra={
          <Space>
            {canReview ? (
              <Checkbox checked={toReview} onChange={(e) => setToReview(e.target.checked)}>
                {t('so.toReview')}
              </Checkbox>
            ) : null}
            {can('social_orgs.manage') ? (
              <Button icon={<PlusOutlined />} onClick={() => setNewProposal(true)}>
                {t('so.newProposal')}
              </Button>
            ) : null}
          </Space>
        }
      >
        <PagedTable<ProposalDto>
          paged={proposals}
          scroll={{ x: 1100 }}
          columns={[
            { title: t('so.f.title'), dataIndex: 'title', width: 200 },
            { title: t('so.f.org'), dataIndex: 'orgName', width: 200 },
            { title: t('so.f.community'), dataIndex: 'orgUnitName', width: 110 },
            {
              title: t('so.f.requested'),
              dataIndex: 'requestedFen',
              width: 120,
              align: 'right',
              render: yuan,
            },
            { title: t('so.f.grant'), dataIndex: 'grantFen', width: 120, align: 'right', render: yuan },
            {
              title: t('so.f.avgScore'),
              dataIndex: 'averageScore',
              width: 80,
              align: 'right',
              render: (v) => v ?? '—',
            },
            { title: t('so.f.state'), dataIndex: 'state', width: 120, render: propState },
            {
              title: '',
              key: 'o',
              width: 70,
              render: (_, r) => (
                <Button size="small" onClick={() => setOpen(r.id)}>
                  {t('so.detail')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {newRound ? (
        <SoFormModal
          title={t('so.newRound')}
          onClose={() => setNewRound(false)}
          submit={soApi.createRound}
          fenFields={['budgetFen']}
          initialValues={{ year: dayjs().year() }}
        >
          <UnitItem kinds={['district', 'subdistrict']} />
          <Form.Item name="title" label={t('so.f.title')} rules={req}>
            <Input maxLength={100} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="year" label={t('so.f.year')} rules={req}>
              <InputNumber min={2000} max={2100} />
            </Form.Item>
            <Form.Item name="budgetFen" label={t('so.f.budget')} rules={req}>
              <InputNumber min={0.01} precision={2} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="opensOn" label={t('so.f.opensOn')} rules={req}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="closesOn" label={t('so.f.closesOn')} rules={req}>
              <DatePicker />
            </Form.Item>
          </Space>
          <Form.Item name="description" label={t('so.f.description')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </SoFormModal>
      ) : null}
      {newProposal ? (
        <SoFormModal
          title={t('so.newProposal')}
          onClose={() => setNewProposal(false)}
          submit={soApi.createProposal}
          fenFields={['requestedFen']}
        >
          <Form.Item name="roundId" label={t('so.f.round')} rules={req}>
            <Select
              options={(rounds.list.data?.items ?? [])
                .filter((r) => r.state === 'open')
                .map((r) => ({ value: r.id, label: r.title }))}
            />
          </Form.Item>
          <Form.Item name="orgId" label={t('so.f.org')} rules={req}>
            <OrgPicker />
          </Form.Item>
          <Form.Item name="title" label={t('so.f.title')} rules={req}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="summary" label={t('so.f.summary')} rules={req}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="requestedFen" label={t('so.f.requested')} rules={req}>
            <InputNumber min={0.01} precision={2} style={{ width: 200 }} />
          </Form.Item>
        </SoFormModal>
      ) : null}
      {open ? <ProposalDrawer id={open} onClose={() => setOpen(null)} /> : null}
    </Space>
  );
}

function ProposalDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const p = useQuery({ queryKey: soKeys.list('proposal', { id }), queryFn: () => soApi.proposal(id) });
  const score = useSoMutation((b: Record<string, unknown>) => soApi.score(id, b));
  const act = useSoMutation((b: Record<string, unknown>) => soApi.act(id, b));
  if (p.isError)
    return (
      <Drawer open onClose={onClose}>
        <ErrorResult error={p.error} onRetry={() => p.refetch()} />
      </Drawer>
    );
  const d = p.data;
  return (
    <Drawer open width={640} title={d?.title} onClose={onClose} loading={p.isPending}>
      {d ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('so.f.round')} span={2}>
              {d.roundTitle}
            </Descriptions.Item>
            <Descriptions.Item label={t('so.f.org')} span={2}>
              {d.orgName}
            </Descriptions.Item>
            <Descriptions.Item label={t('so.f.summary')} span={2}>
              {d.summary}
            </Descriptions.Item>
            <Descriptions.Item label={t('so.f.requested')}>{yuan(d.requestedFen)}</Descriptions.Item>
            <Descriptions.Item label={t('so.f.grant')}>{yuan(d.grantFen)}</Descriptions.Item>
            <Descriptions.Item label={t('so.f.avgScore')}>{d.averageScore ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('so.f.state')}>{t(k(`so.prop.${d.state}`))}</Descriptions.Item>
            {d.reportText ? (
              <Descriptions.Item label={t('so.f.report')} span={2}>
                {d.reportText}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Form form={form} layout="vertical">
            {d.canScore ? (
              <Space align="end" wrap>
                <Form.Item name="score" label={t('so.f.score')} initialValue={d.myScore ?? undefined}>
                  <InputNumber min={0} max={100} />
                </Form.Item>
                <Form.Item name="scoreComment" label={t('so.f.comment')}>
                  <Input maxLength={500} style={{ width: 260 }} />
                </Form.Item>
                <Form.Item>
                  <Button
                    loading={score.isPending}
                    onClick={() =>
                      score.mutate({
                        score: form.getFieldValue('score'),
                        comment: form.getFieldValue('scoreComment') || null,
                      })
                    }
                  >
                    {t('so.scoreIt')}
                  </Button>
                </Form.Item>
              </Space>
            ) : null}
            {d.actions.length ? (
              <>
                {d.actions.includes('approve') ? (
                  <Form.Item name="grant" label={t('so.f.grant')} initialValue={d.requestedFen / 100}>
                    <InputNumber min={0.01} precision={2} style={{ width: 200 }} />
                  </Form.Item>
                ) : null}
                {d.actions.includes('report') ? (
                  <Form.Item name="reportText" label={t('so.f.report')}>
                    <Input.TextArea rows={3} maxLength={4000} />
                  </Form.Item>
                ) : null}
                <Form.Item name="comment" label={t('so.f.comment')}>
                  <Input maxLength={500} />
                </Form.Item>
                <Space>
                  {d.actions.map((a) => (
                    <Button
                      key={a}
                      type={a === 'reject' ? 'default' : 'primary'}
                      danger={a === 'reject'}
                      loading={act.isPending}
                      onClick={() =>
                        act.mutate({
                          action: a,
                          version: d.version,
                          comment: form.getFieldValue('comment') || null,
                          reportText: form.getFieldValue('reportText') || null,
                          ...(a === 'approve' && {
                            grantFen: Math.round(Number(form.getFieldValue('grant')) * 100),
                          }),
                        })
                      }
                    >
                      {t(k(`so.act.${a}`))}
                    </Button>
                  ))}
                </Space>
              </>
            ) : null}
          </Form>
          <Card size="small" title={t('so.scores')}>
            {d.scores.map((s) => (
              <div key={`${s.reviewerName}-${String(s.createdAt)}`}>
                {s.reviewerName}：{s.score}
                {s.comment ? `（${s.comment}）` : ''}
              </div>
            ))}
          </Card>
          <Card size="small" title={t('so.timeline')}>
            <Timeline
              items={d.events.map((e) => ({
                children: `${formatDateTime(e.at)} ${e.actorName ?? ''} ${t(k(`so.act.${e.action}`))}${e.comment ? `：${e.comment}` : ''}`,
              }))}
            />
          </Card>
        </Space>
      ) : null}
    </Drawer>
  );
}

// ---------------------------------------------------------------- funds

function Funds() {
  const { t } = useI18n();
  const { can } = useAuth();
  const funds = usePaged('funds', soApi.funds);
  const [flowFor, setFlowFor] = useState<FundDto | null>(null);
  const [showFlows, setShowFlows] = useState<FundDto | null>(null);
  return (
    <SoCreateRegistry<FundDto>
      paged={funds}
      create={{ title: t('so.newFund'), submit: soApi.createFund }}
      fields={
        <>
          <UnitItem kinds={['subdistrict', 'community']} searchKind="community" />
          <Form.Item name="name" label={t('so.f.name')} rules={req}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="purpose" label={t('so.f.purpose')} rules={req}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </>
      }
      columns={[
        { title: t('so.f.name'), dataIndex: 'name', width: 200 },
        { title: t('so.f.unit'), dataIndex: 'orgUnitName', width: 120 },
        { title: t('so.f.purpose'), dataIndex: 'purpose' },
        { title: t('so.f.donated'), dataIndex: 'donatedFen', width: 130, align: 'right', render: yuan },
        { title: t('so.f.disbursed'), dataIndex: 'disbursedFen', width: 130, align: 'right', render: yuan },
        { title: t('so.f.balance'), dataIndex: 'balanceFen', width: 130, align: 'right', render: yuan },
        {
          title: '',
          key: 'o',
          width: 190,
          render: (_, r) => (
            <Space size={4}>
              <Button size="small" onClick={() => setShowFlows(r)}>
                {t('so.flows')}
              </Button>
              {can('social_orgs.manage') ? (
                <Button size="small" onClick={() => setFlowFor(r)}>
                  {t('so.newFlow')}
                </Button>
              ) : null}
            </Space>
          ),
        },
      ]}
    >
      {flowFor ? (
        <SoFormModal
          title={`${flowFor.name} · ${t('so.newFlow')}`}
          onClose={() => setFlowFor(null)}
          submit={(b) => soApi.addFlow(flowFor.id, b)}
          fenFields={['amountFen']}
          initialValues={{ kind: 'donation', anonymous: false, occurredOn: dayjs() }}
        >
          <Form.Item name="kind" label={t('so.f.kind')} rules={req}>
            <Select options={enumOptions(t, 'so.flow', ['donation', 'disbursement'])} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="amountFen" label={t('so.f.amount')} rules={req}>
              <InputNumber min={0.01} precision={2} style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="occurredOn" label={t('so.f.date')} rules={req}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="anonymous" label={t('so.f.anonymous')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
          <Form.Item name="party" label={t('so.f.party')} rules={req}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="purpose" label={t('so.f.purpose')}>
            <Input maxLength={200} />
          </Form.Item>
        </SoFormModal>
      ) : null}
      {showFlows ? <FlowsDrawer fund={showFlows} onClose={() => setShowFlows(null)} /> : null}
    </SoCreateRegistry>
  );
}

function FlowsDrawer({ fund, onClose }: { fund: FundDto; onClose: () => void }) {
  const { t } = useI18n();
  const flows = usePaged('flows', (q) => soApi.flows(fund.id, q), { fund: fund.id });
  return (
    <Drawer open width={720} title={`${fund.name} · ${t('so.flows')}`} onClose={onClose}>
      <PagedTable
        paged={flows}
        columns={[
          { title: t('so.f.date'), dataIndex: 'occurredOn', width: 110 },
          {
            title: t('so.f.kind'),
            dataIndex: 'kind',
            width: 70,
            render: (v: string) => (
              <Tag color={v === 'donation' ? 'green' : 'orange'}>{t(k(`so.flow.${v}`))}</Tag>
            ),
          },
          { title: t('so.f.party'), dataIndex: 'party' },
          { title: t('so.f.purpose'), dataIndex: 'purpose', render: dash },
          { title: t('so.f.amount'), dataIndex: 'amountFen', width: 120, align: 'right', render: yuan },
          {
            title: t('so.f.balance'),
            dataIndex: 'balanceAfterFen',
            width: 120,
            align: 'right',
            render: yuan,
          },
        ]}
      />
    </Drawer>
  );
}

// ---------------------------------------------------------------- contracts

/**
 * 购买服务 contracts by funding mode (seed 002 二.7, S002-14) with the special groups they serve and their
 * beneficiaries (seed 002 三.15, S002-34), the coverage per special group above the list, and the Excel export.
 */
function Contracts() {
  const { t, label } = useI18n();
  const { can } = useAuth();
  const exported = useExported();
  const contracts = usePaged('contracts', soApi.contracts);
  const { q, setQ } = contracts;
  const [itemFor, setItemFor] = useState<ContractDto | null>(null);
  const [editing, setEditing] = useState<ContractDto | null>(null);
  const groupOptions = SPECIAL_GROUP_TAGS.map((g) => ({ value: g, label: label(g) }));
  const modeOptions = enumOptions(t, 'so.mode', CONTRACT_FUNDING_MODES);
  const exportXlsx = () => {
    const { page: _p, pageSize: _s, ...rest } = q;
    return exported(() => soApi.exportContracts(rest));
  };
  const complete = useSoMutation((id: string) => soApi.contractState(id, 'completed'));
  const markDone = useSoMutation((v: { id: string; itemId: string }) =>
    soApi.updateItem(v.id, v.itemId, { doneOn: dayjs().format('YYYY-MM-DD') }),
  );
  const manage = can('social_orgs.manage');
  return (
    <>
      <ContractCoverage fundingMode={q.fundingMode as string | undefined} />
      <SoCreateRegistry<ContractDto>
        paged={contracts}
        filters={
          <>
            <Select
              allowClear
              placeholder={t('so.f.mode')}
              style={{ width: 140 }}
              onChange={(v) => setQ({ ...q, fundingMode: v })}
              options={modeOptions}
            />
            <Select
              allowClear
              placeholder={t('so.f.targetGroupFilter')}
              style={{ width: 170 }}
              onChange={(v) => setQ({ ...q, targetGroup: v })}
              options={groupOptions}
            />
            <Button icon={<DownloadOutlined />} onClick={exportXlsx}>
              {t('common.export')}
            </Button>
          </>
        }
        create={{
          title: t('so.newContract'),
          submit: soApi.createContract,
          fenFields: ['amountFen'],
          initialValues: { fundingMode: 'purchase' },
        }}
        fields={
          <>
            <UnitItem kinds={['district', 'subdistrict', 'community']} searchKind="community" />
            <Form.Item name="title" label={t('so.f.title')} rules={req}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="buyer" label={t('so.f.buyer')} rules={req}>
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item name="providerOrgId" label={t('so.f.provider')} rules={req}>
              <OrgPicker />
            </Form.Item>
            <Space wrap>
              <Form.Item name="amountFen" label={t('so.f.amount')} rules={req}>
                <InputNumber min={0.01} precision={2} style={{ width: 180 }} />
              </Form.Item>
              <Form.Item name="startOn" label={t('so.f.startOn')} rules={req}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="endOn" label={t('so.f.endOn')} rules={req}>
                <DatePicker />
              </Form.Item>
            </Space>
            <ContractServedFields groupOptions={groupOptions} modeOptions={modeOptions} />
          </>
        }
        scroll={{ x: 1500 }}
        expandable={{
          expandedRowRender: (c) => (
            <SmallTable
              rowKey="id"
              dataSource={c.items}
              columns={[
                {
                  title: t('so.f.kind'),
                  dataIndex: 'kind',
                  width: 90,
                  render: (v: string) => t(k(`so.item.${v}`)),
                },
                { title: t('so.f.title'), dataIndex: 'title' },
                { title: t('so.f.dueOn'), dataIndex: 'dueOn', width: 110, render: dash },
                { title: t('so.f.doneOn'), dataIndex: 'doneOn', width: 110, render: dash },
                { title: t('so.f.amount'), dataIndex: 'amountFen', width: 120, align: 'right', render: yuan },
                {
                  title: '',
                  key: 'd',
                  width: 90,
                  render: (_: unknown, i: { id: string; doneOn: string | null }) =>
                    manage && !i.doneOn ? (
                      <Button size="small" onClick={() => markDone.mutate({ id: c.id, itemId: i.id })}>
                        {t('so.markDone')}
                      </Button>
                    ) : null,
                },
              ]}
            />
          ),
        }}
        columns={[
          { title: t('so.f.title'), dataIndex: 'title', width: 220 },
          { title: t('so.f.buyer'), dataIndex: 'buyer', width: 150 },
          { title: t('so.f.provider'), dataIndex: 'providerOrgName', width: 180 },
          {
            title: t('so.f.mode'),
            dataIndex: 'fundingMode',
            width: 100,
            render: (v) => <Tag>{t(k(`so.mode.${v}`))}</Tag>,
          },
          {
            title: t('so.f.targetGroups'),
            dataIndex: 'targetGroups',
            width: 180,
            render: (gs: string[]) =>
              gs.length ? (
                <Space size={[0, 4]} wrap>
                  {gs.map((g) => (
                    <Tag key={g} color="volcano">
                      {label(g)}
                    </Tag>
                  ))}
                </Space>
              ) : (
                '—'
              ),
          },
          {
            title: t('so.f.beneficiaries'),
            dataIndex: 'beneficiaries',
            width: 90,
            align: 'right',
            render: (v: number | null) => v ?? '—',
          },
          { title: t('so.f.amount'), dataIndex: 'amountFen', width: 120, align: 'right', render: yuan },
          { title: t('so.f.paid'), dataIndex: 'paidFen', width: 120, align: 'right', render: yuan },
          {
            title: t('so.f.deliverables'),
            key: 'dl',
            width: 90,
            align: 'right',
            render: (_, r) => `${r.deliverablesDone} / ${r.deliverablesTotal}`,
          },
          { title: t('so.f.period'), key: 'p', width: 200, render: (_, r) => `${r.startOn} ~ ${r.endOn}` },
          {
            title: t('so.f.state'),
            dataIndex: 'state',
            width: 80,
            render: (v) => <Tag>{t(k(`so.contract.${v}`))}</Tag>,
          },
          {
            title: '',
            key: 'i',
            width: 230,
            render: (_, r) =>
              manage && r.state !== 'terminated' ? (
                <Space size={4}>
                  <Button size="small" onClick={() => setEditing(r)}>
                    {t('so.edit')}
                  </Button>
                  {r.state === 'active' ? (
                    <>
                      <Button size="small" onClick={() => setItemFor(r)}>
                        {t('so.addItem')}
                      </Button>
                      <Button size="small" onClick={() => complete.mutate(r.id)}>
                        {t('so.complete')}
                      </Button>
                    </>
                  ) : null}
                </Space>
              ) : null,
          },
        ]}
      >
        {editing ? (
          <FormModal
            title={`${editing.title} · ${t('so.editContract')}`}
            invalidate={soKeys.all}
            onClose={() => setEditing(null)}
            initialValues={{
              fundingMode: editing.fundingMode,
              targetGroups: editing.targetGroups,
              beneficiaries: editing.beneficiaries ?? undefined,
            }}
            submit={(b) => soApi.updateContract(editing.id, b)}
          >
            <ContractServedFields groupOptions={groupOptions} modeOptions={modeOptions} />
          </FormModal>
        ) : null}
        {itemFor ? (
          <SoFormModal
            title={`${itemFor.title} · ${t('so.addItem')}`}
            onClose={() => setItemFor(null)}
            submit={(b) => soApi.addItem(itemFor.id, b)}
            fenFields={['amountFen']}
            initialValues={{ kind: 'deliverable' }}
          >
            <Form.Item name="kind" label={t('so.f.kind')} rules={req}>
              <Select options={enumOptions(t, 'so.item', ['deliverable', 'payment'])} />
            </Form.Item>
            <Form.Item name="title" label={t('so.f.title')} rules={req}>
              <Input maxLength={100} />
            </Form.Item>
            <Space wrap>
              <Form.Item name="dueOn" label={t('so.f.dueOn')}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="doneOn" label={t('so.f.doneOn')}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="amountFen" label={t('so.f.amount')}>
                <InputNumber min={0.01} precision={2} style={{ width: 160 }} />
              </Form.Item>
            </Space>
            <Form.Item name="note" label={t('so.f.note')}>
              <Input maxLength={500} />
            </Form.Item>
          </SoFormModal>
        ) : null}
      </SoCreateRegistry>
    </>
  );
}

/** A contract's funding mode (S002-14), the special groups it serves and its beneficiaries (S002-34). */
function ContractServedFields({
  groupOptions,
  modeOptions,
}: {
  groupOptions: { value: string; label: string }[];
  modeOptions: { value: string; label: string }[];
}) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="fundingMode" label={t('so.f.mode')} rules={req}>
        <Select style={{ width: 160 }} options={modeOptions} />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name="targetGroups" label={t('so.f.targetGroups')} extra={t('so.f.targetGroupsHint')}>
          <Select mode="multiple" allowClear style={{ width: 320 }} options={groupOptions} />
        </Form.Item>
        <Form.Item name="beneficiaries" label={t('so.f.beneficiaries')}>
          <InputNumber min={0} max={1_000_000} precision={0} style={{ width: 140 }} />
        </Form.Item>
      </Space>
    </>
  );
}

/**
 * 特殊群体服务覆盖 (seed 002 三.15, S002-34): per special group, the contracts not terminated naming it, the active
 * ones and their beneficiaries, for the tab's funding-mode filter.
 */
function ContractCoverage({ fundingMode }: { fundingMode?: string }) {
  const { t, label } = useI18n();
  const cover = useQuery({
    queryKey: soKeys.list('contract-coverage', { fundingMode }),
    queryFn: () => soApi.contractCoverage({ fundingMode }),
  });
  if (cover.isError) return <ErrorResult error={cover.error} onRetry={() => cover.refetch()} />;
  const d = cover.data;
  type Row = { key: string; name: string; contracts: number; active: number; beneficiaries: number };
  const rows: Row[] = d
    ? [
        ...d.groups.map((g) => ({ key: g.group, name: label(g.group), ...g })),
        { key: 'total', name: t('so.coverage.total'), ...d.total },
      ]
    : [];
  return (
    <Card
      size="small"
      title={t('so.coverage.title')}
      style={{ marginBottom: 12 }}
      extra={d?.unnamed ? <Tag>{t('so.coverage.unnamed', { n: d.unnamed })}</Tag> : null}
    >
      <SmallTable<Row>
        rowKey="key"
        loading={cover.isPending}
        dataSource={rows}
        columns={[
          {
            title: t('so.coverage.group'),
            dataIndex: 'name',
            render: (v: string, r) => (r.key === 'total' ? <strong>{v}</strong> : v),
          },
          {
            title: t('so.coverage.contracts'),
            dataIndex: 'contracts',
            width: 100,
            align: 'right',
            render: (v: number, r) => (v === 0 && r.key !== 'total' ? <Tag color="red">0</Tag> : v),
          },
          { title: t('so.coverage.active'), dataIndex: 'active', width: 100, align: 'right' },
          { title: t('so.coverage.beneficiaries'), dataIndex: 'beneficiaries', width: 110, align: 'right' },
        ]}
      />
      <div style={{ marginTop: 8, color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>{t('so.coverage.hint')}</div>
    </Card>
  );
}

// ---------------------------------------------------------------- 五社联动

function Links() {
  const { t } = useI18n();
  const links = usePaged('links', soApi.links);
  return (
    <SoCreateRegistry<LinkDto>
      paged={links}
      create={{ title: t('so.newLink'), submit: soApi.createLink, initialValues: { subjectKind: 'case' } }}
      fields={
        <>
          <UnitItem
            kinds={['subdistrict', 'community', 'grid']}
            searchKind="community"
            label={t('so.f.community')}
          />
          <Space wrap>
            <Form.Item name="subjectKind" label={t('so.f.subjectKind')} rules={req}>
              <Select style={{ width: 100 }} options={enumOptions(t, 'so.subject', ['case', 'project'])} />
            </Form.Item>
            <Form.Item name="subject" label={t('so.f.subject')} rules={req}>
              <Input maxLength={100} style={{ width: 320 }} />
            </Form.Item>
          </Space>
          <Form.Item name="socialOrgId" label={t('so.f.org')}>
            <OrgPicker />
          </Form.Item>
          <Form.Item name="socialWorkerId" label={t('so.f.socialWorker')}>
            <WorkerPicker />
          </Form.Item>
          <Form.Item name="volunteer" label={t('so.f.volunteer')}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="charityResource" label={t('so.f.charity')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="note" label={t('so.f.note')}>
            <Input maxLength={500} />
          </Form.Item>
        </>
      }
      scroll={{ x: 1100 }}
      columns={[
        {
          title: t('so.f.subjectKind'),
          dataIndex: 'subjectKind',
          width: 70,
          render: (v) => t(k(`so.subject.${v}`)),
        },
        { title: t('so.f.subject'), dataIndex: 'subject', width: 200 },
        { title: t('so.f.community'), dataIndex: 'orgUnitName', width: 110 },
        { title: t('so.f.org'), dataIndex: 'socialOrgName', width: 180, render: dash },
        { title: t('so.f.socialWorker'), dataIndex: 'socialWorkerName', width: 90, render: dash },
        { title: t('so.f.volunteer'), dataIndex: 'volunteer', width: 150, render: dash },
        { title: t('so.f.charity'), dataIndex: 'charityResource', width: 160, render: dash },
        {
          title: t('so.f.parties'),
          dataIndex: 'parties',
          width: 70,
          align: 'right',
          render: (v) => `${v} / 5`,
        },
      ]}
    />
  );
}
