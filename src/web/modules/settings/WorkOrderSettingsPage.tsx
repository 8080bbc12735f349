import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  type FormRule,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import type { OrgUnitDto } from '../../../shared/contracts/org';
import type { WoSettingsBody, woSettingsView } from '../../../shared/contracts/workOrderSettings';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../app/components/PageHeader';
import { BlockSkeleton, EmptyHint, ErrorResult } from '../../app/components/Status';
import { type MessageKey, useI18n } from '../../app/i18n';
import { OrgUnitSelect, orgApi, orgKeys } from '../org/api';
import { useFormSaving } from '../../app/formSaving';

type SettingsView = z.infer<typeof woSettingsView>;
type AcceptLimits = Required<NonNullable<WoSettingsBody['acceptLimits']>>;
type CompleteLimits = Required<NonNullable<WoSettingsBody['completeLimits']>>;
type Rates = Required<NonNullable<WoSettingsBody['rates']>>;
type Limit = AcceptLimits['regular'];
/**
 * The settings in force, every value present. The view contract types `effective` as a plain record,
 * so its shape is taken from the PUT body with nothing optional.
 */
type Effective = Required<Omit<WoSettingsBody, 'acceptLimits' | 'completeLimits' | 'rates'>> & {
  acceptLimits: AcceptLimits;
  completeLimits: CompleteLimits;
  rates: Rates;
};
type Path = [keyof Effective] | [keyof Effective, string];
type Origin = 'own' | 'inherited' | 'default' | 'unknown';

const ACCEPT_KEYS = ['emergency', 'key', 'regular'] as const satisfies readonly (keyof AcceptLimits)[];
const COMPLETE_KEYS = [
  'emergency',
  'utility',
  'consult',
  'suggestion',
  'help',
  'complaint',
  'report',
  'event',
] as const satisfies readonly (keyof CompleteLimits)[];
const WEIGHT_KEYS = ['responseWeight', 'resolutionWeight', 'satisfactionWeight'] as const;
const SCALARS = [
  'maxExtensionWorkingDays',
  'pauseClockOnExtension',
  'duplicateRadiusM',
  'duplicateWindowHours',
  'maxEscalationLevel',
] as const satisfies readonly (keyof Effective)[];
/** Every value one can set, as paths into the settings. */
const LEAVES: Path[] = [
  ...ACCEPT_KEYS.map((k): Path => ['acceptLimits', k]),
  ...COMPLETE_KEYS.map((k): Path => ['completeLimits', k]),
  ...SCALARS.map((k): Path => [k]),
  ...[...WEIGHT_KEYS, 'basicallySatisfiedWeight' as const].map((k): Path => ['rates', k]),
];
/** Only these levels have their own settings; lower units follow their subdistrict. */
const CONFIGURABLE = ['city', 'district', 'subdistrict'];

const LIMIT_RANGE = { hours: { min: 0.25, max: 720 }, workingDays: { min: 1, max: 60 } } as const;
type LimitUnit = keyof typeof LIMIT_RANGE;

const settingsKeys = {
  all: ['work-orders', 'settings'] as const,
  unit: (id: string) => ['work-orders', 'settings', id] as const,
};

function at(obj: unknown, path: Path): unknown {
  let node = obj;
  for (const p of path) {
    if (node === null || typeof node !== 'object' || !(p in node)) return undefined;
    node = (node as Record<string, unknown>)[p];
  }
  return node;
}

