import { enumOptions } from '../../app/components/enumOptions';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { FormSaveModal } from '../../app/formSaving';
import { Card, Flex, Form, Input, Radio, Select, type TableColumnsType, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSearchPatch } from '../../app/useSearchPatch';
import { VOLUNTEER_KINDS } from '../../../shared/contracts/volunteers';
import { useSaving } from '../../app/components/useSaving';
import { useI18n } from '../../app/i18n';
import { OrgUnitSelect } from '../org/api';
import { OpenRowsTable, useListPager } from './listFrame';
import {
  type CreateVolunteerInput,
  hoursOf,
  type Volunteer,
  type VolunteerFilters,
  volApi,
  volKeys,
} from './api';
import { KindTag, RemotePicker, Stars } from './parts';
import { availabilityOf, NotesField, OfferFields, UniversityField } from './profileFields';
import { AddPageHeader } from '../../app/components/AddPageHeader';

type Kind = (typeof VOLUNTEER_KINDS)[number];

function CreateVolunteerModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [source, setSource] = useState<'resident' | 'party' | 'manual'>('resident');
  const kind = Form.useWatch('kind', form) as Kind | undefined;
  const create = useSaving((body: CreateVolunteerInput) => volApi.create(body), {
    invalidate: volKeys.all,
    done: () => t('volunteers.created'),
    form,
    after: (v) => {
      onClose();
      form.resetFields();
      navigate(`/volunteers/${v.id}`);
    },
  });
  const submit = (values: Record<string, unknown>) => {
    const body: CreateVolunteerInput = {
      skills: (values.skills as string[]) ?? [],
      availability: availabilityOf(values),
      kind: (values.kind as Kind) || undefined,
      university: (values.university as string) || null,
      orgUnitId: (values.orgUnitId as string) || null,
      notes: (values.notes as string) || null,
    };
    if (source === 'resident') body.residentId = values.residentId as string;
    else if (source === 'party') body.partyMemberId = values.partyMemberId as string;
    else {
      body.name = values.name as string;
      body.phone = (values.phone as string) || null;
    }
    create.mutate(body);
  };
  return (
    <FormSaveModal
      form={form}
      saving={create.isPending}
      open={open}
      title={t('volunteers.create')}
      onCancel={onClose}
      okText={t('common.save')}
      width={560}
    >
      <Form form={form} layout="vertical" onFinish={submit} data-testid="volunteer-form">
        <Form.Item label={t('volunteers.source')}>
          <Radio.Group
            value={source}
            onChange={(e) => setSource(e.target.value)}
            optionType="button"
            options={[
              { value: 'resident', label: t('volunteers.source.resident') },
              { value: 'party', label: t('volunteers.source.party') },
              { value: 'manual', label: t('volunteers.source.manual') },
            ]}
          />
        </Form.Item>
        {source === 'resident' ? (
          <Form.Item name="residentId" label={t('volunteers.resident')} rules={[{ required: true }]}>
            <RemotePicker
              url="/api/residents"
              placeholder={t('volunteers.residentSearch')}
              describe={(r) => `${r.name}${r.communityName ? `(${r.communityName})` : ''}`}
              testId="volunteer-resident"
            />
          </Form.Item>
        ) : null}
        {source === 'party' ? (
          <Form.Item name="partyMemberId" label={t('volunteers.partyMember')} rules={[{ required: true }]}>
            <RemotePicker
              url="/api/people/party-members"
              extra={{ reporting: 'true' }}
              placeholder={t('volunteers.partyMemberSearch')}
              describe={(r) => `${r.name}${r.employer ? `(${r.employer})` : ''}`}
              testId="volunteer-party"
            />
          </Form.Item>
        ) : null}
        {source === 'manual' ? (
          <Flex gap={12}>
            <Form.Item
              name="name"
              label={t('volunteers.name')}
              rules={[{ required: true }]}
              style={{ flex: 1 }}
            >
              <Input maxLength={50} data-testid="volunteer-name" />
            </Form.Item>
            <Form.Item name="phone" label={t('volunteers.phone')} style={{ flex: 1 }}>
              <Input maxLength={20} />
            </Form.Item>
          </Flex>
        ) : null}
        <Form.Item
          name="orgUnitId"
          label={t('volunteers.unit')}
          rules={source === 'manual' ? [{ required: true }] : []}
        >
          <OrgUnitSelect selectableKinds={['community', 'grid']} data-testid="volunteer-unit" />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="kind" label={t('volunteers.kind')} style={{ flex: 1 }}>
            <Select
              allowClear
              options={enumOptions(t, 'volunteers.kind', VOLUNTEER_KINDS)}
              data-testid="volunteer-kind"
            />
          </Form.Item>
          <UniversityField kind={kind} />
        </Flex>
        <OfferFields />
        <NotesField />
      </Form>
    </FormSaveModal>
  );
}

