import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Form, Modal, Popconfirm, Select, Space, Tabs, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import {
  DEPUTY_KINDS,
  type DeputyDto,
  type PartyMemberDto,
  type PartyOrgDto,
  type PartySchemeDto,
  POST_TYPES,
  RESIDENT_UNIT_KINDS,
  type ResidentUnitDto,
  SOCIAL_ORG_REGISTRATIONS,
  type SocialOrgDto,
  WORKER_KINDS,
  type WorkerDto,
} from '../../../shared/contracts/people';
import { api, type Page } from '../../app/api';
import { enumOptions } from '../../app/components/enumOptions';
import { PageHeader } from '../../app/components/PageHeader';
import { NotFoundResult } from '../../app/components/Status';
import { useShowError } from '../../app/errors';
import { useFormSaving } from '../../app/formSaving';
import { formatDate } from '../../app/format';
import { type MessageKey, type TFunction, useI18n } from '../../app/i18n';
import { codeColumn, dashColumn } from '../../app/components/columns';
import { PEOPLE_SECTIONS } from './sections';
import { OrgUnitSelect } from '../org/api';
import { type EntityConfig, EntityPage, type FieldDef, RemoteSelect } from './EntityPage';

const yesNo = (t: TFunction, v: boolean) =>
  v ? (
    <Tag color="green">{t('common.yes')}</Tag>
  ) : (
    <Typography.Text type="secondary">{t('common.no')}</Typography.Text>
  );
const UNIT_COL = (t: TFunction) => ({ title: t('people.unit'), dataIndex: 'orgUnitName', width: 130 });
/** The required unit a record belongs to (its form field; UNIT_COL is its column). */
const UNIT_FIELD = (t: TFunction): FieldDef => ({
  name: 'orgUnitId',
  label: t('people.unit'),
  kind: 'unit',
  required: true,
});
/** The required name of an organisation (up to 100 characters). */
const NAME_FIELD = (t: TFunction): FieldDef => ({
  name: 'name',
  label: t('people.name'),
  kind: 'text',
  required: true,
  maxLength: 100,
});
const orDash = (v: string | null) => v ?? '—';
/** A row's values of these fields, as they are (an edit form's initial values). */
const pick = <T,>(r: T, keys: (keyof T)[]) => Object.fromEntries(keys.map((k) => [k, r[k]]));
/** A column of a yes/no value. */
const yesNoCol = (t: TFunction, title: string, dataIndex: string, width: number) => ({
  title,
  dataIndex,
  width,
  render: (v: boolean) => yesNo(t, v),
});
/** A list filter on a yes/no field: "<label>: 是" or "<label>: 否". */
const yesNoFilter = (t: TFunction, name: string, label: string) => ({
  name,
  placeholder: label,
  options: [
    { value: 'true', label: `${label}: ${t('common.yes')}` },
    { value: 'false', label: `${label}: ${t('common.no')}` },
  ],
});
/** A required choice among coded values. */
const codeField = (name: string, label: string, options: FieldDef['options']): FieldDef => ({
  name,
  label,
  kind: 'select',
  required: true,
  options,
});

async function partyOrgOptions(q: string) {
  const page = await api.get<Page<PartyOrgDto>>('/api/people/party-orgs', {
    q: q || undefined,
    pageSize: 30,
  });
  return page.items.map((o) => ({ value: o.id, label: o.name }));
}

/** A party organization picked by name; `nameField` is the edited row's field that names the current one. */
const partyOrgField = (name: string, label: string, nameField: string): FieldDef => ({
  name,
  label,
  kind: 'custom',
  input: (_form, editing) => (
    <Form.Item name={name} noStyle>
      <RemoteSelect
        queryKey={['people', 'party-org-options']}
        fetchOptions={partyOrgOptions}
        initialLabel={(editing?.[nameField] as string | null) ?? null}
      />
    </Form.Item>
  ),
});

/** The party level select: levels come from the scheme of the chosen unit. */
function LevelSelect({
  value,
  onChange,
  unitId,
}: {
  value?: string;
  onChange?: (v: string) => void;
  unitId?: string;
}) {
  const { t } = useI18n();
  const scheme = useQuery({
    queryKey: ['people', 'party-levels', unitId],
    queryFn: () => api.get<PartySchemeDto>('/api/people/party-levels', { orgUnitId: unitId }),
    enabled: !!unitId,
  });
  return (
    <Select
      value={value}
      onChange={onChange}
      disabled={!unitId}
      loading={scheme.isFetching}
      placeholder={unitId ? undefined : t('people.chooseUnitFirst')}
      options={(scheme.data?.levels ?? []).map((l) => ({ value: l.id, label: `${l.rank}. ${l.name}` }))}
    />
  );
}