function put(obj: Record<string, unknown>, path: Path, value: unknown) {
  const [head, tail] = path;
  if (tail === undefined) obj[head] = value;
  else obj[head] = { ...((obj[head] as Record<string, unknown> | undefined) ?? {}), [tail]: value };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const unitOf = (l: Limit): LimitUnit => ('hours' in l ? 'hours' : 'workingDays');
const amountOf = (l: Limit): number => ('hours' in l ? l.hours : l.workingDays);

function useFormatLimit() {
  const { t } = useI18n();
  return (l: Limit) => t(`wos.limit.${unitOf(l)}`, { n: amountOf(l) });
}

/** A time limit: a number and its unit (hours, or working days that skip weekends and holidays). */
function LimitInput({
  value,
  onChange,
  testId,
}: {
  value?: Limit;
  onChange?: (v: Limit | undefined) => void;
  testId: string;
}) {
  const { t, locale } = useI18n();
  const [unit, setUnit] = useState<LimitUnit>(value ? unitOf(value) : 'workingDays');
  const current = value ? unitOf(value) : unit;
  const amount = value ? amountOf(value) : null;
  const emit = (u: LimitUnit, n: number | null) => {
    if (n === null) return onChange?.(undefined);
    onChange?.(u === 'hours' ? { hours: n } : { workingDays: n });
  };
  return (
    <Space.Compact>
      <InputNumber<number>
        value={amount}
        min={LIMIT_RANGE[current].min}
        max={LIMIT_RANGE[current].max}
        step={1}
        precision={current === 'hours' ? undefined : 0}
        onChange={(n) => emit(current, n)}
        style={{ width: 110 }}
        data-testid={testId}
      />
      <Select<LimitUnit>
        value={current}
        onChange={(u) => {
          setUnit(u);
          const n =
            amount === null
              ? null
              : Math.min(
                  LIMIT_RANGE[u].max,
                  Math.max(LIMIT_RANGE[u].min, u === 'hours' ? amount : Math.round(amount)),
                );
          emit(u, n);
        }}
        options={(['hours', 'workingDays'] as const).map((u) => ({ value: u, label: t(`wos.unit.${u}`) }))}
        style={{ width: locale === 'en' ? 136 : 96 }}
        data-testid={`${testId}-unit`}
      />
    </Space.Compact>
  );
}

export default function WorkOrderSettingsPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const roots = useQuery({ queryKey: orgKeys.roots(), queryFn: orgApi.roots, staleTime: 60_000 });
  const ownUnit = me?.assignments.find((a) => a.orgUnitId)?.orgUnitId ?? null;
  const unitId = params.get('unit') ?? ownUnit ?? roots.data?.[0]?.id ?? null;

  const setUnit = (id: string | undefined) => {
    const next = new URLSearchParams(params);
    if (id) next.set('unit', id);
    else next.delete('unit');
    setParams(next, { replace: true });
  };

  return (
    <div>
      <PageHeader
        title={t('wos.title')}
        subtitle={t('wos.subtitle')}
        extra={
          <Flex align="center" gap={8}>
            <Typography.Text type="secondary">{t('wos.unit')}</Typography.Text>
            <OrgUnitSelect
              value={unitId}
              onChange={(id) => setUnit(id)}
              allowClear={false}
              style={{ width: 260 }}
              data-testid="wos-unit"
            />
          </Flex>
        }
      />
      {unitId ? (
        <UnitSettings key={unitId} unitId={unitId} />
      ) : roots.isPending ? (
        <BlockSkeleton rows={10} />
      ) : roots.isError ? (
        <ErrorResult error={roots.error} onRetry={() => roots.refetch()} />
      ) : (
        <Card>
          <EmptyHint text={t('wos.pickUnit')} />
        </Card>
      )}
    </div>
  );
}

function UnitSettings({ unitId }: { unitId: string }) {
  const view = useQuery({
    queryKey: settingsKeys.unit(unitId),
    queryFn: () => api.get<SettingsView>(`/api/work-orders/settings/${encodeURIComponent(unitId)}`),
  });
  const unit = useQuery({ queryKey: orgKeys.detail(unitId), queryFn: () => orgApi.detail(unitId) });
  const sourceId = view.data?.sourceUnitId ?? null;
  const inherited = !!sourceId && sourceId !== unitId;
  // The ancestor's own row tells which inherited values it sets; it may lie outside the user's scope.
  const source = useQuery({
    queryKey: settingsKeys.unit(sourceId ?? ''),
    queryFn: () => api.get<SettingsView>(`/api/work-orders/settings/${encodeURIComponent(sourceId!)}`),
    enabled: inherited,
    retry: false,
  });

  if (view.isPending || unit.isPending) return <BlockSkeleton rows={14} />;
  if (view.isError) return <ErrorResult error={view.error} onRetry={() => view.refetch()} />;
  if (unit.isError) return <ErrorResult error={unit.error} onRetry={() => unit.refetch()} />;
  const data = view.data;
  const sourceName = inherited ? (unit.data.ancestors.find((a) => a.id === sourceId)?.name ?? null) : null;
  const sourceOwn = inherited ? (source.data?.own ?? (source.isPending ? undefined : null)) : null;

  const originOf = (path: Path): Origin => {
    if (!sourceId) return 'default';
    if (!inherited) return at(data.own, path) !== undefined ? 'own' : 'default';
    if (sourceOwn === undefined || sourceOwn === null) return 'unknown';
    return at(sourceOwn, path) !== undefined ? 'inherited' : 'default';
  };

  return (
    <SettingsForm
      key={JSON.stringify(data)}
      unit={unit.data}
      data={data}
      sourceName={sourceName}
      originOf={originOf}
    />
  );
}