export default function VolunteersPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, update] = useSearchPatch();
  const filters: VolunteerFilters = useMemo(
    () => ({
      q: params.get('q') || undefined,
      orgUnitId: params.get('orgUnitId') || undefined,
      kind: (params.get('kind') as Kind) || undefined,
      skill: params.get('skill') || undefined,
    }),
    [params],
  );
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? 20) || 20;
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: volKeys.list(filters, page, pageSize),
    queryFn: () => volApi.list(filters, page, pageSize),
    placeholderData: keepPreviousData,
  });
  const pager = useListPager(
    list.data?.total,
    page,
    pageSize,
    (p, ps) => update({ page: String(p), pageSize: String(ps) }),
    true,
  );

  const columns: TableColumnsType<Volunteer> = [
    {
      title: t('volunteers.name'),
      dataIndex: 'name',
      fixed: 'left',
      width: 100,
      render: (name: string, r) => (
        <Link to={`/volunteers/${r.id}`} onClick={(e) => e.stopPropagation()} data-testid="volunteer-link">
          {name}
        </Link>
      ),
    },
    { title: t('volunteers.kind'), dataIndex: 'kind', width: 120, render: (k: Kind) => <KindTag kind={k} /> },
    { title: t('volunteers.unit'), dataIndex: 'unitName', width: 140, ellipsis: true },
    {
      title: t('volunteers.skills'),
      dataIndex: 'skills',
      responsive: ['md'],
      render: (s: string[]) => s.map((x) => <Tag key={x}>{x}</Tag>),
    },
    {
      title: t('volunteers.hours'),
      dataIndex: 'minutes',
      width: 120,
      align: 'right',
      render: (m: number) => hoursOf(m),
    },
    { title: t('volunteers.stars'), dataIndex: 'stars', width: 120, render: (n: number) => <Stars n={n} /> },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 80,
      responsive: ['md'],
      render: (s: 'active' | 'inactive') => (
        <Tag color={s === 'active' ? 'green' : 'default'}>{t(`volunteers.status.${s}`)}</Tag>
      ),
    },
  ];

  return (
    <div>
      <AddPageHeader
        title={t('volunteers.title')}
        permission="volunteers.write"
        addLabel={t('volunteers.create')}
        onAdd={() => setCreating(true)}
        addTestId="volunteers-create"
      />
      <Card styles={{ body: { padding: 16 } }}>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            defaultValue={filters.q}
            onSearch={(v) => update({ q: v.trim() || undefined })}
            placeholder={t('volunteers.search')}
            style={{ width: 220 }}
            enterButton={t('common.search')}
            data-testid="volunteers-search"
          />
          <OrgUnitSelect
            value={filters.orgUnitId}
            onChange={(v) => update({ orgUnitId: v })}
            placeholder={t('volunteers.filterUnit')}
            style={{ width: 200 }}
          />
          <Select<Kind>
            allowClear
            value={filters.kind}
            onChange={(v) => update({ kind: v })}
            placeholder={t('volunteers.filterKind')}
            style={{ width: 140 }}
            options={enumOptions(t, 'volunteers.kind', VOLUNTEER_KINDS)}
          />
          <Input.Search
            allowClear
            defaultValue={filters.skill}
            onSearch={(v) => update({ skill: v.trim() || undefined })}
            placeholder={t('volunteers.filterSkill')}
            style={{ width: 160 }}
          />
        </Flex>
        <OpenRowsTable<Volunteer>
          list={list}
          failed={list.isError && !list.data}
          empty={t('volunteers.empty')}
          onOpen={(r) => navigate(`/volunteers/${r.id}`)}
          columns={columns}
          data-testid="volunteers-table"
          pagination={pager}
        />
      </Card>
      <CreateVolunteerModal open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
