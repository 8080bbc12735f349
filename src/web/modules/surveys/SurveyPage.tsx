import { DeleteOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Progress,
  Radio,
  Row,
  Select,
  Space,
  Statistic,
  Switch,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ColItem } from '../../app/components/ColItem';
import { PageHeader } from '../../app/components/PageHeader';
import { PageTable } from '../../app/components/PageTable';
import { ProxyFields, type ProxyFormValues, proxyPayload } from '../../app/components/ProxyFields';
import { ErrorResult, PageLoading } from '../../app/components/Status';
import { useShowError } from '../../app/errors';
import { formatDate } from '../../app/format';
import { type MessageKey, useI18n } from '../../app/i18n';
import { dateTimeColumn } from '../../app/components/columns';
import { textLines } from '../../app/textLines';
import { OrgUnitSelect } from '../org/api';
import { type Results, type Survey, type SurveyResponse, svApi } from './api';
import { STATUS_COLOR } from './SurveysPage';
import { SmallTable } from '../../app/components/SmallTable';

type Q = Survey['questions'][number];
const KINDS = ['single', 'multiple', 'rating', 'matrix', 'text'] as const;
const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`;

/** One survey: the builder (draft) or its frozen questions, distribution and quotas, paper entry, results. */
export default function SurveyPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { modal } = App.useApp();
  const qc = useQueryClient();
  const showError = useShowError();
  const q = useQuery({ queryKey: ['surveys', 'one', id], queryFn: () => svApi.get(id) });
  const act = useMutation({
    mutationFn: (action: 'publish' | 'close') => (action === 'publish' ? svApi.publish(id) : svApi.close(id)),
    onSuccess: (s) => {
      qc.setQueryData(['surveys', 'one', id], s);
      qc.invalidateQueries({ queryKey: ['surveys'] });
    },
    onError: (e) => showError(e),
  });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <ErrorResult error={q.error} onRetry={() => q.refetch()} />;
  const s = q.data;
  return (
    <>
      <PageHeader
        title={
          <Space>
            {s.title}
            <Tag color={STATUS_COLOR[s.status]}>{t(`surveys.status.${s.status}` as MessageKey)}</Tag>
          </Space>
        }
        subtitle={`${s.unitName ?? ''} · ${t(`surveys.purpose.${s.purpose}` as MessageKey)} · ${formatDate(s.opensAt)} – ${formatDate(s.closesAt)}`}
        extra={
          <Space>
            <Button icon={<DownloadOutlined />} onClick={() => svApi.exportXlsx(s.id)}>
              {t('surveys.export')}
            </Button>
            {s.abilities.publish ? (
              <Button
                type="primary"
                loading={act.isPending}
                onClick={() =>
                  modal.confirm({
                    title: t('surveys.publishConfirm'),
                    onOk: () => act.mutateAsync('publish'),
                  })
                }
              >
                {t('surveys.publish')}
              </Button>
            ) : null}
            {s.abilities.close ? (
              <Button
                danger
                loading={act.isPending}
                onClick={() =>
                  modal.confirm({ title: t('surveys.closeConfirm'), onOk: () => act.mutateAsync('close') })
                }
              >
                {t('surveys.close')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Tabs
        defaultActiveKey={s.status === 'draft' ? 'questions' : 'results'}
        items={[
          { key: 'results', label: t('surveys.tab.results'), children: <ResultsTab s={s} /> },
          {
            key: 'questions',
            label: t('surveys.tab.questions'),
            children: s.abilities.edit ? <Builder s={s} /> : <Frozen s={s} />,
          },
          { key: 'distribute', label: t('surveys.tab.distribute'), children: <Distribute s={s} /> },
          { key: 'paper', label: t('surveys.tab.paper'), children: <Paper s={s} /> },
          { key: 'responses', label: t('surveys.tab.responses'), children: <Responses s={s} /> },
        ]}
      />
    </>
  );
}

// ---------------------------------------------------------------- builder

interface QForm {
  key: string;
  kind: Q['kind'];
  title: string;
  required: boolean;
  options?: string;
  rows?: string;
  min?: number;
  max?: number;
  minLabel?: string;
  maxLabel?: string;
  measure?: 'awareness' | 'satisfaction' | 'compliance' | 'none';
  minRating?: number;
  positiveOptions?: number[];
}

function toForm(q: Q): QForm {
  return {
    key: q.key,
    kind: q.kind,
    title: q.title,
    required: q.required,
    options: q.options.join('\n'),
    rows: q.rows.join('\n'),
    min: q.scale?.min ?? 1,
    max: q.scale?.max ?? 5,
    minLabel: q.scale?.minLabel,
    maxLabel: q.scale?.maxLabel,
    measure: q.measure ?? 'none',
    minRating: q.positive?.minRating,
    positiveOptions: q.positive?.options,
  };
}

function fromForm(f: QForm, i: number): Q {
  const scaled = f.kind === 'rating' || f.kind === 'matrix';
  const choice = f.kind === 'single' || f.kind === 'multiple';
  const measure = f.measure && f.measure !== 'none' && f.kind !== 'text' ? f.measure : null;
  return {
    key: f.key || `q${i + 1}`,
    kind: f.kind,
    title: f.title ?? '',
    required: f.required ?? true,
    options: choice ? textLines(f.options) : [],
    rows: f.kind === 'matrix' ? textLines(f.rows) : [],
    scale: scaled
      ? {
          min: f.min ?? 1,
          max: f.max ?? 5,
          minLabel: f.minLabel || undefined,
          maxLabel: f.maxLabel || undefined,
        }
      : null,
    measure,
    positive: measure ? (scaled ? { minRating: f.minRating } : { options: f.positiveOptions ?? [] }) : null,
  };
}

function Builder({ s }: { s: Survey }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const showError = useShowError();
  const [form] = Form.useForm<{
    questions: QForm[];
    title: string;
    period: [Dayjs, Dayjs];
    target?: number;
  }>();
  const save = useMutation({
    mutationFn: (v: { questions: QForm[]; title: string; period: [Dayjs, Dayjs]; target?: number }) =>
      svApi.update(s.id, {
        title: v.title,
        opensAt: v.period[0].startOf('day').toDate(),
        closesAt: v.period[1].endOf('day').toDate(),
        target: v.target ?? null,
        questions: (v.questions ?? []).map(fromForm),
      }),
    onSuccess: (next) => {
      qc.setQueryData(['surveys', 'one', s.id], next);
      message.success(t('surveys.saved'));
    },
    onError: (e) => showError(e),
  });
  const newKey = () => `q${Date.now().toString(36).slice(-5)}`;
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{
        title: s.title,
        period: [dayjs(s.opensAt), dayjs(s.closesAt)],
        target: s.target ?? undefined,
        questions: s.questions.map(toForm),
      }}
      onFinish={(v) => save.mutate(v)}
    >
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap align="start">
          <Form.Item name="title" label={t('surveys.field.title')} rules={[{ required: true }]}>
            <Input style={{ width: 420 }} maxLength={120} />
          </Form.Item>
          <Form.Item name="period" label={t('surveys.field.period')} rules={[{ required: true }]}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item name="target" label={t('surveys.field.target')}>
            <InputNumber min={1} />
          </Form.Item>
        </Space>
      </Card>
      <Form.List name="questions">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Card
                key={field.key}
                size="small"
                style={{ marginBottom: 12 }}
                title={t('surveys.q.n', { n: i + 1 })}
                extra={
                  <Button size="small" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                    {t('surveys.q.remove')}
                  </Button>
                }
              >
                <Form.Item name={[field.name, 'key']} hidden>
                  <Input />
                </Form.Item>
                <Row gutter={12}>
                  <ColItem span={5} name={[field.name, 'kind']} label={t('surveys.q.kind')}>
                    <Select options={KINDS.map((k) => ({ value: k, label: t(`surveys.kind.${k}`) }))} />
                  </ColItem>
                  <ColItem
                    span={15}
                    name={[field.name, 'title']}
                    label={t('surveys.q.title')}
                    rules={[{ required: true }]}
                  >
                    <Input maxLength={300} />
                  </ColItem>
                  <ColItem
                    span={4}
                    name={[field.name, 'required']}
                    label={t('surveys.q.required')}
                    valuePropName="checked"
                  >
                    <Switch />
                  </ColItem>
                </Row>
                <Form.Item noStyle shouldUpdate>
                  {() => {
                    const kind = form.getFieldValue(['questions', field.name, 'kind']) as Q['kind'];
                    const measure = form.getFieldValue(['questions', field.name, 'measure']);
                    const choice = kind === 'single' || kind === 'multiple';
                    const scaled = kind === 'rating' || kind === 'matrix';
                    const opts = textLines(form.getFieldValue(['questions', field.name, 'options']));
                    return (
                      <Row gutter={12}>
                        {choice ? (
                          <ColItem span={10} name={[field.name, 'options']} label={t('surveys.q.options')}>
                            <Input.TextArea rows={4} />
                          </ColItem>
                        ) : null}
                        {kind === 'matrix' ? (
                          <ColItem span={10} name={[field.name, 'rows']} label={t('surveys.q.rows')}>
                            <Input.TextArea rows={4} />
                          </ColItem>
                        ) : null}
                        {scaled ? (
                          <Col span={kind === 'matrix' ? 14 : 24}>
                            <Space wrap>
                              <Form.Item name={[field.name, 'min']} label={t('surveys.q.scaleMin')}>
                                <InputNumber min={0} max={1} />
                              </Form.Item>
                              <Form.Item name={[field.name, 'max']} label={t('surveys.q.scaleMax')}>
                                <InputNumber min={2} max={10} />
                              </Form.Item>
                              <Form.Item name={[field.name, 'minLabel']} label={t('surveys.q.minLabel')}>
                                <Input style={{ width: 130 }} maxLength={30} />
                              </Form.Item>
                              <Form.Item name={[field.name, 'maxLabel']} label={t('surveys.q.maxLabel')}>
                                <Input style={{ width: 130 }} maxLength={30} />
                              </Form.Item>
                            </Space>
                          </Col>
                        ) : null}
                        {kind !== 'text' ? (
                          <Col span={choice ? 14 : 24}>
                            <Space wrap align="start">
                              <Form.Item name={[field.name, 'measure']} label={t('surveys.q.measure')}>
                                <Radio.Group
                                  optionType="button"
                                  options={(['none', 'awareness', 'satisfaction', 'compliance'] as const).map(
                                    (m) => ({
                                      value: m,
                                      label: t(`surveys.measure.${m}`),
                                    }),
                                  )}
                                />
                              </Form.Item>
                              {measure && measure !== 'none' && scaled ? (
                                <Form.Item name={[field.name, 'minRating']} label={t('surveys.q.minRating')}>
                                  <InputNumber min={0} max={10} />
                                </Form.Item>
                              ) : null}
                              {measure && measure !== 'none' && choice ? (
                                <Form.Item
                                  name={[field.name, 'positiveOptions']}
                                  label={t('surveys.q.positiveOptions')}
                                >
                                  <Select
                                    mode="multiple"
                                    style={{ minWidth: 240 }}
                                    options={opts.map((o, oi) => ({ value: oi, label: o }))}
                                  />
                                </Form.Item>
                              ) : null}
                            </Space>
                          </Col>
                        ) : null}
                      </Row>
                    );
                  }}
                </Form.Item>
              </Card>
            ))}
            <Space>
              <Button
                icon={<PlusOutlined />}
                onClick={() =>
                  add({
                    key: newKey(),
                    kind: 'rating',
                    title: '',
                    required: true,
                    min: 1,
                    max: 5,
                    measure: 'none',
                  })
                }
              >
                {t('surveys.q.add')}
              </Button>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {t('surveys.save')}
              </Button>
            </Space>
          </>
        )}
      </Form.List>
    </Form>
  );
}

function Frozen({ s }: { s: Survey }) {
  const { t } = useI18n();
  return (
    <>
      <Alert type="info" showIcon message={t('surveys.q.frozen')} style={{ marginBottom: 12 }} />
      {s.questions.map((q, i) => (
        <Card key={q.key} size="small" style={{ marginBottom: 8 }}>
          <Typography.Text strong>
            {i + 1}. {q.title}
          </Typography.Text>{' '}
          <Tag>{t(`surveys.kind.${q.kind}`)}</Tag>
          {q.measure ? <Tag color="blue">{t(`surveys.measure.${q.measure}`)}</Tag> : null}
          <div style={{ color: '#555', marginTop: 4 }}>
            {q.options.length ? q.options.map((o, oi) => `${oi + 1}）${o}`).join('　') : null}
            {q.scale
              ? `${q.scale.min}${q.scale.minLabel ? `（${q.scale.minLabel}）` : ''} – ${q.scale.max}${q.scale.maxLabel ? `（${q.scale.maxLabel}）` : ''}`
              : null}
            {q.rows.length ? `　${q.rows.join('、')}` : null}
          </div>
        </Card>
      ))}
    </>
  );
}

// ---------------------------------------------------------------- distribution and quotas

function Distribute({ s }: { s: Survey }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const showError = useShowError();
  const { message } = App.useApp();
  const [quotas, setQuotas] = useState(
    s.quotas.map((q, i) => ({ uid: i, orgUnitId: q.orgUnitId, target: q.target })),
  );
  const save = useMutation({
    mutationFn: () =>
      svApi.quotas(s.id, {
        quotas: quotas
          .filter((q) => q.orgUnitId && q.target > 0)
          .map((q) => ({ orgUnitId: q.orgUnitId, target: q.target })),
      }),
    onSuccess: (next) => {
      qc.setQueryData(['surveys', 'one', s.id], next);
      message.success(t('surveys.saved'));
    },
    onError: (e) => showError(e),
  });
  const link = `${window.location.origin}${s.link}`;
  return (
    <Row gutter={16}>
      <Col span={9}>
        <Card size="small" title={t('surveys.qr')}>
          {s.status === 'draft' ? null : (
            <img
              src={svApi.qrUrl(s.id)}
              alt={t('surveys.qr')}
              style={{ width: 200, height: 200, display: 'block' }}
            />
          )}
          <Typography.Paragraph copyable={{ text: link }} style={{ marginTop: 8 }}>
            {t('surveys.link')}：{link}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{t('surveys.qrHint')}</Typography.Text>
        </Card>
      </Col>
      <Col span={15}>
        <Card size="small" title={t('surveys.quotas')}>
          <SmallTable
            rowKey="orgUnitId"
            dataSource={s.quotas}
            columns={[
              { title: t('surveys.quotaUnit'), dataIndex: 'unitName' },
              { title: t('surveys.quotaTarget'), dataIndex: 'target', width: 90 },
              {
                title: t('surveys.progress'),
                width: 220,
                render: (_: unknown, q: Survey['quotas'][number]) => (
                  <Progress
                    size="small"
                    percent={Math.min(100, Math.round((q.responses / q.target) * 100))}
                    format={() => `${q.responses}/${q.target}`}
                  />
                ),
              },
            ]}
          />
          {s.abilities.edit || s.abilities.close ? (
            <div style={{ marginTop: 12 }}>
              {quotas.map((q, i) => (
                <Space key={q.uid} style={{ marginBottom: 8 }}>
                  <div style={{ width: 260 }}>
                    <OrgUnitSelect
                      value={q.orgUnitId || undefined}
                      selectableKinds={['community', 'grid']}
                      onChange={(v) =>
                        setQuotas((xs) => xs.map((x, j) => (j === i ? { ...x, orgUnitId: v ?? '' } : x)))
                      }
                    />
                  </div>
                  <InputNumber
                    min={1}
                    value={q.target}
                    aria-label={t('surveys.quotaTarget')}
                    onChange={(v) =>
                      setQuotas((xs) => xs.map((x, j) => (j === i ? { ...x, target: Number(v ?? 0) } : x)))
                    }
                  />
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t('surveys.q.remove')}
                    onClick={() => setQuotas((xs) => xs.filter((_, j) => j !== i))}
                  />
                </Space>
              ))}
              <Space>
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => setQuotas((xs) => [...xs, { uid: Date.now(), orgUnitId: '', target: 30 }])}
                >
                  {t('surveys.quotaAdd')}
                </Button>
                <Button type="primary" loading={save.isPending} onClick={() => save.mutate()}>
                  {t('surveys.quotaSave')}
                </Button>
              </Space>
            </div>
          ) : null}
        </Card>
      </Col>
    </Row>
  );
}

// ---------------------------------------------------------------- paper entry

function Paper({ s }: { s: Survey }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const showError = useShowError();
  const [form] = Form.useForm();
  const enter = useMutation({
    mutationFn: (v: {
      orgUnitId?: string;
      phone?: string;
      date?: Dayjs;
      answers: Record<string, unknown>;
      proxy?: ProxyFormValues;
    }) =>
      svApi.paper(s.id, {
        // 帮办代办: the resident's answer, at their home; no unit or phone typed in then.
        ...(v.proxy?.enabled
          ? { proxy: proxyPayload(v.proxy) }
          : { orgUnitId: v.orgUnitId, phone: v.phone || undefined }),
        answeredAt: v.date ? v.date.hour(12).toDate() : undefined,
        answers: Object.fromEntries(
          s.questions.map((q) => {
            const raw = v.answers?.[q.key];
            if (q.kind === 'matrix')
              return [q.key, q.rows.map((_, ri) => (raw as Record<number, number>)?.[ri] ?? null)];
            return [q.key, raw === undefined || raw === '' ? null : raw];
          }),
        ) as never,
      }),
    onSuccess: () => {
      message.success(t('surveys.paper.done'));
      form.resetFields(['answers', 'phone', 'proxy']);
      qc.invalidateQueries({ queryKey: ['surveys'] });
    },
    onError: (e) => showError(e),
  });
  if (!s.abilities.enter) return <Alert type="info" showIcon message={t('surveys.paper.closed')} />;
  return (
    <Card size="small" title={t('surveys.paper.title')} style={{ maxWidth: 900 }}>
      <Form form={form} layout="vertical" onFinish={(v) => enter.mutate(v)}>
        <ProxyFields hint={t('surveys.paper.proxyHint')} />
        <Space wrap align="start">
          <Form.Item name="orgUnitId" label={t('surveys.paper.unit')}>
            <div style={{ width: 260 }}>
              <OrgUnitSelect onChange={(v) => form.setFieldValue('orgUnitId', v)} />
            </div>
          </Form.Item>
          <Form.Item name="phone" label={t('surveys.paper.phone')}>
            <Input style={{ width: 200 }} maxLength={20} inputMode="tel" />
          </Form.Item>
          <Form.Item name="date" label={t('surveys.paper.date')}>
            <DatePicker />
          </Form.Item>
        </Space>
        {s.questions.map((q, i) => (
          <Form.Item
            key={q.key}
            label={`${i + 1}. ${q.title}`}
            name={q.kind === 'matrix' ? undefined : ['answers', q.key]}
            required={q.required}
          >
            {q.kind === 'single' ? (
              <Radio.Group options={q.options.map((o, oi) => ({ value: oi, label: o }))} />
            ) : q.kind === 'multiple' ? (
              <Select
                mode="multiple"
                style={{ maxWidth: 480 }}
                options={q.options.map((o, oi) => ({ value: oi, label: o }))}
              />
            ) : q.kind === 'rating' ? (
              <Radio.Group
                optionType="button"
                options={range(q.scale!.min, q.scale!.max).map((v) => ({ value: v, label: String(v) }))}
              />
            ) : q.kind === 'matrix' ? (
              <div>
                {q.rows.map((row, ri) => (
                  <Space key={row} style={{ display: 'flex', marginBottom: 4 }}>
                    <span style={{ display: 'inline-block', width: 140 }}>{row}</span>
                    <Form.Item name={['answers', q.key, ri]} noStyle>
                      <Radio.Group
                        optionType="button"
                        size="small"
                        options={range(q.scale!.min, q.scale!.max).map((v) => ({
                          value: v,
                          label: String(v),
                        }))}
                      />
                    </Form.Item>
                  </Space>
                ))}
              </div>
            ) : (
              <Input.TextArea rows={2} maxLength={2000} />
            )}
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit" loading={enter.isPending}>
          {t('surveys.paper.submit')}
        </Button>
      </Form>
    </Card>
  );
}

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

// ---------------------------------------------------------------- results

function RateCard({ title, r }: { title: string; r: Results['awareness'] }) {
  const { t } = useI18n();
  if (!r)
    return (
      <Card size="small" title={title}>
        {t('surveys.res.none')}
      </Card>
    );
  if (r.rate === null)
    return (
      <Card size="small" title={title}>
        {t('surveys.res.noData')}
      </Card>
    );
  return (
    <Card
      size="small"
      title={title}
      extra={<Typography.Text type="secondary">{t('surveys.res.bar')}</Typography.Text>}
    >
      <Statistic
        value={(r.rate * 100).toFixed(1)}
        suffix="%"
        valueStyle={{ color: r.pass ? '#237804' : '#a8071a' }}
      />
      <Tag color={r.pass ? 'success' : 'error'} style={{ marginTop: 4 }}>
        {r.pass ? t('surveys.res.pass') : t('surveys.res.fail')}
      </Tag>
      <div style={{ color: '#555', marginTop: 4 }}>
        {t('surveys.res.counts', { positive: r.positive, total: r.total, moe: pct(r.marginOfError) })}
      </div>
    </Card>
  );
}

const rateText = (r: Results['awareness'], t: (k: MessageKey) => string) =>
  !r || r.rate === null
    ? '—'
    : `${pct(r.rate)} ${r.pass ? '✓' : '✗'} ${r.pass ? t('surveys.res.pass') : t('surveys.res.fail')}`;

function ResultsTab({ s }: { s: Survey }) {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['surveys', 'results', s.id, s.responses],
    queryFn: () => svApi.results(s.id),
  });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <ErrorResult error={q.error} onRetry={() => q.refetch()} />;
  const r = q.data;
  return (
    <>
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col span={6}>
          <Card size="small" title={t('surveys.res.responses')}>
            <Statistic value={r.responses} suffix={r.target ? `/ ${r.target}` : undefined} />
            <div style={{ color: '#555' }}>
              {t('surveys.res.channels', { online: r.online, paper: r.paper })}
            </div>
            <Descriptions size="small" column={1} style={{ marginTop: 6 }}>
              <Descriptions.Item label={t('surveys.res.rate')}>{pct(r.responseRate)}</Descriptions.Item>
              <Descriptions.Item label={t('surveys.res.coverage')}>
                {r.population ? `${pct(r.coverage)}（${r.population}）` : '—'}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small" title={t('surveys.res.moe')}>
            <Statistic value={r.marginOfError === null ? '—' : `±${pct(r.marginOfError)}`} />
            <div style={{ color: '#555', fontSize: 12 }}>
              {r.finitePopulation ? t('surveys.res.moeFpc') : t('surveys.res.moePlain')}
            </div>
          </Card>
        </Col>
        <Col span={6}>
          <RateCard title={t('surveys.res.awareness')} r={r.awareness} />
        </Col>
        <Col span={6}>
          <RateCard title={t('surveys.res.satisfaction')} r={r.satisfaction} />
        </Col>
      </Row>
      {r.units.length ? (
        <Card size="small" title={t('surveys.res.units')} style={{ marginBottom: 12 }}>
          <SmallTable
            rowKey="orgUnitId"
            dataSource={r.units}
            columns={[
              { title: t('surveys.quotaUnit'), dataIndex: 'unitName' },
              {
                title: t('surveys.progress'),
                width: 200,
                render: (_: unknown, u: Results['units'][number]) => `${u.responses} / ${u.target ?? '—'}`,
              },
              {
                title: t('surveys.res.awareness'),
                render: (_: unknown, u: Results['units'][number]) => rateText(u.awareness, t),
              },
              {
                title: t('surveys.res.satisfaction'),
                render: (_: unknown, u: Results['units'][number]) => (
                  <Typography.Text type={u.satisfaction?.pass === false ? 'danger' : undefined}>
                    {rateText(u.satisfaction, t)}
                  </Typography.Text>
                ),
              },
            ]}
          />
        </Card>
      ) : null}
      {r.questions.map((qr, i) => (
        <Card
          key={qr.key}
          size="small"
          style={{ marginBottom: 8 }}
          title={`${i + 1}. ${qr.title}`}
          extra={
            <Space>
              <span>{t('surveys.res.answered', { n: qr.answered })}</span>
              {qr.mean !== null ? <span>{t('surveys.res.mean', { mean: qr.mean })}</span> : null}
              {qr.positiveRate !== null ? (
                <Tag color="blue">{t('surveys.res.positive', { rate: pct(qr.positiveRate) })}</Tag>
              ) : null}
            </Space>
          }
        >
          {qr.options.map((o) => (
            <Row key={o.label} gutter={8} align="middle">
              <Col span={6}>{o.label}</Col>
              <Col span={14}>
                <Progress
                  percent={Math.round(o.share * 1000) / 10}
                  size="small"
                  format={() => `${o.count}（${pct(o.share)}）`}
                />
              </Col>
            </Row>
          ))}
          {qr.kind === 'rating'
            ? qr.scale.map((sc) => (
                <Row key={sc.value} gutter={8} align="middle">
                  <Col span={6}>{sc.value}</Col>
                  <Col span={14}>
                    <Progress
                      percent={qr.answered ? Math.round((sc.count / qr.answered) * 1000) / 10 : 0}
                      size="small"
                      format={() => String(sc.count)}
                    />
                  </Col>
                </Row>
              ))
            : null}
          {qr.rows.length ? (
            <SmallTable
              rowKey="label"
              dataSource={qr.rows}
              columns={[
                { title: t('surveys.q.rows').replace(/（.*）|\(.*\)/, ''), dataIndex: 'label' },
                ...qr.scale.map((sc, si) => ({
                  title: String(sc.value),
                  width: 60,
                  render: (_: unknown, row: Results['questions'][number]['rows'][number]) => row.counts[si],
                })),
                { title: t('surveys.res.mean', { mean: '' }).trim(), dataIndex: 'mean', width: 90 },
              ]}
            />
          ) : null}
          {qr.texts.length ? (
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {[...new Set(qr.texts)].slice(0, 10).map((x) => (
                <li key={x}>{x}</li>
              ))}
            </ul>
          ) : null}
        </Card>
      ))}
    </>
  );
}

function Responses({ s }: { s: Survey }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: ['surveys', 'responses', s.id, page],
    queryFn: () => svApi.responses(s.id, page),
  });
  return (
    <PageTable<SurveyResponse>
      list={q}
      page={page}
      onPage={setPage}
      columns={[
        dateTimeColumn(t('surveys.resp.at'), 'answeredAt', 150),
        {
          title: t('surveys.resp.channel'),
          dataIndex: 'channel',
          width: 80,
          render: (v: string) => (v === 'paper' ? t('surveys.resp.paper') : t('surveys.resp.online')),
        },
        { title: t('surveys.resp.unit'), dataIndex: 'unitName' },
        { title: t('surveys.resp.phone'), dataIndex: 'phoneMask', width: 130 },
        {
          title: t('surveys.resp.enteredBy'),
          dataIndex: 'enteredByName',
          width: 160,
          render: (v: string | null, r) =>
            r.proxy ? (
              <>
                {v} <Tag color="gold">{t('proxy.tag')}</Tag>
              </>
            ) : (
              v
            ),
        },
      ]}
    />
  );
}
