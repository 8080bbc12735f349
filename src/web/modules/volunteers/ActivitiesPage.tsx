import { enumOptions } from '../../app/components/enumOptions';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { FormSaveModal } from '../../app/formSaving';
import { useSaving } from '../../app/components/useSaving';
import { DatePicker, Flex, Form, Input, InputNumber, Select, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { FilterSelect } from '../../app/components/FilterSelect';
import { useSearchPatch } from '../../app/useSearchPatch';
import { ACTIVITY_TYPES, type ActivityTheme } from '../../../shared/contracts/volunteers';
import { useI18n } from '../../app/i18n';
import { OrgUnitSelect } from '../org/api';
import { OpenRowsTable, UnitListFrame, useListPager } from './listFrame';
import { type Activity, volApi, volKeys } from './api';
import { ThemeTag, themeOptions, TypeTag } from './parts';

export function timeRange(a: { startsAt: string; endsAt: string }) {
  const s = dayjs(a.startsAt);
  const e = dayjs(a.endsAt);
  return `${s.format('YYYY-MM-DD HH:mm')}–${e.isSame(s, 'day') ? e.format('HH:mm') : e.format('MM-DD HH:mm')}`;
}

interface FormValues {
  title: string;
  type: Activity['type'];
  theme?: Activity['theme'];
  orgUnitId: string;
  place: string;
  range: [Dayjs, Dayjs];
  signupLimit: number;
  lat?: number | null;
  lng?: number | null;
  radiusM?: number;
  description?: string;
}

function CreateActivityModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const create = useSaving(
    (v: FormValues) =>
      volApi.createActivity({
        title: v.title,
        type: v.type,
        theme: v.theme ?? null,
        orgUnitId: v.orgUnitId,
        place: v.place,
        startsAt: v.range[0].toISOString(),
        endsAt: v.range[1].toISOString(),
        signupLimit: v.signupLimit,
        lat: v.lat ?? null,
        lng: v.lng ?? null,
        radiusM: v.radiusM,
        description: v.description || null,
      }),
    {
      invalidate: volKeys.all,
      done: () => t('common.saved'),
      form,
      after: (a) => {
        form.resetFields();
        onClose();
        navigate(`/volunteers/activities/${a.id}`);
      },
      rename: { startsAt: 'range', endsAt: 'range' },
    },
  );
  return (
    <FormSaveModal
      form={form}
      saving={create.isPending}
      open={open}
      title={t('volunteers.activityCreate')}
      onCancel={onClose}
      width={600}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => create.mutate(v)}
        initialValues={{ type: 'elderly_care', signupLimit: 20, radiusM: 300 }}
        data-testid="activity-form"
      >
        <Form.Item name="title" label={t('volunteers.activityTitle')} rules={[{ required: true }]}>
          <Input maxLength={80} data-testid="activity-title" />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            name="type"
            label={t('volunteers.activityType')}
            rules={[{ required: true }]}
            style={{ flex: 1 }}
          >
            <Select options={enumOptions(t, 'volunteers.type', ACTIVITY_TYPES)} />
          </Form.Item>
          <Form.Item name="theme" label={t('volunteers.theme')} style={{ flex: 1 }}>
            <Select allowClear placeholder={t('volunteers.themeNone')} options={themeOptions(label)} />
          </Form.Item>
          <Form.Item
            name="orgUnitId"
            label={t('volunteers.community')}
            rules={[{ required: true }]}
            style={{ flex: 1 }}
          >
            <OrgUnitSelect selectableKinds={['community', 'grid']} />
          </Form.Item>
        </Flex>
        <Form.Item name="place" label={t('volunteers.place')} rules={[{ required: true }]}>
          <Input maxLength={120} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            name="range"
            label={t('volunteers.time')}
            rules={[{ required: true }]}
            style={{ flex: 2 }}
          >
            <DatePicker.RangePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item
            name="signupLimit"
            label={t('volunteers.signupLimit')}
            rules={[{ required: true }]}
            style={{ flex: 1 }}
          >
            <InputNumber min={1} max={10000} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item name="lat" label={t('volunteers.lat')} style={{ flex: 1 }}>
            <InputNumber min={-90} max={90} step={0.0001} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="lng" label={t('volunteers.lng')} style={{ flex: 1 }}>
            <InputNumber min={-180} max={180} step={0.0001} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="radiusM" label={t('volunteers.radius')} style={{ flex: 1 }}>
            <InputNumber min={20} max={5000} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ marginTop: -12, fontSize: 12 }}>
          {t('volunteers.geoHint')}
        </Typography.Paragraph>
        <Form.Item name="description" label={t('volunteers.description')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </FormSaveModal>
  );
}

export default function ActivitiesPage() {
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const [params, setSearch] = useSearchPatch();
  const orgUnitId = params.get('orgUnitId') || undefined;
  const theme = (params.get('theme') || undefined) as ActivityTheme | undefined;
  const page = Number(params.get('page') ?? 1) || 1;
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: volKeys.activities(orgUnitId, page, theme),
    queryFn: () => volApi.activities(orgUnitId, page, theme),
    placeholderData: keepPreviousData,
  });
  const pager = useListPager(list.data?.total, page, 20, (p) => setSearch({ page: String(p) }));
  return (
    <UnitListFrame
      title={t('volunteers.activitiesTitle')}
      createLabel={t('volunteers.activityCreate')}
      createTestId="activities-create"
      onCreate={() => setCreating(true)}
      orgUnitId={orgUnitId}
      onUnit={(v) => setSearch({ orgUnitId: v })}
      filters={
        <FilterSelect<ActivityTheme>
          width={160}
          placeholder={t('volunteers.themeAll')}
          value={theme}
          options={themeOptions(label)}
          onChange={(v) => setSearch({ theme: v })}
        />
      }
      dialogs={<CreateActivityModal open={creating} onClose={() => setCreating(false)} />}
    >
      <OpenRowsTable<Activity>
        list={list}
        failed={list.isError && !list.data}
        empty={t('volunteers.activitiesEmpty')}
        onOpen={(r) => navigate(`/volunteers/activities/${r.id}`)}
        data-testid="activities-table"
        pagination={pager}
        columns={[
          {
            title: t('volunteers.activityTitle'),
            dataIndex: 'title',
            render: (title: string, r) => (
              <Link to={`/volunteers/activities/${r.id}`} onClick={(e) => e.stopPropagation()}>
                {title}
              </Link>
            ),
          },
          {
            title: t('volunteers.activityType'),
            dataIndex: 'type',
            render: (ty, r) => (
              <>
                <TypeTag type={ty} />
                <ThemeTag theme={r.theme} />
              </>
            ),
          },
          { title: t('volunteers.time'), render: (_: unknown, r) => timeRange(r), width: 200 },
          { title: t('volunteers.place'), dataIndex: 'place', ellipsis: true, responsive: ['md'] },
          { title: t('volunteers.community'), dataIndex: 'communityName', responsive: ['md'] },
          {
            title: t('volunteers.signups'),
            render: (_: unknown, r) => `${r.signupCount}/${r.signupLimit}`,
            align: 'right',
          },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (s: Activity['status'], r) =>
              s === 'cancelled' ? (
                <Tag>{t('volunteers.activityStatus.cancelled')}</Tag>
              ) : dayjs(r.endsAt).isBefore(dayjs()) ? (
                <Tag color="default">{t('volunteers.activityStatus.ended')}</Tag>
              ) : (
                <Tag color="green">{t('volunteers.activityStatus.open')}</Tag>
              ),
          },
        ]}
      />
    </UnitListFrame>
  );
}
