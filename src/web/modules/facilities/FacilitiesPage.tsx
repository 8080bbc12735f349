import { enumOptions } from '../../app/components/enumOptions';
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import {
  FACILITY_CATEGORIES,
  FACILITY_STATUSES,
  OPERATION_MODES,
  OPERATOR_KINDS,
} from '../../../shared/contracts/facilities';
import { AddButton } from '../../app/components/AddButton';
import { useAuth } from '../../app/auth';
import { ColItem } from '../../app/components/ColItem';
import { useExported } from '../../app/components/ExportButton';
import { UrlTabsPage } from '../../app/components/UrlTabsPage';
import { ErrorResult } from '../../app/components/Status';
import { formatNumber, formatYuan } from '../../app/format';
import { SubmitModal } from '../../app/components/SubmitModal';
import { type MessageKey, useI18n } from '../../app/i18n';
import { dashColumn } from '../../app/components/columns';
import { OrgUnitSelect } from '../org/api';
import { type Coverage, type Facility, type FacilityKind, fcApi, fcKeys } from './api';
import { FilterSelect } from '../../app/components/FilterSelect';

const STATUS_COLOR = { planned: 'default', building: 'orange', in_use: 'green', closed: 'red' } as const;

/** 社区设施: the registry (kinds as data) and the coverage computed from coordinates (R-ORG-5, R-ORG-6, life circle). */
export default function FacilitiesPage() {
  const { t } = useI18n();
  return (
    <UrlTabsPage
      title={t('fc.title')}
      subtitle={t('fc.subtitle')}
      defaultTab="list"
      items={[
        { key: 'list', label: t('fc.tab.list'), children: <Registry /> },
        { key: 'coverage', label: t('fc.tab.coverage'), children: <CoverageTable /> },
      ]}
    />
  );
}

function useKinds() {
  return useQuery({ queryKey: fcKeys.kinds, queryFn: fcApi.kinds, staleTime: 300_000 });
}

function kindName(k: FacilityKind | undefined, locale: string) {
  return k ? (locale === 'en' ? k.nameEn : k.nameZh) : '';
}

function Registry() {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const exported = useExported();
  const [q, setQ] = useState<{
    q?: string;
    kind?: string;
    category?: string;
    operationMode?: string;
    page: number;
    pageSize: number;
  }>({
    page: 1,
    pageSize: 20,
  });
  const [editing, setEditing] = useState<Facility | 'new' | null>(null);
  const kinds = useKinds();
  const list = useQuery({
    queryKey: fcKeys.list(q),
    queryFn: () => fcApi.list(q),
    placeholderData: keepPreviousData,
  });
  const exportXlsx = () => {
    const { page: _p, pageSize: _s, ...rest } = q;
    return exported(() => fcApi.export(rest));
  };
  if (list.isError) return <ErrorResult error={list.error} onRetry={() => list.refetch()} />;
  return (
    <Card size="small">
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('fc.search')}
          style={{ width: 220 }}
          onSearch={(v) => setQ({ ...q, q: v || undefined, page: 1 })}
        />
        <FilterSelect
          width={160}
          placeholder={t('fc.allCategories')}
          value={q.category}
          onChange={(v) => setQ({ ...q, category: v, page: 1 })}
          options={enumOptions(t, 'fc.cat', FACILITY_CATEGORIES)}
        />
        <FilterSelect
          searchable
          width={240}
          placeholder={t('fc.allKinds')}
          value={q.kind}
          onChange={(v) => setQ({ ...q, kind: v, page: 1 })}
          options={(kinds.data?.items ?? []).map((k) => ({ value: k.key, label: kindName(k, locale) }))}
        />
        <FilterSelect
          width={200}
          placeholder={t('fc.allModes')}
          value={q.operationMode}
          onChange={(v) => setQ({ ...q, operationMode: v, page: 1 })}
          options={enumOptions(t, 'fc.mode', OPERATION_MODES)}
        />
        <Button icon={<DownloadOutlined />} onClick={exportXlsx}>
          {t('common.export')}
        </Button>
        {can('facilities.manage') ? (
          <AddButton onClick={() => setEditing('new')} data-testid="fc-new">
            {t('fc.new')}
          </AddButton>
        ) : null}
      </Space>
      <Table<Facility>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items}
        locale={{ emptyText: t('fc.empty') }}
        scroll={{ x: 1320 }}
        pagination={{
          current: q.page,
          pageSize: q.pageSize,
          total: list.data?.total,
          showSizeChanger: true,
          onChange: (page, pageSize) => setQ({ ...q, page, pageSize }),
        }}
        columns={[
          {
            title: t('fc.field.community'),
            dataIndex: 'communityName',
            width: 120,
            render: (v, r) => v ?? r.unitName,
          },
          { title: t('fc.field.name'), dataIndex: 'name', width: 220 },
          {
            title: t('fc.field.kind'),
            dataIndex: 'kind',
            width: 180,
            render: (_: string, r) => (locale === 'en' ? r.kindNameEn : r.kindNameZh),
          },
          {
            title: t('fc.field.area'),
            dataIndex: 'areaM2',
            width: 100,
            align: 'right',
            render: (v: number | null) => (v === null ? '—' : formatNumber(v)),
          },
          dashColumn(t('fc.field.hours'), 'hours', 180),
          dashColumn(t('fc.field.operator'), 'operator', 160),
          { title: t('fc.field.staff'), dataIndex: 'staffCount', width: 80, align: 'right' },
          {
            title: t('fc.field.operationMode'),
            key: 'operation',
            width: 220,
            render: (_: unknown, r) => <Operation facility={r} />,
          },
          {
            title: t('fc.field.status'),
            dataIndex: 'status',
            width: 90,
            render: (v: Facility['status']) => (
              <Tag color={STATUS_COLOR[v]}>{t(`fc.status.${v}` as MessageKey)}</Tag>
            ),
          },
          {
            title: '',
            key: 'edit',
            width: 80,
            render: (_: unknown, r) =>
              r.canEdit ? (
                <Button size="small" onClick={() => setEditing(r)}>
                  {t('common.edit')}
                </Button>
              ) : null,
          },
        ]}
      />
      {editing ? (
        <FacilityModal
          facility={editing === 'new' ? null : editing}
          kinds={kinds.data?.items ?? []}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Card>
  );
}

