import { FilePdfOutlined, PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App as AntApp,
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Flex,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { DATA_METHODS, type DataMethod, PROJECT_CLASSES } from '../../../shared/contracts/assessments';
import { PageHeader } from '../../app/components/PageHeader';
import { BlockSkeleton, ErrorResult } from '../../app/components/Status';
import { useShowError } from '../../app/errors';
import { useBusyAction } from '../../app/useBusyAction';
import { formatDateTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { type SheetDetail, assessmentsApi, assessmentsKeys } from './api';
import { EvidenceLinks } from './EvidenceLinks';
import { AreaRadar, GradeTag, SheetStateTag, fmt } from './parts';
import { areaScores } from '../../../shared/contracts/assessmentScoring';
import { ImportDoorstepButton } from './ImportDoorstepButton';
import { SmallTable } from '../../app/components/SmallTable';

type Node = SheetDetail['version']['nodes'][number];
type Item = SheetDetail['items'][number];
type Edit = { state?: string | null; evidence?: string | null; methods?: DataMethod[]; note?: string | null };
type Project = SheetDetail['projects'][number];
type Action = SheetDetail['actions'][number];

/** One result as a Descriptions item (called as a function: Descriptions reads its items' own props). */
function resultItem(label: string, r: SheetDetail['result'], qualifiedLabel: string | null) {
  const graded = qualifiedLabel !== null;
  return (
    <Descriptions.Item key={label} label={label}>
      <Space wrap>
        {r.parts.map((p) => (
          <span key={p.key} style={{ color: p.reached ? undefined : '#cf1322' }}>
            {p.name} {fmt(p.score)}/{p.total}
          </span>
        ))}
        <strong>{fmt(r.total)}</strong>
        {graded ? <GradeTag grade={r.grade} /> : null}
        {graded && r.qualified ? <Tag color="green">{qualifiedLabel}</Tag> : null}
      </Space>
    </Descriptions.Item>
  );
}

/**
 * A community's scoring sheet item by item: the community's states and evidence, the evaluator's states,
 * data-collection methods and notes, the doorstep projects and their ratings; the steps the user may take.
 */
export default function SheetPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const qc = useQueryClient();
  const showError = useShowError();
  const { message } = AntApp.useApp();
  const q = useQuery({ queryKey: assessmentsKeys.sheet(id), queryFn: () => assessmentsApi.sheet(id) });
  const [edits, setEdits] = useState<Record<string, Edit>>({});
  const [projects, setProjects] = useState<Project[] | null>(null);
  const [note, setNote] = useState<string | null | undefined>(undefined);
  const [reason, setReason] = useState('');
  const [busy, withBusy] = useBusyAction();
  const [pending, setPending] = useState<Action>();
  const [comment, setComment] = useState('');
  const s = q.data;
  const reset = () => {
    setEdits({});
    setProjects(null);
    setNote(undefined);
    setReason('');
  };
  const children = useMemo(() => {
    const m = new Map<string, Node[]>();
    for (const n of s?.version.nodes ?? [])
      if (n.parentId) m.set(n.parentId, [...(m.get(n.parentId) ?? []), n]);
    return m;
  }, [s?.version.nodes]);
  if (q.isError) return <ErrorResult error={q.error} onRetry={() => q.refetch()} />;
  if (!s) return <BlockSkeleton />;
  const items = new Map(s.items.map((i) => [i.nodeId, i]));
  const { editSelf, editEval } = s.abilities;
  const editing = editSelf || editEval;
  const scale = s.version.config.scale;
  const aspectsPart = s.version.config.parts.find((p) => p.method === 'aspects');
  const shownProjects = projects ?? s.projects;
  const dirty = Object.keys(edits).length > 0 || projects !== null || note !== undefined;
  const edit = (nodeId: string, patch: Edit) =>
    setEdits((e) => ({ ...e, [nodeId]: { ...e[nodeId], ...patch } }));
  const val = <K extends keyof Item>(n: Node, k: K, ek: keyof Edit): Item[K] => {
    const e = edits[n.id];
    return (e && ek in e ? e[ek] : items.get(n.id)?.[k]) as Item[K];
  };

  const save = () =>
    withBusy(async () => {
      await assessmentsApi.save(s.id, {
        entries: Object.entries(edits).map(([nodeId, e]) => ({ nodeId, ...e })),
        ...(projects !== null && { projects }),
        ...(note !== undefined && { note }),
        reason: reason || null,
      });
      message.success(t('assessments.sheet.saved'));
      await qc.invalidateQueries({ queryKey: assessmentsKeys.all });
      reset();
    });
  const act = (action: Action, c?: string) =>
    withBusy(async () => {
      await assessmentsApi.act(s.id, { action, comment: c || null });
      message.success(t('assessments.sheet.done'));
      setPending(undefined);
      setComment('');
      await qc.invalidateQueries({ queryKey: assessmentsKeys.all });
    });

  const indicator = (n: Node) => {
    const kids = children.get(n.id) ?? [];
    const selfState = val(n, 'selfState', 'state');
    const evalState = val(n, 'evalState', 'state');
    const item = items.get(n.id);
    return (
      <Card
        key={n.id}
        size="small"
        style={{ marginBottom: 12 }}
        data-testid={`indicator-${n.code}`}
        title={
          <Space wrap>
            <span>{n.code}</span>
            <span>{n.name}</span>
            {n.weight != null ? (
              <Tag>
                {t('assessments.fw.weight')} {n.weight}
              </Tag>
            ) : null}
          </Space>
        }
        extra={
          n.scored ? (
            <span>
              {t('assessments.sheet.points')}：<strong>{fmt(item?.points)}</strong>
            </span>
          ) : null
        }
      >
        {n.scored ? (
          <Flex gap={24} wrap style={{ marginBottom: 8 }}>
            <span>
              {t('assessments.sheet.self')}：
              {editSelf ? (
                <Radio.Group
                  value={selfState}
                  onChange={(e) => edit(n.id, { state: e.target.value })}
                  options={scale.map((x) => ({ value: x.key, label: `${x.label}（${x.percent}%）` }))}
                />
              ) : (
                <Tag>{item?.selfState ?? t('assessments.common.none')}</Tag>
              )}
            </span>
            {s.state === 'evaluation' || s.state === 'signed' ? (
              <span>
                {t('assessments.sheet.eval')}：
                {editEval ? (
                  <Radio.Group
                    value={evalState}
                    onChange={(e) => edit(n.id, { state: e.target.value })}
                    options={scale.map((x) => ({ value: x.key, label: `${x.label}（${x.percent}%）` }))}
                  />
                ) : (
                  <Tag color="purple">{item?.evalState ?? t('assessments.common.none')}</Tag>
                )}
              </span>
            ) : null}
          </Flex>
        ) : null}
        {n.scored && (editEval || item?.evalMethods.length || item?.evalNote) ? (
          <div style={{ marginBottom: 8 }}>
            <div>
              {t('assessments.sheet.methods')}：
              <Checkbox.Group
                disabled={!editEval}
                value={(val(n, 'evalMethods', 'methods') as string[]) ?? []}
                onChange={(v) => edit(n.id, { methods: v as DataMethod[] })}
                options={DATA_METHODS.map((m) => ({ value: m, label: t(`assessments.method.${m}`) }))}
              />
            </div>
            {editEval ? (
              <Input.TextArea
                placeholder={t('assessments.sheet.note')}
                autoSize={{ minRows: 1, maxRows: 4 }}
                value={(val(n, 'evalNote', 'note') as string | null) ?? ''}
                onChange={(e) => edit(n.id, { note: e.target.value })}
              />
            ) : item?.evalNote ? (
              <Typography.Text type="secondary">
                {t('assessments.sheet.note')}：{item.evalNote}
              </Typography.Text>
            ) : null}
          </div>
        ) : null}
        <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
          {s.attachments
            .filter((f) => f.nodeId === n.id)
            .map((f) => (
              <a key={f.id} href={f.url} target="_blank" rel="noreferrer" title={f.createdByName ?? ''}>
                <Tag color={f.layer === 'eval' ? 'purple' : 'default'}>📎 {f.fileName}</Tag>
              </a>
            ))}
          {editing ? (
            <Upload
              accept="image/jpeg,image/png,image/webp,application/pdf"
              showUploadList={false}
              customRequest={async ({ file }) => {
                const form = new FormData();
                form.append('nodeId', n.id);
                form.append('file', file as Blob);
                try {
                  await assessmentsApi.attach(s.id, form);
                  message.success(t('assessments.sheet.uploaded'));
                  await qc.invalidateQueries({ queryKey: assessmentsKeys.sheet(s.id) });
                } catch (e) {
                  showError(e);
                }
              }}
            >
              <Button size="small" icon={<PaperClipOutlined />}>
                {editEval ? t('assessments.sheet.attachPhoto') : t('assessments.sheet.attach')}
              </Button>
            </Upload>
          ) : null}
        </Flex>
        {n.evidence.length > 0 ? <EvidenceLinks sheet={s} nodeId={n.id} canEdit={editing} /> : null}
        <ol style={{ margin: 0, paddingLeft: 20 }}>
          {kids.map((k) => {
            const ev = val(k, 'selfEvidence', 'evidence') as string | null;
            return (
              <li key={k.id} style={{ marginBottom: 6 }}>
                <div>{k.name}</div>
                {editSelf ? (
                  <Input.TextArea
                    placeholder={t('assessments.sheet.evidence')}
                    autoSize={{ minRows: 1, maxRows: 4 }}
                    value={ev ?? ''}
                    onChange={(e) => edit(k.id, { evidence: e.target.value })}
                  />
                ) : ev ? (
                  <Typography.Text type="secondary">
                    {t('assessments.sheet.evidence')}：{ev}
                  </Typography.Text>
                ) : null}
              </li>
            );
          })}
        </ol>
      </Card>
    );
  };

  const areas = s.version.nodes.filter((n) => n.parentId === null);
  const shown = s.state === 'evaluation' || s.state === 'signed' ? s.result : s.selfResult;
  const areaRatios = areaScores(s.version.nodes, (id) => items.get(id)?.points ?? null, shown.parts);
  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            {t('assessments.sheet.title', { name: s.orgUnitName ?? '' })}
            <SheetStateTag state={s.state} />
          </Space>
        }
        subtitle={`${s.round.title} · ${s.subdistrictName ?? ''}`}
        extra={[
          <Button
            key="pdf"
            icon={<FilePdfOutlined />}
            onClick={() => void assessmentsApi.reportPdf(s.id).catch(showError)}
            data-testid="sheet-report-pdf"
          >
            {t('assessments.sheet.reportPdf')}
          </Button>,
          ...s.actions.map((a) => (
            <Button
              key={a}
              type={a === 'return' ? 'default' : 'primary'}
              danger={a === 'return'}
              disabled={busy || dirty}
              onClick={() => setPending(a)}
              data-testid={`sheet-action-${a}`}
            >
              {t(`assessments.action.${a}`)}
            </Button>
          )),
        ]}
      />
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        {!editing && s.state !== 'signed' ? (
          <Alert type="info" showIcon message={t('assessments.sheet.readOnly')} />
        ) : null}
        <Descriptions size="small" bordered column={1}>
          {resultItem(t('assessments.sheet.self'), s.selfResult, null)}
          {s.state === 'evaluation' || s.state === 'signed'
            ? resultItem(t('assessments.sheet.eval'), s.result, t('assessments.results.qualified'))
            : null}
          <Descriptions.Item label={t('assessments.results.edgeRule')}>
            {s.version.edgeRuleText}
          </Descriptions.Item>
          <Descriptions.Item label={t('assessments.results.rounding')}>
            {s.version.roundingText}
          </Descriptions.Item>
          {s.signedAt ? (
            <Descriptions.Item label={t('assessments.sheetState.signed')}>
              {t('assessments.sheet.signature', {
                name: s.signedByName ?? '',
                at: formatDateTime(s.signedAt),
              })}
              <div style={{ fontFamily: 'monospace', fontSize: 12, color: '#8c8c8c' }}>
                SHA-256 {s.signature}
              </div>
            </Descriptions.Item>
          ) : null}
          {s.reviewComment ? (
            <Descriptions.Item label={t('assessments.sheet.reviewComment')}>
              {s.reviewComment}
            </Descriptions.Item>
          ) : null}
        </Descriptions>

        <Card size="small" title={t('assessments.sheet.areas')}>
          <Flex gap={24} wrap align="center">
            <AreaRadar areas={areaRatios} />
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {areaRatios.map((a) => (
                <li key={a.code}>
                  {a.code} {a.name}：{fmt(a.score)}／{fmt(a.full)}
                </li>
              ))}
            </ul>
          </Flex>
        </Card>

        {areas.map((a) => (
          <Card key={a.id} title={`${a.code} ${a.name}`} size="small" styles={{ body: { padding: 12 } }}>
            {(children.get(a.id) ?? []).map(indicator)}
          </Card>
        ))}

        {aspectsPart ? (
          <Card size="small" title={t('assessments.sheet.projects')}>
            <SmallTable<Project & { i: number }>
              rowKey="i"
              scroll={{ x: 900 }}
              dataSource={shownProjects.map((p, i) => ({ ...p, i }))}
              columns={[
                {
                  title: t('assessments.sheet.projectName'),
                  dataIndex: 'name',
                  width: 200,
                  render: (v: string, r) =>
                    editSelf ? (
                      <Input
                        value={v}
                        onChange={(e) =>
                          setProjects(
                            shownProjects.map((p, j) => (j === r.i ? { ...p, name: e.target.value } : p)),
                          )
                        }
                      />
                    ) : (
                      v
                    ),
                },
                {
                  title: t('assessments.sheet.projectClass'),
                  dataIndex: 'category',
                  width: 140,
                  render: (v: string, r) =>
                    editSelf ? (
                      <Select
                        style={{ width: 130 }}
                        value={v}
                        options={PROJECT_CLASSES.map((c) => ({ value: c, label: c }))}
                        onChange={(c) =>
                          setProjects(shownProjects.map((p, j) => (j === r.i ? { ...p, category: c } : p)))
                        }
                      />
                    ) : (
                      v
                    ),
                },
                ...(aspectsPart.aspects ?? []).map((asp) => ({
                  title: asp.name,
                  key: asp.key,
                  width: 90,
                  render: (_: unknown, r: Project & { i: number }) =>
                    editEval ? (
                      <InputNumber
                        min={0}
                        max={100}
                        precision={0}
                        style={{ width: 70 }}
                        value={r.ratings?.[asp.key] ?? null}
                        onChange={(x) =>
                          setProjects(
                            shownProjects.map((p, j) =>
                              j === r.i ? { ...p, ratings: { ...(p.ratings ?? {}), [asp.key]: x ?? 0 } } : p,
                            ),
                          )
                        }
                      />
                    ) : (
                      (r.ratings?.[asp.key] ?? '—')
                    ),
                })),
              ]}
            />
            {editSelf ? (
              <Space style={{ marginTop: 8 }} wrap>
                <Button
                  icon={<PlusOutlined />}
                  onClick={() =>
                    setProjects([...shownProjects, { name: '', category: PROJECT_CLASSES[0], ratings: null }])
                  }
                >
                  {t('assessments.sheet.addProject')}
                </Button>
                <ImportDoorstepButton
                  orgUnitId={s.orgUnitId}
                  year={s.round.year}
                  current={shownProjects}
                  onImport={setProjects}
                />
              </Space>
            ) : null}
          </Card>
        ) : null}

        <Card
          size="small"
          title={
            editEval || s.fieldNotes ? t('assessments.sheet.fieldNotes') : t('assessments.sheet.selfNote')
          }
        >
          {editing ? (
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 6 }}
              value={note !== undefined ? (note ?? '') : ((editEval ? s.fieldNotes : s.selfNote) ?? '')}
              onChange={(e) => setNote(e.target.value)}
            />
          ) : (
            <div>
              {s.selfNote ? <div>{s.selfNote}</div> : null}
              {s.fieldNotes ? <div>{s.fieldNotes}</div> : null}
            </div>
          )}
        </Card>

        {editing ? (
          <Card size="small">
            <Flex gap={12} wrap align="center">
              <Input
                style={{ maxWidth: 420 }}
                placeholder={t('assessments.sheet.reasonHint')}
                addonBefore={t('assessments.sheet.reason')}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                data-testid="sheet-reason"
              />
              <Button type="primary" loading={busy} disabled={!dirty} onClick={save} data-testid="sheet-save">
                {t('assessments.sheet.save')}
              </Button>
            </Flex>
          </Card>
        ) : null}

        <Flex gap={12} wrap align="start">
          <Card size="small" title={t('assessments.sheet.timeline')} style={{ flex: '1 1 320px' }}>
            <Timeline
              items={s.events.map((e) => ({
                children: (
                  <div>
                    <div>
                      {formatDateTime(e.at)} {e.actorName} ·{' '}
                      {(['submit', 'return', 'approve', 'sign'] as const).includes(e.action as Action)
                        ? t(`assessments.action.${e.action as Action}`)
                        : e.action}
                    </div>
                    {e.comment ? <Typography.Text type="secondary">{e.comment}</Typography.Text> : null}
                  </div>
                ),
              }))}
            />
          </Card>
          <Card size="small" title={t('assessments.sheet.changes')} style={{ flex: '1 1 320px' }}>
            <Timeline
              items={s.changes.slice(0, 50).map((c) => ({
                children: (
                  <div>
                    <div>
                      {formatDateTime(c.at)} {c.actorName} ·{' '}
                      {c.nodeCode
                        ? t('assessments.sheet.change', {
                            code: c.nodeCode,
                            before: (c.before as string | null) ?? '—',
                            after: (c.after as string | null) ?? '—',
                          })
                        : t('assessments.sheet.projects')}
                    </div>
                    <Typography.Text type="secondary">
                      {c.reason || t('assessments.sheet.firstEntry')}
                    </Typography.Text>
                  </div>
                ),
              }))}
            />
          </Card>
        </Flex>
      </Space>
      <Modal
        open={!!pending}
        title={pending ? t(`assessments.action.${pending}`) : ''}
        onCancel={() => setPending(undefined)}
        onOk={() => pending && act(pending, comment)}
        confirmLoading={busy}
      >
        <Input.TextArea
          placeholder={t('assessments.sheet.comment')}
          autoSize={{ minRows: 2 }}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </Modal>
    </>
  );
}
