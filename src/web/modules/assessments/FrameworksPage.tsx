import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Alert, Button, Card, Descriptions, Select, Space, Tag, Upload } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../app/components/PageHeader';
import { BlockSkeleton, ErrorResult } from '../../app/components/Status';
import { useShowError } from '../../app/errors';
import { useI18n } from '../../app/i18n';
import { type VersionDetail, assessmentsApi, assessmentsKeys } from './api';
import { SmallTable } from '../../app/components/SmallTable';

type Node = VersionDetail['nodes'][number];
type TreeRow = Node & { children?: TreeRow[] };

function treeOf(nodes: Node[]): TreeRow[] {
  const byId = new Map<string, TreeRow>(nodes.map((n) => [n.id, { ...n }]));
  const roots: TreeRow[] = [];
  for (const n of nodes) {
    const row = byId.get(n.id)!;
    const parent = n.parentId ? byId.get(n.parentId) : undefined;
    if (parent) {
      parent.children ??= [];
      parent.children.push(row);
    } else roots.push(row);
  }
  return roots;
}

/** The framework's settings in words: scale, scoring unit, parts, bands with the edge rule, rounding, counts. */
export function FrameworkSummary({ v }: { v: VersionDetail }) {
  const { t } = useI18n();
  const c = v.config;
  return (
    <Descriptions size="small" column={1} bordered data-testid="framework-summary">
      {v.source ? <Descriptions.Item label={t('assessments.fw.source')}>{v.source}</Descriptions.Item> : null}
      <Descriptions.Item label={t('assessments.fw.scale')}>
        {c.scale.map((s) => t('assessments.fw.scaleItem', { label: s.label, percent: s.percent })).join('；')}
      </Descriptions.Item>
      <Descriptions.Item label={t('assessments.fw.unit')}>
        {t(`assessments.fw.unit.${c.scoringUnit}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('assessments.fw.parts')}>
        {c.parts.map((p) => (
          <div key={p.key}>
            {t('assessments.fw.partLine', {
              name: p.name,
              total: p.total,
              min: p.qualifyingMin == null ? '' : t('assessments.fw.partMin', { min: p.qualifyingMin }),
              method:
                p.method === 'states'
                  ? t('assessments.fw.method.states')
                  : t('assessments.fw.method.aspects', {
                      aspects: (p.aspects ?? []).map((a) => a.name).join('、'),
                    }),
            })}
          </div>
        ))}
      </Descriptions.Item>
      <Descriptions.Item label={t('assessments.fw.bands')}>
        <Space wrap style={{ marginBottom: 4 }}>
          {c.bands.map((b) => (
            <Tag key={b.key} color={b.qualifies ? 'green' : 'red'}>
              {b.name} {b.min}
              {b.qualifies ? `（${t('assessments.fw.qualifies')}）` : ''}
            </Tag>
          ))}
        </Space>
        <div data-testid="edge-rule">{v.edgeRuleText}</div>
      </Descriptions.Item>
      <Descriptions.Item label={t('assessments.fw.rounding')}>{v.roundingText}</Descriptions.Item>
      <Descriptions.Item label={t('assessments.fw.counts')}>
        {v.counts.map((x) => {
          const claimed = v.claimedCounts?.find((y) => y.level === x.level);
          return (
            <div key={x.level}>
              {t('assessments.fw.level', { n: x.level })}：{t('assessments.fw.held', { n: x.count })}
              {claimed ? (
                <span style={{ color: claimed.count === x.count ? undefined : '#cf1322' }}>
                  （{t('assessments.fw.claimed', { n: claimed.count })}）
                </span>
              ) : null}
            </div>
          );
        })}
      </Descriptions.Item>
      {v.note ? <Descriptions.Item label={t('assessments.fw.note')}>{v.note}</Descriptions.Item> : null}
    </Descriptions>
  );
}

/** The frameworks: pick one and a version, read its tree with weights, settings and edge rule; export/import xlsx. */
export default function FrameworksPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const showError = useShowError();
  const { message } = AntApp.useApp();
  const list = useQuery({ queryKey: assessmentsKeys.frameworks, queryFn: assessmentsApi.frameworks });
  const [picked, setPicked] = useState<string>();
  const versions = (list.data?.items ?? []).flatMap((f) => f.versions.map((v) => ({ ...v, framework: f })));
  const versionId = picked ?? versions[0]?.id;
  const detail = useQuery({
    queryKey: assessmentsKeys.version(versionId ?? ''),
    queryFn: () => assessmentsApi.version(versionId!),
    enabled: !!versionId,
  });
  if (list.isError) return <ErrorResult error={list.error} onRetry={() => list.refetch()} />;
  const v = detail.data;
  return (
    <>
      <PageHeader
        title={t('assessments.fw.title')}
        subtitle={t('assessments.fw.subtitle')}
        extra={
          <>
            <Select
              style={{ minWidth: 360 }}
              value={versionId}
              onChange={setPicked}
              data-testid="framework-select"
              options={versions.map((x) => ({
                value: x.id,
                label: `${x.framework.name} · ${t('assessments.fw.version', { n: x.version })}${x.framework.builtIn ? `（${t('assessments.fw.builtIn')}）` : ''}`,
              }))}
            />
            {versionId ? (
              <Button
                icon={<DownloadOutlined />}
                onClick={() => assessmentsApi.exportVersion(versionId).catch(showError)}
              >
                {t('assessments.fw.export')}
              </Button>
            ) : null}
            {can('assessments.manage') ? (
              <Upload
                accept=".xlsx"
                showUploadList={false}
                customRequest={async ({ file }) => {
                  const form = new FormData();
                  form.append('file', file as Blob);
                  try {
                    const created = await assessmentsApi.importFramework(form);
                    message.success(t('assessments.fw.imported'));
                    await qc.invalidateQueries({ queryKey: assessmentsKeys.frameworks });
                    setPicked(created.id);
                  } catch (e) {
                    showError(e);
                  }
                }}
              >
                <Button icon={<UploadOutlined />}>{t('assessments.fw.import')}</Button>
              </Upload>
            ) : null}
          </>
        }
      />
      {!v ? (
        <BlockSkeleton />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Alert
            type={v.locked ? 'info' : 'success'}
            showIcon
            message={v.locked ? t('assessments.fw.locked') : t('assessments.fw.editable')}
          />
          <FrameworkSummary v={v} />
          <Card size="small" title={t('assessments.fw.tree')}>
            <SmallTable<TreeRow>
              rowKey="id"
              dataSource={treeOf(v.nodes)}
              expandable={{ defaultExpandAllRows: true }}
              data-testid="framework-tree"
              columns={[
                { title: t('assessments.fw.code'), dataIndex: 'code', width: 140 },
                {
                  title: t('assessments.fw.name'),
                  dataIndex: 'name',
                  render: (name: string, r) => (r.level < 3 ? <strong>{name}</strong> : name),
                },
                {
                  title: t('assessments.fw.weight'),
                  dataIndex: 'weight',
                  width: 100,
                  align: 'right',
                  render: (w: number | null) => (w == null ? '' : w),
                },
                {
                  title: t('assessments.fw.scored'),
                  dataIndex: 'scored',
                  width: 90,
                  render: (s: boolean) =>
                    s ? <Tag color="blue">{v.config.scale.map((x) => x.label).join('／')}</Tag> : null,
                },
              ]}
            />
          </Card>
        </Space>
      )}
    </>
  );
}