function partyOrgConfig(t: TFunction): EntityConfig<PartyOrgDto> {
  return {
    key: 'party-orgs',
    noun: t('people.partyOrg'),
    columns: [
      { title: t('people.name'), dataIndex: 'name', width: 200 },
      { title: t('people.partyLevel'), dataIndex: 'levelName', width: 120 },
      dashColumn(t('people.parentOrg'), 'parentName', 180),
      dashColumn(t('people.secretary'), 'secretary', 100),
      UNIT_COL(t),
    ],
    fields: [
      NAME_FIELD(t),
      UNIT_FIELD(t),
      {
        name: 'levelId',
        label: t('people.partyLevel'),
        kind: 'custom',
        required: true,
        input: (form) => (
          <Form.Item noStyle shouldUpdate={(a, b) => a.orgUnitId !== b.orgUnitId}>
            {() => (
              <Form.Item name="levelId" noStyle>
                <LevelSelect unitId={form.getFieldValue('orgUnitId')} />
              </Form.Item>
            )}
          </Form.Item>
        ),
      },
      partyOrgField('parentId', t('people.parentOrg'), 'parentName'),
      { name: 'secretary', label: t('people.secretary'), kind: 'text', maxLength: 50 },
    ],
    toForm: (r) => pick(r, ['name', 'orgUnitId', 'levelId', 'parentId', 'parentName', 'secretary']),
  };
}

function partyMemberConfig(t: TFunction): EntityConfig<PartyMemberDto> {
  return {
    key: 'party-members',
    noun: t('people.tab.partyMembers'),
    width: 1100,
    filters: [yesNoFilter(t, 'reporting', t('people.reporting'))],
    columns: [
      { title: t('people.personName'), dataIndex: 'name', width: 100 },
      dashColumn(t('people.partyOrg'), 'partyOrgName', 180),
      {
        title: t('people.joinedOn'),
        dataIndex: 'joinedOn',
        width: 110,
        render: (v: string | null) => formatDate(v) || '—',
      },
      yesNoCol(t, t('people.reporting'), 'reporting', 110),
      dashColumn(t('people.employer'), 'employer', 150),
      {
        title: t('people.skills'),
        dataIndex: 'skills',
        render: (v: string[]) => v.map((s) => <Tag key={s}>{s}</Tag>),
      },
      yesNoCol(t, t('people.centralHousehold'), 'isCentralHousehold', 90),
      UNIT_COL(t),
    ],
    fields: [
      { name: 'name', label: t('people.personName'), kind: 'text', required: true, maxLength: 50 },
      UNIT_FIELD(t),
      partyOrgField('partyOrgId', t('people.partyOrg'), 'partyOrgName'),
      { name: 'joinedOn', label: t('people.joinedOn'), kind: 'date' },
      { name: 'reporting', label: t('people.reporting'), kind: 'switch' },
      { name: 'isCentralHousehold', label: t('people.centralHousehold'), kind: 'switch' },
      {
        name: 'employer',
        label: t('people.employer'),
        kind: 'text',
        maxLength: 100,
        visible: (v) => !!v.reporting,
      },
      { name: 'reportedOn', label: t('people.reportedOn'), kind: 'date', visible: (v) => !!v.reporting },
      { name: 'skills', label: t('people.skills'), kind: 'tags', wide: true },
    ],
    toForm: (r) =>
      pick(r, [
        'name',
        'orgUnitId',
        'partyOrgId',
        'partyOrgName',
        'joinedOn',
        'reporting',
        'isCentralHousehold',
        'employer',
        'reportedOn',
        'skills',
      ]),
  };
}