/** Seed 003 五.2 (S003-61): how the facility is run — its mode, the contract's term and the yearly fee. */
function Operation({ facility: f }: { facility: Facility }) {
  const { t } = useI18n();
  const hasTerm = f.contractStartOn || f.contractEndOn;
  if (!f.operationMode && !hasTerm && f.yearlyFeeFen === null) return <>—</>;
  return (
    <Space direction="vertical" size={0}>
      {f.operationMode ? <Tag color="blue">{t(`fc.mode.${f.operationMode}` as MessageKey)}</Tag> : null}
      {hasTerm ? (
        <Typography.Text type="secondary">
          {t('fc.contractTerm', { from: f.contractStartOn ?? '—', to: f.contractEndOn ?? '—' })}
        </Typography.Text>
      ) : null}
      {f.yearlyFeeFen === null ? null : (
        <Typography.Text type="secondary">
          {t('fc.yearlyFeeOf', { fee: formatYuan(f.yearlyFeeFen) })}
        </Typography.Text>
      )}
    </Space>
  );
}

function FacilityModal({
  facility,
  kinds,
  onClose,
}: {
  facility: Facility | null;
  kinds: FacilityKind[];
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const save = (v: Record<string, unknown>) => {
    const body: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(v)) body[k] = val === '' || val === undefined ? null : val;
    // The yearly fee is entered in yuan and kept in fen.
    const { yearlyFee, ...rest } = body;
    const withFee: Record<string, unknown> = {
      ...rest,
      yearlyFeeFen: typeof yearlyFee === 'number' ? Math.round(yearlyFee * 100) : null,
    };
    if (facility) {
      const { orgUnitId: _u, ...patch } = withFee;
      return fcApi.update(facility.id, { ...patch, version: facility.version });
    }
    return fcApi.create(withFee);
  };
  const req = [{ required: true }];
  return (
    <SubmitModal
      title={facility ? t('fc.edit') : t('fc.new')}
      width={720}
      initialValues={
        facility
          ? { ...facility, yearlyFee: facility.yearlyFeeFen === null ? null : facility.yearlyFeeFen / 100 }
          : { status: 'in_use', staffCount: 0 }
      }
      invalidate={['facilities']}
      savedText={t('fc.saved')}
      onClose={onClose}
      submit={save}
    >
      <Row gutter={12}>
        {facility ? null : (
          <ColItem span={12} name="orgUnitId" label={t('fc.field.unit')} rules={req}>
            <OrgUnitSelect
              selectableKinds={['subdistrict', 'community', 'grid', 'compound']}
              searchKind="community"
            />
          </ColItem>
        )}
        <ColItem span={12} name="kind" label={t('fc.field.kind')} rules={req}>
          <Select
            showSearch
            optionFilterProp="label"
            options={kinds.filter((k) => k.active).map((k) => ({ value: k.key, label: kindName(k, locale) }))}
          />
        </ColItem>
        <ColItem span={12} name="name" label={t('fc.field.name')} rules={req}>
          <Input maxLength={80} />
        </ColItem>
        <ColItem span={12} name="address" label={t('fc.field.address')}>
          <Input maxLength={200} />
        </ColItem>
        <ColItem span={6} name="lng" label={t('fc.field.lng')}>
          <InputNumber min={-180} max={180} step={0.000001} style={{ width: '100%' }} />
        </ColItem>
        <ColItem span={6} name="lat" label={t('fc.field.lat')}>
          <InputNumber min={-90} max={90} step={0.000001} style={{ width: '100%' }} />
        </ColItem>
        <ColItem span={6} name="areaM2" label={t('fc.field.area')}>
          <InputNumber min={0} style={{ width: '100%' }} />
        </ColItem>
        <ColItem span={6} name="officeAreaM2" label={t('fc.field.officeArea')}>
          <InputNumber min={0} style={{ width: '100%' }} />
        </ColItem>
        <ColItem span={12} name="hours" label={t('fc.field.hours')}>
          <Input maxLength={120} />
        </ColItem>
        <ColItem span={12} name="operator" label={t('fc.field.operator')}>
          <Input maxLength={80} />
        </ColItem>
        <ColItem span={8} name="operatorKind" label={t('fc.field.operatorKind')}>
          <Select allowClear options={enumOptions(t, 'fc.op', OPERATOR_KINDS)} />
        </ColItem>
        <ColItem span={4} name="staffCount" label={t('fc.field.staff')}>
          <InputNumber min={0} max={9999} style={{ width: '100%' }} />
        </ColItem>
        <ColItem span={4} name="beds" label={t('fc.field.beds')}>
          <InputNumber min={0} style={{ width: '100%' }} />
        </ColItem>
        <ColItem span={8} name="status" label={t('fc.field.status')}>
          <Select options={enumOptions(t, 'fc.status', FACILITY_STATUSES)} />
        </ColItem>
      </Row>
      <Typography.Text type="secondary">{t('fc.fourSync')}</Typography.Text>
      <Row gutter={12} style={{ marginTop: 8 }}>
        {(['plannedOn', 'builtOn', 'acceptedOn', 'handedOverOn'] as const).map((f) => (
          <Col span={6} key={f}>
            <Form.Item name={f} label={t(`fc.field.${f}` as MessageKey)}>
              <Input type="date" />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Typography.Text type="secondary">{t('fc.operation')}</Typography.Text>
      <Row gutter={12} style={{ marginTop: 8 }}>
        <ColItem span={8} name="operationMode" label={t('fc.field.operationMode')}>
          <Select allowClear options={enumOptions(t, 'fc.mode', OPERATION_MODES)} />
        </ColItem>
        <ColItem span={5} name="contractStartOn" label={t('fc.field.contractStartOn')}>
          <Input type="date" />
        </ColItem>
        <ColItem
          span={5}
          name="contractEndOn"
          label={t('fc.field.contractEndOn')}
          dependencies={['contractStartOn']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_: unknown, end: string | undefined) => {
                const start = getFieldValue('contractStartOn') as string | undefined;
                return !start || !end || end >= start
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('fc.contractEndBeforeStart')));
              },
            }),
          ]}
        >
          <Input type="date" />
        </ColItem>
        <ColItem span={6} name="yearlyFee" label={t('fc.field.yearlyFee')}>
          <InputNumber min={0} max={1_000_000_000} precision={2} style={{ width: '100%' }} />
        </ColItem>
      </Row>
      <Form.Item name="note" label={t('fc.field.note')}>
        <Input.TextArea maxLength={500} rows={2} />
      </Form.Item>
    </SubmitModal>
  );
}

