import {
  ApartmentOutlined,
  DeleteOutlined,
  EditOutlined,
  MergeCellsOutlined,
  PlusOutlined,
  ScissorOutlined,
  SwapOutlined,
  TeamOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Breadcrumb,
  Button,
  type ButtonProps,
  Card,
  Col,
  Descriptions,
  Flex,
  Input,
  Row,
  Space,
  Spin,
  Tag,
  Tree,
  Typography,
} from 'antd';
import type { GetRef, TreeDataNode } from 'antd';
import { lazy, type ReactNode, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { OrgUnitDetailDto, OrgUnitDto } from '../../../shared/contracts/org';
import { api } from '../../app/api';
import { EmptyHint, ErrorResult, QueryBoundary } from '../../app/components/Status';
import { useShowError } from '../../app/errors';
import { formatNumber } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { fetchChildren, orgApi, orgKeys } from './client';
import { kindColor } from './kinds';
import { useMapSettings } from '../../app/map/settings';
import { BoundaryImportModal } from './BoundaryImport';
import { MergeModal, MoveModal, SplitModal, UnitFormModal } from './OrgDialogs';

const UnitMap = lazy(() => import('./UnitMap'));
const BoundaryEditor = lazy(() => import('./BoundaryEditor'));

const NO_UNITS: OrgUnitDto[] = [];

type Dialog = 'create' | 'edit' | 'move' | 'merge' | 'split' | null;

interface TreeNode extends TreeDataNode {
  key: string;
  children?: TreeNode[];
}

export default function OrgTreePage() {
  const { unitId } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { t } = useI18n();
  const showError = useShowError();

  const roots = useQuery({ queryKey: orgKeys.roots(), queryFn: orgApi.roots });
  const [childrenOf, setChildrenOf] = useState<Map<string, OrgUnitDto[]>>(new Map());
  const [expanded, setExpanded] = useState<string[]>([]);
  const treeRef = useRef<GetRef<typeof Tree>>(null);

  const load = useCallback(
    async (parentId: string, fresh = false) => {
      if (fresh) await qc.invalidateQueries({ queryKey: orgKeys.children(parentId), refetchType: 'none' });
      const kids = await fetchChildren(qc, parentId);
      setChildrenOf((prev) => new Map(prev).set(parentId, kids));
      return kids;
    },
    [qc],
  );

  // With no unit chosen, open the first unit of the user's scope.
  useEffect(() => {
    const first = roots.data?.[0];
    if (!unitId && first) navigate(`/org/${first.id}`, { replace: true });
  }, [unitId, roots.data, navigate]);

  const detail = useQuery({
    queryKey: orgKeys.detail(unitId ?? ''),
    queryFn: () => orgApi.detail(unitId!),
    enabled: !!unitId,
  });

  // Expand the tree down to the chosen unit (it may have been opened by URL or from the search).
  useEffect(() => {
    const d = detail.data;
    if (!d || !roots.data) return;
    const rootIds = new Set(roots.data.map((r) => r.id));
    // Ancestors from the user's own root down, and the unit itself when it has children.
    const chain = [...d.ancestors.map((a) => a.id), ...((d.childCount ?? 0) > 0 ? [d.id] : [])];
    const start = chain.findIndex((id) => rootIds.has(id));
    if (start < 0) return;
    const path = chain.slice(start);
    let cancelled = false;
    (async () => {
      for (const id of path) await load(id);
      if (cancelled) return;
      setExpanded((prev) => [...new Set([...prev, ...path])]);
      setTimeout(() => treeRef.current?.scrollTo({ key: d.id, align: 'auto' }), 60);
    })().catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [detail.data, roots.data, load]);

  const treeData = useMemo<TreeNode[]>(() => {
    const build = (units: OrgUnitDto[]): TreeNode[] =>
      units.map((u) => {
        const kids = childrenOf.get(u.id);
        return {
          key: u.id,
          isLeaf: (u.childCount ?? 0) === 0,
          title: (
            <span data-testid="org-node" data-unit-id={u.id} data-kind={u.kind}>
              {u.name}
              <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
                {t(`kind.${u.kind}`)}
              </Typography.Text>
            </span>
          ),
          children: kids ? build(kids) : undefined,
        };
      });
    return build(roots.data ?? []);
  }, [roots.data, childrenOf, t]);

  // Search by name over the whole scope.
  const [q, setQ] = useState('');
  const search = useQuery({
    queryKey: orgKeys.search(q),
    queryFn: () => orgApi.search(q),
    enabled: q.length > 0,
  });

  /** After a change: fresh children of the touched parents, fresh details everywhere. */
  const refresh = async (parentIds: (string | null | undefined)[]) => {
    await qc.invalidateQueries({ queryKey: ['org', 'detail'] });
    await qc.invalidateQueries({ queryKey: ['org', 'search'] });
    await qc.invalidateQueries({ queryKey: orgKeys.roots() });
    for (const id of new Set(parentIds.filter((x): x is string => !!x))) {
      await load(id, true).catch(() => undefined);
    }
  };

  const leftPanel = (
    <Card
      title={
        <Space>
          <ApartmentOutlined />
          {t('org.title')}
        </Space>
      }
      styles={{ body: { padding: 12 } }}
    >
      <Input.Search
        allowClear
        placeholder={t('org.search')}
        onSearch={(v) => setQ(v.trim())}
        onChange={(e) => {
          if (!e.target.value) setQ('');
        }}
        data-testid="org-search"
        style={{ marginBottom: 12 }}
        enterButton
      />
      {q ? (
        <div data-testid="org-search-results">
          <Typography.Text type="secondary">{t('org.searchResults')}</Typography.Text>
          {search.isPending ? (
            <Spin style={{ display: 'block', margin: 24 }} />
          ) : search.isError ? (
            <ErrorResult error={search.error} onRetry={() => search.refetch()} />
          ) : (
            <div style={{ maxHeight: 560, overflow: 'auto', marginTop: 4 }}>
              {(search.data ?? []).length === 0 ? <EmptyHint text={t('org.noResults')} /> : null}
              {(search.data ?? []).map((u) => (
                <Flex
                  key={u.id}
                  justify="space-between"
                  align="center"
                  className="linli-row-clickable linli-search-item"
                  onClick={() => navigate(`/org/${u.id}`)}
                  data-testid="org-search-result"
                  style={{ background: u.id === unitId ? '#e6f0ff' : undefined }}
                >
                  <span>{u.name}</span>
                  <Tag color={kindColor(u.kind)} style={{ marginInlineEnd: 0 }}>
                    {t(`kind.${u.kind}`)}
                  </Tag>
                </Flex>
              ))}
            </div>
          )}
        </div>
      ) : roots.isPending ? (
        <Spin style={{ display: 'block', margin: 24 }} />
      ) : roots.isError ? (
        <ErrorResult error={roots.error} onRetry={() => roots.refetch()} />
      ) : treeData.length === 0 ? (
        <EmptyHint text={t('org.treeEmpty')} />
      ) : (
        <Tree
          ref={treeRef}
          data-testid="org-tree"
          treeData={treeData}
          height={560}
          blockNode
          showLine
          expandedKeys={expanded}
          onExpand={(keys) => setExpanded(keys.map(String))}
          selectedKeys={unitId ? [unitId] : []}
          onSelect={(keys) => {
            const k = keys[0];
            if (!k) return;
            navigate(`/org/${String(k)}`);
            // On a phone the details sit below the tree.
            if (window.innerWidth < 992) {
              setTimeout(
                () =>
                  document
                    .querySelector('[data-testid="org-detail"]')
                    ?.scrollIntoView({ behavior: 'smooth' }),
                300,
              );
            }
          }}
          loadData={async (node) => {
            await load(String(node.key)).catch(showError);
          }}
        />
      )}
    </Card>
  );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={9} xl={8}>
        {leftPanel}
      </Col>
      <Col xs={24} lg={15} xl={16}>
        {unitId ? (
          <Card data-testid="org-detail">
            <QueryBoundary query={detail} skeletonRows={10}>
              {(d) => <UnitDetail unit={d} rootUnits={roots.data ?? NO_UNITS} onChanged={refresh} />}
            </QueryBoundary>
          </Card>
        ) : (
          <Card>
            <EmptyHint text={t('org.selectHint')} />
          </Card>
        )}
      </Col>
    </Row>
  );
}

function UnitDetail({
  unit,
  rootUnits,
  onChanged,
}: {
  unit: OrgUnitDetailDto;
  rootUnits: OrgUnitDto[];
  onChanged: (parentIds: (string | null | undefined)[]) => Promise<void>;
}) {
  const { t, label } = useI18n();
  const ab = unit.abilities;
  const mapSettings = useMapSettings();
  const canDraw = ab.edit && (unit.kind === 'grid' || unit.kind === 'compound') && unit.status === 'active';
  const canImport =
    ab.edit && (unit.kind === 'community' || unit.kind === 'subdistrict') && unit.status === 'active';
  const [drawing, setDrawing] = useState(false);
  const [importing, setImporting] = useState(false);
  // While drawing: the parent's outline and the neighbouring units, for reference.
  const parent = useQuery({
    queryKey: orgKeys.detail(unit.parentId ?? ''),
    queryFn: () => orgApi.detail(unit.parentId!),
    enabled: drawing && !!unit.parentId,
    retry: false,
  });
  const siblings = useQuery({
    queryKey: orgKeys.children(unit.parentId ?? ''),
    queryFn: () => orgApi.children(unit.parentId!),
    enabled: drawing && !!unit.parentId,
    retry: false,
  });
  const drawContext = useMemo(
    () => (siblings.data ?? []).filter((s) => s.id !== unit.id),
    [siblings.data, unit.id],
  );
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>(null);
  const children = useQuery({
    queryKey: orgKeys.children(unit.id),
    queryFn: () => orgApi.children(unit.id),
    enabled: (unit.childCount ?? 0) > 0,
  });
  const kids = children.data ?? NO_UNITS;
  const close = () => setDialog(null);
  /** After a dialog's change: close it, say so, refresh these parents' lists, and open `to` when given. */
  const changed = async (text: string, parentIds: (string | null | undefined)[], to?: string) => {
    close();
    message.success(text);
    await onChanged(parentIds);
    if (to) navigate(to);
  };

  const archive = () =>
    modal.confirm({
      title: t('org.archive'),
      content: t('org.archiveConfirm', { name: unit.name }),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await api.post(`/api/org/units/${unit.id}/archive`);
          message.success(t('org.archived', { name: unit.name }));
          await onChanged([unit.parentId]);
          navigate(unit.parentId ? `/org/${unit.parentId}` : '/org');
        } catch (e) {
          showError(e);
        }
      },
    });

  /** One of the unit's action buttons; its key names its data-testid, `org-action-<key>`. */
  const actionButton = (
    key: string,
    icon: ReactNode,
    label: string,
    onClick: () => void,
    props?: ButtonProps,
  ) => (
    <Button key={key} {...props} icon={icon} onClick={onClick} data-testid={`org-action-${key}`}>
      {label}
    </Button>
  );
  const actions: ReactNode[] = [];
  if (ab.createChild)
    actions.push(
      actionButton('create', <PlusOutlined />, t('org.createChild'), () => setDialog('create'), {
        type: 'primary',
      }),
    );
  if (ab.edit) actions.push(actionButton('edit', <EditOutlined />, t('org.rename'), () => setDialog('edit')));
  if (ab.move) actions.push(actionButton('move', <SwapOutlined />, t('org.move'), () => setDialog('move')));
  if (ab.merge)
    actions.push(actionButton('merge', <MergeCellsOutlined />, t('org.merge'), () => setDialog('merge')));
  if (ab.split)
    actions.push(actionButton('split', <ScissorOutlined />, t('org.split'), () => setDialog('split')));
  if (canDraw && !drawing)
    actions.push(actionButton('draw', <EditOutlined />, t('org.draw.start'), () => setDrawing(true)));
  if (canImport)
    actions.push(
      actionButton('import-boundaries', <UploadOutlined />, t('org.import.start'), () => setImporting(true)),
    );
  if (ab.archive)
    actions.push(actionButton('archive', <DeleteOutlined />, t('org.archive'), archive, { danger: true }));

  const attrs = Object.entries(unit.attrs ?? {});
  const rootIds = new Set(rootUnits.map((r) => r.id));
  const rootIndex = unit.ancestors.findIndex((a) => rootIds.has(a.id));
  const firstInScope = rootIndex < 0 ? unit.ancestors.length : rootIndex;
  const hasGeo = !!unit.boundary || (unit.lat !== null && unit.lng !== null) || kids.some((k) => k.boundary);

  return (
    <div>
      <Breadcrumb
        style={{ marginBottom: 8, display: unit.ancestors.length ? undefined : 'none' }}
        items={[
          ...unit.ancestors.map((a, i) => ({
            key: a.id,
            // Units above the user's own roots are shown but cannot be opened.
            title: i >= firstInScope ? <Link to={`/org/${a.id}`}>{a.name}</Link> : a.name,
          })),
          { key: unit.id, title: unit.name },
        ]}
        data-testid="org-breadcrumb"
      />
      <Flex justify="space-between" align="flex-start" wrap gap={12} style={{ marginBottom: 16 }}>
        <Space align="center" wrap>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="org-detail-name">
            {unit.name}
          </Typography.Title>
          <Tag color={kindColor(unit.kind)}>{t(`kind.${unit.kind}`)}</Tag>
          {unit.status !== 'active' ? (
            <Tag color="red">{t(`org.status.${unit.status}` as 'org.status.active')}</Tag>
          ) : null}
        </Space>
        <Space wrap>{actions}</Space>
      </Flex>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'kind', label: t('org.kind'), children: t(`kind.${unit.kind}`) },
          { key: 'code', label: t('org.divisionCode'), children: unit.divisionCode ?? '—' },
          {
            key: 'residents',
            label: t('org.residentCount'),
            children: (
              <Space>
                <span data-testid="org-resident-count">{formatNumber(unit.residentCount)}</span>
                <Link to={`/residents?orgUnitId=${unit.id}`} data-testid="org-view-residents">
                  <TeamOutlined /> {t('org.viewResidents')}
                </Link>
              </Space>
            ),
          },
          { key: 'children', label: t('org.childCount'), children: formatNumber(unit.childCount ?? 0) },
          ...(unit.kind === 'grid'
            ? [
                {
                  key: 'gridWorkers',
                  label: t('org.gridWorkers'),
                  span: 2,
                  children: unit.gridWorkers.length ? (
                    unit.gridWorkers.map((w) => <Tag key={w.id}>{w.name}</Tag>)
                  ) : (
                    <Typography.Text type="warning">{t('org.noGridWorker')}</Typography.Text>
                  ),
                },
              ]
            : []),
          ...(unit.lat !== null && unit.lng !== null
            ? [
                {
                  key: 'loc',
                  label: t('org.location'),
                  children: `${unit.lat.toFixed(5)}, ${unit.lng.toFixed(5)}`,
                },
              ]
            : []),
          ...attrs.map(([k, v]) => ({
            key: `attr-${k}`,
            label: label(k),
            children: typeof v === 'boolean' ? label(v ? 'yes' : 'no') : String(v),
          })),
        ]}
      />
      <div style={{ marginTop: 16 }}>
        {drawing ? (
          <Suspense fallback={<div className="linli-map" style={{ height: 380 }} />}>
            <BoundaryEditor
              key={`${unit.id}-${parent.isFetched && siblings.isFetched}`}
              unit={unit}
              context={drawContext}
              parent={parent.data ?? null}
              settings={mapSettings}
              onCancel={() => setDrawing(false)}
              onSaved={async () => {
                setDrawing(false);
                await onChanged([unit.parentId, unit.id]);
              }}
            />
          </Suspense>
        ) : hasGeo ? (
          <Suspense fallback={<div className="linli-map" style={{ height: 300 }} />}>
            <UnitMap
              settings={mapSettings}
              unit={unit}
              around={unit.kind === 'community' || unit.kind === 'subdistrict' ? kids : []}
              height={unit.kind === 'community' ? 420 : 300}
            />
            {mapSettings.layers.length ? null : (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('org.mapNoTiles')}
              </Typography.Text>
            )}
          </Suspense>
        ) : (
          <EmptyHint text={t('org.mapEmpty')} />
        )}
      </div>

      {canImport ? (
        <BoundaryImportModal
          unit={unit}
          open={importing}
          onClose={() => setImporting(false)}
          onDone={async () => {
            setImporting(false);
            await onChanged([unit.parentId, unit.id]);
          }}
        />
      ) : null}
      <UnitFormModal
        key={`create-${unit.id}`}
        mode="create"
        unit={unit}
        open={dialog === 'create'}
        onClose={close}
        onDone={(saved) =>
          changed(t('org.created', { name: saved.name }), [unit.parentId, unit.id], `/org/${saved.id}`)
        }
      />
      <UnitFormModal
        key={`edit-${unit.id}`}
        mode="edit"
        unit={unit}
        open={dialog === 'edit'}
        onClose={close}
        onDone={(saved) => changed(t('common.saved'), [unit.parentId, saved.id])}
      />
      <MoveModal
        unit={unit}
        open={dialog === 'move'}
        onClose={close}
        onDone={(newParentId) => changed(t('org.moved', { name: unit.name }), [unit.parentId, newParentId])}
      />
      <MergeModal
        unit={unit}
        open={dialog === 'merge'}
        onClose={close}
        onDone={(r) =>
          changed(
            t('org.merged', { n: r.movedChildren }),
            [unit.parentId, r.target.parentId, r.target.id],
            `/org/${r.target.id}`,
          )
        }
      />
      <SplitModal
        unit={unit}
        childUnits={kids}
        open={dialog === 'split'}
        onClose={close}
        onDone={(created) =>
          changed(t('org.splitDone', { name: created.name }), [unit.parentId, unit.id], `/org/${created.id}`)
        }
      />
    </div>
  );
}
