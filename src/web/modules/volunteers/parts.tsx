import { StarFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  ACTIVITY_THEMES,
  type ACTIVITY_TYPES,
  type ActivityTheme,
  type VOLUNTEER_KINDS,
} from '../../../shared/contracts/volunteers';
import { ApiError, api, type Page } from '../../app/api';
import { BlockSkeleton, ErrorResult, NotFoundResult } from '../../app/components/Status';
import { type MessageKey, useI18n } from '../../app/i18n';
import { volApi } from './api';
import { useNameSearch } from '../../app/useNameSearch';
import { useDebounced } from '../../app/useDebounced';

export const KIND_COLORS: Record<(typeof VOLUNTEER_KINDS)[number], string> = {
  resident: 'blue',
  party_member: 'red',
  university: 'purple',
  other: 'default',
};

export const TYPE_COLORS: Record<(typeof ACTIVITY_TYPES)[number], string> = {
  elderly_care: 'orange',
  environment: 'green',
  neighbour_help: 'cyan',
  emergency: 'red',
  culture: 'geekblue',
  other: 'default',
};

export function KindTag({ kind }: { kind: (typeof VOLUNTEER_KINDS)[number] }) {
  const { t } = useI18n();
  return <Tag color={KIND_COLORS[kind]}>{t(`volunteers.kind.${kind}` as MessageKey)}</Tag>;
}

export function TypeTag({ type }: { type: (typeof ACTIVITY_TYPES)[number] }) {
  const { t } = useI18n();
  return <Tag color={TYPE_COLORS[type]}>{t(`volunteers.type.${type}` as MessageKey)}</Tag>;
}

export function Stars({ n }: { n: number }) {
  const { t } = useI18n();
  if (n <= 0) return <Typography.Text type="secondary">{t('volunteers.noStar')}</Typography.Text>;
  return (
    <Space size={2} aria-label={t('volunteers.starN', { n })} data-testid="stars">
      {Array.from({ length: n }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed-length decoration
        <StarFilled key={i} style={{ color: '#faad14' }} />
      ))}
    </Space>
  );
}

/** Picks one volunteer by name (server-side search within the user's scope). */
export function VolunteerPicker({
  value,
  onChange,
  orgUnitId,
  style,
}: {
  value?: string;
  onChange?: (v: string) => void;
  orgUnitId?: string;
  style?: React.CSSProperties;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const dq = useDebounced(q, 250);
  const ns = useNameSearch(dq);
  const list = useQuery({
    queryKey: ['volunteers', 'pick', ns.serverQuery, ns.pageSize(20), orgUnitId ?? ''],
    queryFn: () => volApi.search(ns.serverQuery, orgUnitId, ns.pageSize(20)),
  });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      placeholder={t('volunteers.pickVolunteer')}
      loading={list.isFetching}
      style={style ?? { width: 260 }}
      options={(list.data?.items ?? [])
        .filter((v) => ns.keep(v.name))
        .map((v) => ({
          value: v.id,
          label: `${v.name}(${t(`volunteers.kind.${v.kind}` as MessageKey)}${v.unitName ? ` · ${v.unitName}` : ''})`,
        }))}
      data-testid="volunteer-picker"
    />
  );
}

interface Named {
  id: string;
  name: string;
}

/** A remote search select over a list endpoint that answers Page<{id, name}>. */
export function RemotePicker({
  url,
  extra,
  value,
  onChange,
  placeholder,
  describe,
  testId,
}: {
  url: string;
  extra?: Record<string, string>;
  value?: string;
  onChange?: (v: string) => void;
  placeholder: string;
  describe?: (row: Named & Record<string, unknown>) => string;
  testId?: string;
}) {
  const [q, setQ] = useState('');
  const dq = useDebounced(q, 250);
  const ns = useNameSearch(dq);
  const list = useQuery({
    queryKey: ['volunteers', 'remote', url, ns.serverQuery, ns.pageSize(20), extra],
    queryFn: () =>
      api.get<Page<Named & Record<string, unknown>>>(url, {
        q: ns.serverQuery,
        pageSize: ns.pageSize(20),
        ...extra,
      }),
  });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      placeholder={placeholder}
      loading={list.isFetching}
      options={(list.data?.items ?? [])
        .filter((r) => ns.keep(r.name))
        .map((r) => ({ value: r.id, label: describe ? describe(r) : r.name }))}
      data-testid={testId}
    />
  );
}

/**
 * A detail page's record while it is not there: a skeleton while it loads, 404 when it does not exist (or is out
 * of reach), else the error with a retry.
 */
export function RecordStatus({
  query,
}: {
  query: { isPending: boolean; error: unknown; refetch: () => unknown };
}) {
  if (query.isPending) return <BlockSkeleton />;
  return query.error instanceof ApiError && query.error.notFound ? (
    <NotFoundResult />
  ) : (
    <ErrorResult error={query.error} onRetry={() => query.refetch()} />
  );
}

/** An activity's campaign theme (邻里亲 … 邻里守望), or nothing when it has none. */
export function ThemeTag({ theme }: { theme: ActivityTheme | null }) {
  const { label } = useI18n();
  return theme ? <Tag color="magenta">{label(`activity_theme.${theme}`)}</Tag> : null;
}

/** The theme Select's options, each by its campaign name. */
export function themeOptions(label: (key: string) => string) {
  return ACTIVITY_THEMES.map((value) => ({ value, label: label(`activity_theme.${value}`) }));
}