function CoverageTable() {
  const { t } = useI18n();
  const cov = useQuery({ queryKey: fcKeys.coverage, queryFn: fcApi.coverage });
  if (cov.isError) return <ErrorResult error={cov.error} onRetry={() => cov.refetch()} />;
  const d = cov.data;
  type Row = Coverage['rows'][number];
  /** An ISO date as its month (2023-09-01 → 2023年9月). */
  const month = (iso: string) => t('fc.cov.month', { y: iso.slice(0, 4), m: Number(iso.slice(5, 7)) });
  const period = d
    ? { from: month(d.councilRooms.from), to: month(d.councilRooms.to) }
    : { from: '', to: '' };
  return (
    <Card
      size="small"
      title={
        d ? (
          <Typography.Text type="secondary" style={{ whiteSpace: 'normal', fontWeight: 'normal' }}>
            {t('fc.cov.rules', {
              d: d.subStationDistanceM,
              min: d.subStationStaffMin,
              max: d.subStationStaffMax,
              per: d.elderlyCareResidentsPerFacility,
              r: d.lifeCircleRadiusM,
            })}
          </Typography.Text>
        ) : null
      }
    >
      {d?.venues.map((v) => (
        <Tag
          key={v.subdistrictId}
          color={v.built >= v.target ? 'green' : 'orange'}
          style={{ marginBottom: 12 }}
        >
          {t('fc.cov.venues', { name: v.subdistrictName, year: v.year, built: v.built, target: v.target })}
        </Tag>
      ))}
      {d ? (
        <Tag
          color={d.councilRooms.met ? 'green' : 'orange'}
          style={{ marginBottom: 12 }}
          data-testid="fc-council-rooms"
        >
          {t('fc.cov.councilRooms', {
            ...period,
            built: d.councilRooms.built,
            target: d.councilRooms.target,
            state: t(d.councilRooms.met ? 'fc.cov.met' : 'fc.cov.notMet'),
          })}
        </Tag>
      ) : null}
      <Table<Row>
        rowKey="communityId"
        size="small"
        loading={cov.isPending}
        dataSource={d?.rows}
        pagination={d && d.rows.length > 50 ? { pageSize: 50 } : false}
        locale={{ emptyText: t('fc.cov.empty') }}
        scroll={{ x: 1100 }}
        data-testid="fc-coverage"
        columns={[
          { title: t('fc.field.community'), dataIndex: 'communityName', width: 120, fixed: 'left' },
          {
            title: t('fc.cov.urbanVillage'),
            dataIndex: 'urbanVillage',
            width: 80,
            render: (v: boolean) => (v ? <Tag color="purple">{t('fc.cov.urbanVillage')}</Tag> : ''),
          },
          {
            title: t('fc.cov.permanent'),
            dataIndex: 'permanentResidents',
            width: 90,
            align: 'right',
            render: (n: number) => formatNumber(n),
          },
          {
            title: t('fc.cov.centre'),
            dataIndex: 'centre',
            width: 180,
            render: (c: Row['centre']) => c?.name ?? '—',
          },
          {
            title: t('fc.cov.distance'),
            dataIndex: 'distanceToCentreM',
            width: 100,
            align: 'right',
            render: (v: number | null) => (v === null ? '—' : formatNumber(v)),
          },
          {
            title: t('fc.cov.subStation'),
            key: 'sub',
            width: 180,
            render: (_: unknown, r) =>
              r.subStations.length
                ? r.subStations.map((s) => `${s.name}（${s.staffCount}）`).join('、')
                : r.needsSubStation
                  ? t('fc.cov.subStationNone')
                  : t('fc.cov.notNeeded'),
          },
          {
            title: t('fc.cov.elderly'),
            key: 'elderly',
            width: 110,
            align: 'right',
            render: (_: unknown, r) =>
              r.urbanVillage
                ? `${r.elderlyCareFacilities} / ${r.elderlyCareRequired}`
                : r.elderlyCareFacilities,
          },
          {
            title: <span title={t('fc.cov.councilRoomsHint', period)}>{t('fc.cov.councilRoomsCol')}</span>,
            dataIndex: 'councilRooms',
            width: 120,
            align: 'right',
          },
          {
            title: t('fc.cov.lifeCircle'),
            key: 'life',
            width: 220,
            render: (_: unknown, r) => (
              <span
                title={
                  r.lifeCircleMissing.length
                    ? t('fc.cov.missing', {
                        list: r.lifeCircleMissing.map((c) => t(`fc.cat.${c}` as MessageKey)).join('、'),
                      })
                    : undefined
                }
              >
                {t('fc.cov.lifeCircleOf', { n: 11 - r.lifeCircleMissing.length })}
                {r.lifeCircleMissing.length ? (
                  <Typography.Text type="secondary">
                    {'　'}
                    {t('fc.cov.missing', {
                      list: r.lifeCircleMissing.map((c) => t(`fc.cat.${c}` as MessageKey)).join('、'),
                    })}
                  </Typography.Text>
                ) : null}
              </span>
            ),
          },
          {
            title: t('fc.cov.flags'),
            dataIndex: 'flags',
            width: 220,
            render: (flags: Row['flags']) =>
              flags.length === 0 ? (
                <Tag color="green">{t('fc.cov.ok')}</Tag>
              ) : (
                flags.map((f) => (
                  <Tag key={f} color={f === 'life_circle_gaps' ? 'orange' : 'red'}>
                    {t(`fc.flag.${f}` as MessageKey)}
                  </Tag>
                ))
              ),
          },
        ]}
      />
    </Card>
  );
}