function OriginTag({ origin, sourceName }: { origin: Origin | 'changed'; sourceName: string | null }) {
  const { t } = useI18n();
  if (origin === 'changed') return <Tag color="orange">{t('wos.origin.changed')}</Tag>;
  if (origin === 'own') return <Tag color="blue">{t('wos.origin.own')}</Tag>;
  if (origin === 'inherited')
    return <Tag color="purple">{t('wos.origin.inherited', { name: sourceName ?? t('wos.parent') })}</Tag>;
  if (origin === 'unknown')
    return <Tag color="purple">{t('wos.origin.follows', { name: sourceName ?? t('wos.parent') })}</Tag>;
  return <Tag>{t('wos.origin.default')}</Tag>;
}

function SettingsForm({
  unit,
  data,
  sourceName,
  originOf,
}: {
  unit: OrgUnitDto;
  data: SettingsView;
  sourceName: string | null;
  originOf: (path: Path) => Origin;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const formatLimit = useFormatLimit();
  const [form] = Form.useForm<Effective>();
  const effective = data.effective as Effective;
  const editable = data.abilities.edit;
  const inherited = !!data.sourceUnitId && data.sourceUnitId !== unit.id;
  const watched = Form.useWatch([], form) as Effective | undefined;
  const values = editable && watched?.rates ? watched : effective;
  const dirty = useMemo(
    () => editable && !!watched?.rates && LEAVES.some((p) => !same(at(watched, p), at(effective, p))),
    [editable, watched, effective],
  );

  /**
   * The body to save. A unit's own row is merged over the system defaults, not over its parent's row:
   * a unit that inherits so far must copy every value; a unit with its own row (or on the defaults)
   * keeps the values it sets plus the ones changed now, so the rest still follow the defaults.
   */
  /** Where a value comes from, or that it was changed here and is not saved yet. */
  const shownOrigin = (path: Path) =>
    editable && watched?.rates && !same(at(watched, path), at(effective, path)) ? 'changed' : originOf(path);

  const bodyOf = (v: Effective): WoSettingsBody => {
    const body: Record<string, unknown> = {};
    for (const p of LEAVES) {
      const value = at(v, p);
      if (inherited || at(data.own, p) !== undefined || !same(value, at(effective, p))) put(body, p, value);
    }
    return body as WoSettingsBody;
  };

  const rename = Object.fromEntries(
    (['acceptLimits', 'completeLimits'] as const).flatMap((g) =>
      [...(g === 'acceptLimits' ? ACCEPT_KEYS : COMPLETE_KEYS)].flatMap((k) => [
        [`${g}.${k}.hours`, `${g}.${k}`],
        [`${g}.${k}.workingDays`, `${g}.${k}`],
      ]),
    ),
  );
  const [saving, runSave] = useFormSaving(form, rename);

  const submit = (v: Effective) =>
    runSave(async () => {
      const saved = await api.put<SettingsView>(
        `/api/work-orders/settings/${encodeURIComponent(unit.id)}`,
        bodyOf(v),
      );
      // Units below follow this one: drop what was loaded for them.
      qc.removeQueries({ queryKey: settingsKeys.all, predicate: (q) => q.queryKey[2] !== unit.id });
      qc.setQueryData(settingsKeys.unit(unit.id), saved);
      message.success(t('wos.saved', { name: unit.name }));
    });

  const limitRule = {
    validator: async (_: unknown, v: Limit | undefined) => {
      if (!v) throw new Error(t('common.required'));
      const u = unitOf(v);
      const n = amountOf(v);
      const r = LIMIT_RANGE[u];
      if (n < r.min || n > r.max || (u === 'workingDays' && !Number.isInteger(n)))
        throw new Error(t(`wos.range.${u}`, { min: r.min, max: r.max }));
    },
  };

  /** One setting: its label and hint, its control (or value when read-only), and where it comes from. */
  const required: FormRule[] = [{ required: true, message: t('common.required') }];
  const item = (
    path: Path,
    label: ReactNode,
    control: ReactNode,
    shown: ReactNode,
    hint?: string,
    rules: FormRule[] = required,
  ) => (
    <Form.Item
      key={path.join('.')}
      label={label}
      extra={hint}
      required={editable && rules.length > 0}
      style={{ marginBottom: 14 }}
    >
      <Flex align="center" gap={10} wrap data-testid={`wos-item-${path.join('-')}`}>
        {editable ? (
          <Form.Item
            name={path}
            noStyle
            rules={rules}
            dependencies={
              path[1] === 'satisfactionWeight'
                ? [
                    ['rates', 'responseWeight'],
                    ['rates', 'resolutionWeight'],
                  ]
                : undefined
            }
            valuePropName={path[0] === 'pauseClockOnExtension' ? 'checked' : 'value'}
          >
            {control}
          </Form.Item>
        ) : (
          <Typography.Text strong data-testid="wos-value">
            {shown}
          </Typography.Text>
        )}
        <OriginTag origin={shownOrigin(path)} sourceName={sourceName} />
      </Flex>
    </Form.Item>
  );

  const limitItem = (
    group: 'acceptLimits' | 'completeLimits',
    key: string,
    label: MessageKey,
    hint?: string,
  ) => {
    const testId = `wos-${group === 'acceptLimits' ? 'accept' : 'complete'}-${key}`;
    return (
      <Form.Item
        key={`${group}.${key}`}
        label={t(label)}
        extra={hint}
        style={{ marginBottom: 14 }}
        required={editable}
      >
        <Flex align="center" gap={10} wrap data-testid={`wos-item-${group}-${key}`}>
          {editable ? (
            <Form.Item name={[group, key]} noStyle rules={[limitRule]}>
              <LimitInput testId={testId} />
            </Form.Item>
          ) : (
            <Typography.Text strong data-testid="wos-value">
              {formatLimit(at(effective, [group, key]) as Limit)}
            </Typography.Text>
          )}
          <OriginTag origin={shownOrigin([group, key])} sourceName={sourceName} />
        </Flex>
      </Form.Item>
    );
  };

  const weightSum = WEIGHT_KEYS.reduce((s, k) => s + (Number(values.rates?.[k]) || 0), 0);
  const weightsOk = Math.abs(weightSum - 1) < 0.0005;
  const weightInput = (testId: string) => (
    <InputNumber<number>
      min={0}
      max={1}
      step={0.05}
      precision={2}
      style={{ width: 110 }}
      data-testid={testId}
    />
  );

  return (
    <Form<Effective>
      form={form}
      layout="horizontal"
      labelCol={{ flex: '170px' }}
      labelWrap
      labelAlign="left"
      colon={false}
      initialValues={effective}
      onFinish={submit}
      scrollToFirstError={{ block: 'center' }}
      data-testid="wos-form"
    >
      <Card styles={{ body: { padding: 16 } }} style={{ marginBottom: 16 }} data-testid="wos-source">
        <Flex justify="space-between" align="center" gap={12} wrap>
          <div>
            <Typography.Text strong style={{ fontSize: 16 }}>
              {unit.name}
            </Typography.Text>
            <Tag style={{ marginInlineStart: 8 }}>{t(`kind.${unit.kind}`)}</Tag>
            <div style={{ marginTop: 4 }}>
              <Typography.Text type="secondary" data-testid="wos-source-text">
                {!data.sourceUnitId
                  ? t('wos.source.default')
                  : inherited
                    ? t('wos.source.inherited', { name: sourceName ?? t('wos.parent') })
                    : t('wos.source.own')}
              </Typography.Text>
            </div>
          </div>
          {editable ? (
            <Flex gap={8}>
              <Button icon={<UndoOutlined />} disabled={!dirty || saving} onClick={() => form.resetFields()}>
                {t('common.reset')}
              </Button>
              <Button
                type="primary"
                icon={<SaveOutlined />}
                loading={saving}
                disabled={!dirty}
                onClick={() => form.submit()}
                data-testid="wos-save"
              >
                {t('common.save')}
              </Button>
            </Flex>
          ) : null}
        </Flex>
        {editable && inherited ? (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 12 }}
            title={t('wos.copyNotice', { name: sourceName ?? t('wos.parent') })}
          />
        ) : null}
        {!editable ? (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 12 }}
            title={CONFIGURABLE.includes(unit.kind) ? t('wos.readOnly') : t('wos.readOnlyLevel')}
            data-testid="wos-read-only"
          />
        ) : null}
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Flex vertical gap={16}>
            <Card title={t('wos.section.accept')} extra={<SectionHint text={t('wos.section.acceptHint')} />}>
              {ACCEPT_KEYS.map((k) => limitItem('acceptLimits', k, `wo.priority.${k}`))}
            </Card>
            <Card title={t('wos.section.extension')}>
              {item(
                ['maxExtensionWorkingDays'],
                t('wos.maxExtension'),
                <InputNumber<number>
                  min={0}
                  max={60}
                  precision={0}
                  suffix={t('wos.unit.workingDays')}
                  style={{ width: 150 }}
                  data-testid="wos-max-extension"
                />,
                t('wos.limit.workingDays', { n: effective.maxExtensionWorkingDays }),
                t('wos.maxExtensionHint'),
              )}
              {item(
                ['pauseClockOnExtension'],
                t('wos.pauseClock'),
                <Switch data-testid="wos-pause-clock" />,
                effective.pauseClockOnExtension ? t('common.yes') : t('common.no'),
                t('wos.pauseClockHint'),
                [],
              )}
            </Card>
            <Card title={t('wos.section.escalation')}>
              {item(
                ['maxEscalationLevel'],
                t('wos.maxEscalation'),
                <InputNumber<number>
                  min={1}
                  max={3}
                  precision={0}
                  suffix={t('wos.levels')}
                  style={{ width: 150 }}
                  data-testid="wos-max-escalation"
                />,
                t('wos.nLevels', { n: effective.maxEscalationLevel }),
                t('wos.maxEscalationHint'),
              )}
            </Card>
            <Card title={t('wos.section.duplicates')}>
              {item(
                ['duplicateRadiusM'],
                t('wos.duplicateRadius'),
                <InputNumber<number>
                  min={0}
                  max={5000}
                  precision={0}
                  step={50}
                  suffix={t('wos.meters')}
                  style={{ width: 150 }}
                  data-testid="wos-duplicate-radius"
                />,
                `${effective.duplicateRadiusM} ${t('wos.meters')}`,
                t('wos.duplicateRadiusHint'),
              )}
              {item(
                ['duplicateWindowHours'],
                t('wos.duplicateWindow'),
                <InputNumber<number>
                  min={1}
                  max={720}
                  precision={0}
                  suffix={t('wos.unit.hours')}
                  style={{ width: 150 }}
                  data-testid="wos-duplicate-window"
                />,
                t('wos.limit.hours', { n: effective.duplicateWindowHours }),
                t('wos.duplicateWindowHint'),
              )}
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={12}>
          <Flex vertical gap={16}>
            <Card
              title={t('wos.section.complete')}
              extra={<SectionHint text={t('wos.section.completeHint')} />}
            >
              {COMPLETE_KEYS.map((k) =>
                limitItem(
                  'completeLimits',
                  k,
                  k === 'emergency'
                    ? 'wos.complete.emergency'
                    : k === 'utility'
                      ? 'wos.complete.utility'
                      : `wo.kind.${k}`,
                  k === 'utility' ? t('wos.complete.utilityHint') : undefined,
                ),
              )}
            </Card>
            <Card title={t('wos.section.rates')}>
              {item(
                ['rates', 'responseWeight'],
                t('wos.rate.response'),
                weightInput('wos-weight-response'),
                effective.rates.responseWeight,
              )}
              {item(
                ['rates', 'resolutionWeight'],
                t('wos.rate.resolution'),
                weightInput('wos-weight-resolution'),
                effective.rates.resolutionWeight,
              )}
              {item(
                ['rates', 'satisfactionWeight'],
                t('wos.rate.satisfaction'),
                weightInput('wos-weight-satisfaction'),
                effective.rates.satisfactionWeight,
                undefined,
                [
                  ...required,
                  {
                    validator: async () => {
                      const r = form.getFieldValue('rates') as Partial<Rates> | undefined;
                      const sum = WEIGHT_KEYS.reduce((acc, k) => acc + (Number(r?.[k]) || 0), 0);
                      if (Math.abs(sum - 1) >= 0.0005)
                        throw new Error(t('wos.rate.sumWarning', { sum: Math.round(sum * 100) / 100 }));
                    },
                  },
                ],
              )}
              {item(
                ['rates', 'basicallySatisfiedWeight'],
                t('wos.rate.basicallySatisfied'),
                weightInput('wos-weight-basically'),
                effective.rates.basicallySatisfiedWeight,
                t('wos.rate.basicallySatisfiedHint'),
              )}
              <Alert
                type={weightsOk ? 'success' : 'warning'}
                showIcon
                data-testid="wos-formula"
                title={t('wos.rate.formula', {
                  r: values.rates?.responseWeight ?? '',
                  s: values.rates?.resolutionWeight ?? '',
                  f: values.rates?.satisfactionWeight ?? '',
                  b: values.rates?.basicallySatisfiedWeight ?? '',
                })}
                description={
                  weightsOk ? undefined : t('wos.rate.sumWarning', { sum: Math.round(weightSum * 100) / 100 })
                }
              />
            </Card>
          </Flex>
        </Col>
      </Row>
    </Form>
  );
}

function SectionHint({ text }: { text: string }) {
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
      {text}
    </Typography.Text>
  );
}
