import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useSearchPatch } from '../../app/useSearchPatch';
import { DUTY_PERSON_TYPES, STATION_FUNCTIONS } from '../../../shared/contracts/services';
import { AddButton } from '../../app/components/AddButton';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../app/components/PageHeader';
import { applyFormErrors, useShowError } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { OrgUnitSelect } from '../org/api';
import { fcApi } from '../facilities/api';
import { type DutySlot, type Station, svcApi, svcKeys } from './api';
import { labelOf, useOwnCommunity } from './meta';
import { CommunityField } from './parts';
import { useRefreshingMutation } from '../../app/useRefreshingMutation';

/** Monday 00:00 of the current week, whatever the locale's first day of the week. */
const thisMonday = () =>
  dayjs()
    .startOf('day')
    .subtract((dayjs().day() + 6) % 7, 'day');

/**
 * R-SV-2: the neighbour stations' duty rota, one week at a time, with what each person on duty logged;
 * 两代表一委员 on liaison duty (seed 003 三(三)1) are picked from the deputies registry.
 */
export default function DutyPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const showError = useShowError();
  const { message } = App.useApp();
  const [params, patch] = useSearchPatch();
  const communityId = params.get('communityId') ?? undefined;
  const own = useOwnCommunity();
  const [weekStart, setWeekStart] = useState(() => thisMonday());
  const [addingSlot, setAddingSlot] = useState(false);
  const [editingStation, setEditingStation] = useState<Station | 'new' | null>(null);
  const [logSlot, setLogSlot] = useState<DutySlot | null>(null);
  const stations = useQuery({
    queryKey: svcKeys.stations(communityId),
    queryFn: () => svcApi.stations(communityId),
  });
  const q = { communityId, from: weekStart.toISOString(), to: weekStart.add(7, 'day').toISOString() };
  const slots = useQuery({ queryKey: svcKeys.duty(q), queryFn: () => svcApi.duty(q) });
  const remove = useRefreshingMutation(svcApi.deleteSlot, ['services']);
  const [slotForm] = Form.useForm();
  // 两代表一委员 are picked from the deputies registered in the station's community.
  const slotType = Form.useWatch('personType', slotForm);
  const slotStation: string | undefined = Form.useWatch('stationId', slotForm);
  const pickingDeputy = slotType === 'deputy';
  const deputies = useQuery({
    queryKey: svcKeys.dutyDeputies(slotStation ?? ''),
    queryFn: () => svcApi.dutyDeputies(slotStation!),
    enabled: addingSlot && pickingDeputy && !!slotStation,
  });
  const createSlot = useMutation({
    mutationFn: (v: {
      stationId: string;
      personType: string;
      personName: string;
      personId?: string;
      personUsername?: string;
      range: [Dayjs, Dayjs];
    }) =>
      svcApi.createSlot({
        stationId: v.stationId,
        personType: v.personType as 'volunteer',
        personName: v.personName,
        ...(v.personType === 'deputy' && { personId: v.personId ?? null }),
        personUsername: v.personUsername?.trim() || null,
        startsAt: v.range[0].toISOString(),
        endsAt: v.range[1].toISOString(),
      }),
    onSuccess: () => {
      message.success(t('services.lists.saved'));
      setAddingSlot(false);
      qc.invalidateQueries({ queryKey: ['services'] });
    },
    onError: (e) => {
      if (applyFormErrors(slotForm, e, { startsAt: 'range', endsAt: 'range' }).applied === 0) showError(e);
    },
  });
  useEffect(() => {
    if (addingSlot) slotForm.resetFields();
  }, [addingSlot, slotForm]);

  const days = useMemo(() => [...Array(7)].map((_, i) => weekStart.add(i, 'day')), [weekStart]);
  const columns: TableColumnsType<DutySlot> = [
    {
      title: t('services.field.start'),
      dataIndex: 'startsAt',
      width: 200,
      render: (v: string, s) => `${dayjs(v).format('MM-DD ddd HH:mm')} – ${dayjs(s.endsAt).format('HH:mm')}`,
    },
    { title: t('services.field.station'), dataIndex: 'stationName' },
    {
      title: t('services.field.person'),
      dataIndex: 'personName',
      render: (v: string, s) => (
        <Space>
          {v}
          <Tag>{labelOf(t, 'services.duty', s.personType)}</Tag>
          {s.selfLogging ? <Tag color="blue">{t('services.duty.selfLogging')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('services.field.logs'),
      dataIndex: 'logs',
      render: (n: number, s) => (
        <Button size="small" type={n ? 'link' : 'default'} onClick={() => setLogSlot(s)}>
          {n ? `${n}` : t('services.duty.addLog')}
        </Button>
      ),
    },
    {
      title: '',
      key: 'x',
      width: 80,
      render: (_: unknown, s) =>
        can('services.write') && s.logs === 0 ? (
          <Popconfirm title={t('services.duty.deleteConfirm')} onConfirm={() => remove.mutate(s.id)}>
            <Button size="small" danger type="text">
              {t('services.duty.delete')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];
  return (
    <>
      <PageHeader
        title={t('services.duty.title')}
        subtitle={t('services.duty.subtitle')}
        extra={
          can('services.write') ? (
            <>
              <Button onClick={() => setEditingStation('new')}>{t('services.duty.addStation')}</Button>
              <AddButton onClick={() => setAddingSlot(true)} disabled={!stations.data?.length}>
                {t('services.duty.addSlot')}
              </AddButton>
            </>
          ) : null
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={12} wrap align="center" justify="space-between">
          <OrgUnitSelect
            value={communityId ?? null}
            onChange={(v) => patch({ communityId: v })}
            selectableKinds={['community']}
            searchKind="community"
            allowClear
            placeholder={t('services.orders.pickCommunity')}
            style={{ minWidth: 220 }}
          />
          <Space>
            <Button icon={<LeftOutlined />} onClick={() => setWeekStart(weekStart.subtract(7, 'day'))}>
              {t('services.duty.prev')}
            </Button>
            <Button onClick={() => setWeekStart(thisMonday())}>{t('services.duty.week')}</Button>
            <Button onClick={() => setWeekStart(weekStart.add(7, 'day'))}>
              {t('services.duty.next')} <RightOutlined />
            </Button>
            <Typography.Text type="secondary">
              {days[0]!.format('YYYY-MM-DD')} – {days[6]!.format('MM-DD')}
            </Typography.Text>
          </Space>
        </Flex>
        {stations.data ? (
          <Flex vertical gap={4} style={{ marginTop: 8 }} data-testid="stations">
            {stations.data.map((s) => (
              <Space key={s.id} size={4} wrap>
                <Tag color={s.active ? 'blue' : 'default'}>
                  {s.name}
                  {communityId ? '' : ` · ${s.communityName}`}
                  {s.active ? '' : `（${t('services.station.inactive')}）`}
                </Tag>
                {/* Seed 000 二.2 (S000-09): the facility it is built in and its functions. */}
                {s.hostFacilityName ? (
                  <Typography.Text type="secondary">
                    {t('services.station.hostOf', { name: s.hostFacilityName })}
                  </Typography.Text>
                ) : null}
                {s.functions.map((f) => (
                  <Tag key={f} bordered={false} color="cyan">
                    {labelOf(t, 'services.station.fn', f)}
                  </Tag>
                ))}
                {can('services.write') ? (
                  <Button size="small" type="link" onClick={() => setEditingStation(s)}>
                    {t('common.edit')}
                  </Button>
                ) : null}
              </Space>
            ))}
            {stations.data.length === 0 ? (
              <Typography.Text type="secondary">{t('services.duty.noStation')}</Typography.Text>
            ) : null}
          </Flex>
        ) : null}
      </Card>
      <Table
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={slots.data}
        loading={slots.isFetching && !slots.data}
        pagination={false}
        data-testid="duty-table"
      />
      <Modal
        open={addingSlot}
        title={t('services.duty.addSlot')}
        onCancel={() => setAddingSlot(false)}
        onOk={() => slotForm.submit()}
        confirmLoading={createSlot.isPending}
      >
        <Form
          form={slotForm}
          layout="vertical"
          onFinish={(v) => createSlot.mutate(v)}
          initialValues={{ personType: 'resident_rep' }}
          onValuesChange={(changed) => {
            // Another station or role: the deputy picked (and the name it gave) no longer applies.
            if (('stationId' in changed || 'personType' in changed) && slotForm.getFieldValue('personId'))
              slotForm.setFieldsValue({ personId: undefined, personName: undefined });
          }}
        >
          <Form.Item name="stationId" label={t('services.field.station')} rules={[{ required: true }]}>
            <Select
              options={stations.data?.map((s) => ({ value: s.id, label: `${s.name} · ${s.communityName}` }))}
            />
          </Form.Item>
          <Flex gap={12}>
            {pickingDeputy ? (
              <Form.Item
                name="personId"
                label={t('services.duty.deputyPick')}
                extra={t('services.duty.deputyPickHelp')}
                rules={[{ required: true }]}
                style={{ flex: 1 }}
              >
                <Select
                  showSearch
                  optionFilterProp="label"
                  disabled={!slotStation}
                  placeholder={slotStation ? undefined : t('services.duty.pickStationFirst')}
                  loading={deputies.isFetching}
                  notFoundContent={deputies.data ? t('services.duty.noDeputy') : undefined}
                  options={deputies.data?.map((d) => ({ value: d.id, label: d.name }))}
                  onChange={(_, option) =>
                    slotForm.setFieldValue('personName', (option as { label?: string } | undefined)?.label)
                  }
                />
              </Form.Item>
            ) : null}
            <Form.Item
              name="personName"
              label={t('services.field.person')}
              rules={[{ required: true }]}
              hidden={pickingDeputy}
              style={{ flex: 1 }}
            >
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="personType" label={t('services.field.personType')} style={{ flex: 1 }}>
              <Select
                options={DUTY_PERSON_TYPES.map((p) => ({ value: p, label: labelOf(t, 'services.duty', p) }))}
              />
            </Form.Item>
          </Flex>
          <Form.Item
            name="personUsername"
            label={t('services.duty.personUsername')}
            extra={t('services.duty.personUsernameHelp')}
          >
            <Input maxLength={64} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="range"
            label={`${t('services.field.start')} – ${t('services.field.end')}`}
            rules={[{ required: true }]}
          >
            <DatePicker.RangePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Form>
      </Modal>
      {editingStation ? (
        <StationModal
          station={editingStation === 'new' ? null : editingStation}
          communityId={communityId ?? own}
          onClose={() => setEditingStation(null)}
        />
      ) : null}
      <DutyLogsModal slot={logSlot} onClose={() => setLogSlot(null)} />
    </>
  );
}

type StationValues = {
  communityId?: string;
  name: string;
  address?: string;
  active?: boolean;
  hostFacilityId?: string;
  functions?: (typeof STATION_FUNCTIONS)[number][];
};

/**
 * A neighbour station's form, new or edited: its name and address and, after seed 000 二.2 (S000-09), the
 * facility of its community it is built in (the facilities registry's) and its functions 学习、休闲、调解、议事.
 */
function StationModal({
  station,
  communityId,
  onClose,
}: {
  station: Station | null;
  communityId: string | undefined;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const qc = useQueryClient();
  const showError = useShowError();
  const { message } = App.useApp();
  const [form] = Form.useForm<StationValues>();
  const picked: string | undefined = Form.useWatch('communityId', form);
  const community = station?.communityId ?? picked;
  const facilities = useQuery({
    queryKey: ['facilities', 'list', { orgUnitId: community, pageSize: 100, for: 'station' }],
    queryFn: () => fcApi.list({ orgUnitId: community, pageSize: 100 }),
    enabled: !!community,
  });
  const save = useMutation({
    mutationFn: (v: StationValues) => {
      const fields = {
        name: v.name,
        address: v.address?.trim() || null,
        hostFacilityId: v.hostFacilityId ?? null,
        functions: v.functions ?? [],
      };
      return station
        ? svcApi.updateStation(station.id, { ...fields, active: v.active ?? station.active })
        : svcApi.createStation({ ...fields, communityId: v.communityId! });
    },
    onSuccess: () => {
      message.success(t('services.station.saved'));
      qc.invalidateQueries({ queryKey: ['services'] });
      onClose();
    },
    onError: (e) => {
      if (applyFormErrors(form, e).applied === 0) showError(e);
    },
  });
  return (
    <Modal
      open
      title={station ? t('services.station.edit') : t('services.duty.addStation')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        onValuesChange={(changed) => {
          // Another community: the facility picked is not one of its own.
          if ('communityId' in changed) form.setFieldValue('hostFacilityId', undefined);
        }}
        initialValues={
          station
            ? {
                name: station.name,
                address: station.address ?? undefined,
                active: station.active,
                hostFacilityId: station.hostFacilityId ?? undefined,
                functions: station.functions,
              }
            : { communityId, functions: [] }
        }
      >
        {station ? null : <CommunityField />}
        <Form.Item name="name" label={t('services.field.name')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="address" label={t('services.field.address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="hostFacilityId"
          label={t('services.station.host')}
          extra={t('services.station.hostHelp')}
        >
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            disabled={!community}
            placeholder={community ? undefined : t('services.station.pickCommunityFirst')}
            loading={facilities.isFetching}
            options={facilities.data?.items.map((f) => {
              const kind = locale === 'en' ? f.kindNameEn : f.kindNameZh;
              return {
                value: f.id,
                label: kind ? (locale === 'en' ? `${f.name} (${kind})` : `${f.name}（${kind}）`) : f.name,
              };
            })}
          />
        </Form.Item>
        <Form.Item name="functions" label={t('services.station.functions')}>
          <Checkbox.Group
            options={STATION_FUNCTIONS.map((f) => ({
              value: f,
              label: labelOf(t, 'services.station.fn', f),
            }))}
          />
        </Form.Item>
        {station ? (
          <Form.Item name="active" label={t('services.station.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

function DutyLogsModal({ slot, onClose }: { slot: DutySlot | null; onClose: () => void }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const showError = useShowError();
  const [content, setContent] = useState('');
  const [visitors, setVisitors] = useState<number | null>(0);
  const logs = useQuery({
    queryKey: svcKeys.dutyLogs(slot?.id ?? ''),
    queryFn: () => svcApi.dutyLogs(slot!.id),
    enabled: !!slot,
  });
  const add = useMutation({
    mutationFn: () => svcApi.addDutyLog(slot!.id, { content, visitors: visitors ?? 0 }),
    onSuccess: () => {
      setContent('');
      setVisitors(0);
      qc.invalidateQueries({ queryKey: ['services'] });
    },
    onError: (e) => showError(e),
  });
  return (
    <Modal
      open={!!slot}
      title={t('services.duty.logsOf', { name: slot?.personName ?? '' })}
      onCancel={onClose}
      footer={null}
    >
      {logs.data?.length ? (
        <List
          size="small"
          dataSource={logs.data}
          renderItem={(l) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Space wrap>
                    {l.content}
                    {l.selfEntered ? <Tag color="blue">{t('services.duty.selfEntered')}</Tag> : null}
                    {l.hasPhoto ? (
                      <Typography.Link
                        href={`/api/services/duty/logs/${encodeURIComponent(l.id)}/photo`}
                        target="_blank"
                        rel="noopener"
                      >
                        {t('services.duty.photo')}
                      </Typography.Link>
                    ) : null}
                  </Space>
                }
                description={`${formatDateTime(l.at)} · ${l.createdByName ?? ''} · ${t('services.field.visitors')} ${l.visitors}`}
              />
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
      {can('services.write') ? (
        <Flex vertical gap={8} style={{ marginTop: 12 }}>
          <Input.TextArea
            rows={3}
            value={content}
            onChange={(e) => setContent(e.target.value)}
            placeholder={t(
              slot?.personType === 'deputy' ? 'services.duty.deputyContent' : 'services.field.content',
            )}
            maxLength={2000}
          />
          <Flex gap={8} align="center">
            <Typography.Text>{t('services.field.visitors')}</Typography.Text>
            <InputNumber min={0} value={visitors} onChange={setVisitors} />
            <Button
              type="primary"
              onClick={() => add.mutate()}
              disabled={!content.trim()}
              loading={add.isPending}
            >
              {t('services.duty.addLog')}
            </Button>
          </Flex>
        </Flex>
      ) : null}
    </Modal>
  );
}