function WorkerGrids({ worker, refresh }: { worker: WorkerDto; refresh: () => Promise<void> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [open, setOpen] = useState(false);
  const [grid, setGrid] = useState<string>();
  const [saving, runSave] = useFormSaving();
  const can = worker.abilities.assignGrids;
  const assign = async () => {
    if (!grid) return;
    await runSave(async () => {
      await api.post(`/api/people/workers/${worker.id}/grids`, { gridId: grid });
      setOpen(false);
      setGrid(undefined);
      await refresh();
      message.success(t('people.updated'));
    });
  };
  const unassign = async (g: { id: string; name: string }) => {
    try {
      await api.del(`/api/people/workers/${worker.id}/grids/${g.id}`);
      message.success(t('people.gridUnassigned', { name: g.name }));
      await refresh();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <Space size={[4, 4]} wrap>
      {worker.grids.map((g) =>
        can ? (
          <Popconfirm
            key={g.id}
            title={t('people.unassignConfirm', { name: g.name })}
            onConfirm={() => unassign(g)}
          >
            <Tag closable onClose={(e) => e.preventDefault()} style={{ cursor: 'pointer' }}>
              {g.name}
            </Tag>
          </Popconfirm>
        ) : (
          <Tag key={g.id}>{g.name}</Tag>
        ),
      )}
      {can ? (
        <Button
          size="small"
          type="dashed"
          icon={<PlusOutlined />}
          onClick={() => setOpen(true)}
          data-testid="worker-assign-grid"
        >
          {worker.grids.length ? null : t('people.assignGrid')}
        </Button>
      ) : worker.grids.length ? null : (
        '—'
      )}
      <Modal
        open={open}
        title={`${t('people.assignGrid')} · ${worker.name}`}
        onCancel={() => setOpen(false)}
        onOk={assign}
        okButtonProps={{ disabled: !grid, loading: saving }}
        destroyOnHidden
      >
        <OrgUnitSelect
          value={grid}
          onChange={(v) => setGrid(v)}
          selectableKinds={['grid']}
          searchKind="grid"
          placeholder={t('people.chooseGrid')}
          style={{ width: '100%' }}
          data-testid="worker-grid-select"
        />
      </Modal>
    </Space>
  );
}

function workerConfig(t: TFunction, label: (k: string) => string): EntityConfig<WorkerDto> {
  return {
    key: 'workers',
    noun: t('people.worker'),
    width: 1200,
    filters: [
      { name: 'kind', placeholder: t('people.workerKind'), options: enumOptions(t, 'wk', WORKER_KINDS) },
      { name: 'postType', placeholder: t('people.postType'), options: enumOptions(t, 'post', POST_TYPES) },
      {
        name: 'status',
        placeholder: t('common.status'),
        defaultValue: 'active',
        allowClear: false,
        options: enumOptions(t, 'people.status', ['active', 'inactive', 'all']),
      },
    ],
    columns: [
      {
        title: t('people.personName'),
        dataIndex: 'name',
        width: 100,
        render: (v: string, r) => (
          <Space size={4}>
            {v}
            {r.active ? null : <Tag>{t('people.inactive')}</Tag>}
          </Space>
        ),
      },
      {
        title: t('people.workerKind'),
        dataIndex: 'kind',
        width: 110,
        render: (v: string, r) =>
          v === 'grid_worker'
            ? t(r.partTime ? 'people.gridWorkerPartTime' : 'people.gridWorkerFullTime')
            : t(`wk.${v}` as MessageKey),
      },
      {
        title: t('people.postType'),
        dataIndex: 'postType',
        width: 120,
        render: (v: string | null) => (v ? t(`post.${v}` as MessageKey) : '—'),
      },
      { title: t('people.grade'), dataIndex: 'grade', width: 70, render: (v: number | null) => v ?? '—' },
      {
        title: t('people.qualifications'),
        dataIndex: 'qualifications',
        width: 150,
        render: (v: string[]) =>
          v.map((q) => {
            const key = `qual.${q}` as MessageKey;
            const text = t(key);
            return <Tag key={q}>{text === key ? q : text}</Tag>;
          }),
      },
      dashColumn(t('people.phone'), 'phone', 120),
      UNIT_COL(t),
    ],
    extraColumns: (refresh) => [
      {
        title: t('people.grids'),
        key: 'grids',
        width: 200,
        render: (_, r) => <WorkerGrids worker={r} refresh={refresh} />,
      },
    ],
    fields: [
      { name: 'name', label: t('people.personName'), kind: 'text', required: true, maxLength: 50 },
      {
        name: 'gender',
        label: t('people.gender'),
        kind: 'select',
        options: [
          { value: 'male', label: label('male') },
          { value: 'female', label: label('female') },
        ],
      },
      codeField('kind', t('people.workerKind'), enumOptions(t, 'wk', WORKER_KINDS)),
      UNIT_FIELD(t),
      {
        name: 'postType',
        label: t('people.postType'),
        kind: 'select',
        required: true,
        options: enumOptions(t, 'post', POST_TYPES),
        visible: (v) => v.kind === 'community_worker',
      },
      {
        name: 'grade',
        label: t('people.grade'),
        kind: 'number',
        min: 1,
        max: 18,
        visible: (v) => v.kind === 'community_worker',
      },
      {
        name: 'partTime',
        label: t('people.partTime'),
        kind: 'switch',
        visible: (v) => v.kind === 'grid_worker',
      },
      { name: 'phone', label: t('people.phone'), kind: 'phone' },
      {
        name: 'qualifications',
        label: t('people.qualifications'),
        kind: 'tags',
        options: enumOptions(t, 'qual', ['social_worker_assistant', 'social_worker']),
      },
    ],
    toForm: (r) => ({
      ...pick(r, ['name', 'gender', 'kind', 'orgUnitId', 'postType', 'grade', 'partTime', 'qualifications']),
      phoneMasked: r.phone,
    }),
    rowActions: (r, refresh) => <WorkerStatusAction worker={r} refresh={refresh} />,
  };
}

function WorkerStatusAction({ worker, refresh }: { worker: WorkerDto; refresh: () => Promise<void> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const act = async (to: 'activate' | 'deactivate') => {
    try {
      await api.post(`/api/people/workers/${worker.id}/${to}`);
      message.success(to === 'activate' ? t('people.activated') : t('people.deactivated'));
      await refresh();
    } catch (e) {
      showError(e);
    }
  };
  if (worker.abilities.deactivate)
    return (
      <Popconfirm title={`${t('people.deactivate')}?`} onConfirm={() => act('deactivate')}>
        <Button type="link" size="small" danger data-testid="worker-deactivate">
          {t('people.deactivate')}
        </Button>
      </Popconfirm>
    );
  if (worker.abilities.activate)
    return (
      <Button type="link" size="small" onClick={() => act('activate')} data-testid="worker-activate">
        {t('people.activate')}
      </Button>
    );
  return null;
}

function deputyConfig(t: TFunction): EntityConfig<DeputyDto> {
  return {
    key: 'deputies',
    noun: t('people.deputy'),
    filters: [
      { name: 'kind', placeholder: t('people.deputyKind'), options: enumOptions(t, 'dk', DEPUTY_KINDS) },
    ],
    columns: [
      { title: t('people.personName'), dataIndex: 'name', width: 120 },
      codeColumn(t, t('people.deputyKind'), 'kind', 160, 'dk'),
      { title: t('people.deputyLevel'), dataIndex: 'level', width: 100 },
      UNIT_COL(t),
    ],
    fields: [
      { name: 'name', label: t('people.personName'), kind: 'text', required: true, maxLength: 50 },
      codeField('kind', t('people.deputyKind'), enumOptions(t, 'dk', DEPUTY_KINDS)),
      {
        name: 'level',
        label: t('people.deputyLevel'),
        kind: 'text',
        required: true,
        maxLength: 20,
        placeholder: t('people.deputyLevelHint'),
      },
      UNIT_FIELD(t),
    ],
    toForm: (r) => pick(r, ['name', 'kind', 'level', 'orgUnitId']),
  };
}

function residentUnitConfig(t: TFunction): EntityConfig<ResidentUnitDto> {
  return {
    key: 'resident-units',
    noun: t('people.residentUnit'),
    width: 1100,
    filters: [
      {
        name: 'kind',
        placeholder: t('people.unitKind'),
        options: enumOptions(t, 'ruk', RESIDENT_UNIT_KINDS),
      },
    ],
    columns: [
      { title: t('people.name'), dataIndex: 'name', width: 180 },
      codeColumn(t, t('people.unitKind'), 'kind', 110, 'ruk'),
      dashColumn(t('people.uscc'), 'uscc', 190),
      { title: t('people.address'), dataIndex: 'address', ellipsis: true, render: orDash },
      dashColumn(t('people.contactName'), 'contactName', 90),
      dashColumn(t('people.contactPhone'), 'contactPhone', 120),
      UNIT_COL(t),
    ],
    fields: [
      NAME_FIELD(t),
      codeField('kind', t('people.unitKind'), enumOptions(t, 'ruk', RESIDENT_UNIT_KINDS)),
      { name: 'uscc', label: t('people.uscc'), kind: 'text', maxLength: 18 },
      UNIT_FIELD(t),
      { name: 'contactName', label: t('people.contactName'), kind: 'text', maxLength: 50 },
      { name: 'contactPhone', label: t('people.contactPhone'), kind: 'phone' },
      { name: 'address', label: t('people.address'), kind: 'text', maxLength: 200, wide: true },
    ],
    toForm: (r) => ({
      ...pick(r, ['name', 'kind', 'uscc', 'orgUnitId', 'contactName', 'address']),
      contactPhoneMasked: r.contactPhone,
    }),
  };
}

function socialOrgConfig(t: TFunction): EntityConfig<SocialOrgDto> {
  return {
    key: 'social-orgs',
    noun: t('people.socialOrg'),
    width: 1100,
    filters: [
      {
        name: 'registration',
        placeholder: t('people.registration'),
        options: enumOptions(t, 'sor', SOCIAL_ORG_REGISTRATIONS),
      },
      yesNoFilter(t, 'publicWelfare', t('people.publicWelfare')),
    ],
    columns: [
      { title: t('people.name'), dataIndex: 'name', width: 180 },
      codeColumn(t, t('people.registration'), 'registration', 90, 'sor'),
      { title: t('people.field'), dataIndex: 'field', width: 110 },
      yesNoCol(t, t('people.publicWelfare'), 'publicWelfare', 90),
      yesNoCol(t, t('people.migrantMembers'), 'migrantMembers', 130),
      { title: t('people.memberCount'), dataIndex: 'memberCount', width: 80, align: 'right' },
      dashColumn(t('people.uscc'), 'uscc', 190),
      UNIT_COL(t),
    ],
    fields: [
      NAME_FIELD(t),
      codeField('registration', t('people.registration'), enumOptions(t, 'sor', SOCIAL_ORG_REGISTRATIONS)),
      {
        name: 'field',
        label: t('people.field'),
        kind: 'text',
        required: true,
        maxLength: 50,
        placeholder: t('people.fieldHint'),
      },
      UNIT_FIELD(t),
      { name: 'uscc', label: t('people.uscc'), kind: 'text', maxLength: 18 },
      { name: 'memberCount', label: t('people.memberCount'), kind: 'number', min: 0, max: 1_000_000 },
      { name: 'publicWelfare', label: t('people.publicWelfare'), kind: 'switch' },
      { name: 'migrantMembers', label: t('people.migrantMembers'), kind: 'switch' },
    ],
    toForm: (r) =>
      pick(r, [
        'name',
        'registration',
        'field',
        'orgUnitId',
        'uscc',
        'memberCount',
        'publicWelfare',
        'migrantMembers',
      ]),
  };
}

export default function PeoplePage() {
  const { section = 'party' } = useParams();
  const { t, label } = useI18n();
  const [params, setParams] = useSearchParams();
  const meta = PEOPLE_SECTIONS.find((s) => s.section === section);
  if (!meta) return <NotFoundResult title={t('common.pageNotFound')} text=" " />;

  let body: ReactNode;
  if (section === 'party') {
    const tab = params.get('tab') === 'members' ? 'members' : 'orgs';
    body = (
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'members' ? { tab: 'members' } : {})}
        destroyOnHidden
        items={[
          {
            key: 'orgs',
            label: t('people.tab.partyOrgs'),
            children: <EntityPage config={partyOrgConfig(t)} />,
          },
          {
            key: 'members',
            label: t('people.tab.partyMembers'),
            children: <EntityPage config={partyMemberConfig(t)} />,
          },
        ]}
        data-testid="people-party-tabs"
      />
    );
  } else if (section === 'workers') body = <EntityPage config={workerConfig(t, label)} />;
  else if (section === 'deputies') body = <EntityPage config={deputyConfig(t)} />;
  else if (section === 'units') body = <EntityPage config={residentUnitConfig(t)} />;
  else body = <EntityPage config={socialOrgConfig(t)} />;

  return (
    <div key={section}>
      <PageHeader title={t(meta.label)} />
      {body}
    </div>
  );
}
