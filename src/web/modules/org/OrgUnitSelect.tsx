import { useQuery, useQueryClient } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { type CSSProperties, useEffect, useState } from 'react';
import type { OrgUnitDto } from '../../../shared/contracts/org';
import type { OrgKind } from '../../../shared/orgKinds';
import { useI18n } from '../../app/i18n';
import { useDebounced } from '../../app/useDebounced';
import { fetchChildren, orgApi, orgKeys } from './client';

interface Props {
  id?: string;
  value?: string | null;
  onChange?: (value: string | undefined, unit?: OrgUnitDto) => void;
  /** Only these kinds can be chosen (others still expand). */
  selectableKinds?: readonly OrgKind[];
  /** Limits search results to one kind. */
  searchKind?: OrgKind;
  /** This unit (and so its subtree) cannot be chosen: moving a unit under itself. */
  excludeId?: string;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  'data-testid'?: string;
}

interface Node {
  id: string;
  pId?: string;
  value: string;
  title: string;
  isLeaf: boolean;
  selectable: boolean;
  disabled?: boolean;
}

/** An org unit picker over the user's scope: a lazily loaded tree, with server-side search by name. */
export function OrgUnitSelect(props: Props) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [units, setUnits] = useState<Map<string, OrgUnitDto>>(new Map());
  // Names of units chosen from search results (not placed in the tree: their parents may not be loaded).
  const [picked, setPicked] = useState<Map<string, string>>(new Map());
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);

  const roots = useQuery({ queryKey: orgKeys.roots(), queryFn: orgApi.roots, staleTime: 60_000 });
  // A picker of several kinds (community or compound) searches them all, not only `searchKind`.
  const searchKind = (props.selectableKinds?.length ?? 0) > 1 ? undefined : props.searchKind;
  const found = useQuery({
    queryKey: orgKeys.search(q, searchKind),
    queryFn: () => orgApi.search(q, searchKind),
    enabled: q.length > 0,
    staleTime: 30_000,
  });
  const known = props.value ? (units.get(props.value)?.name ?? picked.get(props.value)) : undefined;
  const current = useQuery({
    queryKey: orgKeys.detail(props.value ?? ''),
    queryFn: () => orgApi.detail(props.value!),
    enabled: !!props.value && !known,
    staleTime: 60_000,
  });

  useEffect(() => {
    if (!roots.data) return;
    setUnits((prev) => {
      const next = new Map(prev);
      for (const u of roots.data) next.set(u.id, u);
      return next;
    });
  }, [roots.data]);

  const toNode = (u: OrgUnitDto, flat: boolean): Node => {
    const excluded = u.id === props.excludeId;
    const selectable = !props.selectableKinds || props.selectableKinds.includes(u.kind);
    return {
      id: u.id,
      pId: flat ? undefined : (u.parentId ?? undefined),
      value: u.id,
      title: flat ? `${u.name} · ${t(`kind.${u.kind}`)}` : u.name,
      isLeaf: flat || excluded || (u.childCount ?? 0) === 0,
      selectable: selectable && !excluded,
      disabled: excluded,
    };
  };

  const rootIds = new Set((roots.data ?? []).map((r) => r.id));
  const treeData: Node[] =
    q.length > 0
      ? (found.data ?? [])
          .filter((u) => !props.selectableKinds || props.selectableKinds.includes(u.kind))
          .map((u) => toNode(u, true))
      : [...units.values()].map((u) => {
          const n = toNode(u, false);
          return rootIds.has(u.id) ? { ...n, pId: undefined } : n;
        });

  const loadData = async (node: { value?: unknown; id?: unknown }) => {
    const id = String(node.value ?? node.id);
    const children = await fetchChildren(qc, id);
    setUnits((prev) => {
      const next = new Map(prev);
      for (const c of children) next.set(c.id, c);
      return next;
    });
  };

  const labelOf = (id: string) =>
    units.get(id)?.name ?? picked.get(id) ?? (current.data?.id === id ? current.data.name : undefined) ?? '…';

  return (
    <TreeSelect
      id={props.id}
      data-testid={props['data-testid']}
      style={{ minWidth: 220, ...props.style }}
      treeDataSimpleMode={{ id: 'id', pId: 'pId' }}
      treeData={treeData}
      loadData={q.length > 0 ? undefined : loadData}
      treeDefaultExpandedKeys={(roots.data ?? []).map((r) => r.id)}
      labelInValue
      value={props.value ? { value: props.value, label: labelOf(props.value) } : undefined}
      onChange={(v: { value: string; label?: unknown } | undefined) => {
        const id = v?.value;
        const unit = id ? (units.get(id) ?? found.data?.find((u) => u.id === id)) : undefined;
        if (unit && !units.has(unit.id)) setPicked((prev) => new Map(prev).set(unit.id, unit.name));
        props.onChange?.(id, unit);
      }}
      showSearch={{ searchValue: search, onSearch: setSearch, filterTreeNode: false }}
      placeholder={props.placeholder ?? t('common.unitPicker')}
      allowClear={props.allowClear ?? true}
      disabled={props.disabled}
      loading={roots.isPending || found.isFetching}
      notFoundContent={q.length > 0 && !found.isFetching ? t('org.noResults') : undefined}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxHeight: 420, overflow: 'auto', minWidth: 260 } } }}
    />
  );
}
