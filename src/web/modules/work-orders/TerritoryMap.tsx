import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Typography } from 'antd';
import { useMemo } from 'react';
import type { OrgUnitDto } from '../../../shared/contracts/org';
import { useMapSettings } from '../../app/map/settings';
import { useI18n } from '../../app/i18n';
import { orgApi, orgKeys } from '../org/api';
import PointMap, { containsPoint, distance2, type LatLng, type MapShape } from './PointMap';

const NO_UNITS: OrgUnitDto[] = [];

/**
 * The staff point picker: the communities of the user's scope as labelled dots, the grids of the
 * community nearest to the point as outlines, and which grid the point falls in (R-WO-4 preview).
 */
export function TerritoryMap({
  value,
  onChange,
  height = 320,
}: {
  value: LatLng | null;
  onChange?: (p: LatLng | null) => void;
  height?: number;
}) {
  const { t } = useI18n();
  const settings = useMapSettings();
  const roots = useQuery({ queryKey: orgKeys.roots(), queryFn: orgApi.roots, staleTime: 60_000 });
  const gridRoots = (roots.data ?? NO_UNITS).filter((u) => u.kind === 'grid');
  const communities = useQuery({
    queryKey: orgKeys.search('', 'community'),
    queryFn: () => orgApi.search('', 'community'),
    staleTime: 60_000,
    enabled: roots.isSuccess && gridRoots.length === 0,
  });
  const communityList = communities.data ?? NO_UNITS;
  const nearest = useMemo(() => {
    const located = communityList.filter((c) => c.lat !== null && c.lng !== null);
    if (!value || located.length === 0) return null;
    return located.reduce((best, c) =>
      distance2(value, { lat: c.lat!, lng: c.lng! }) < distance2(value, { lat: best.lat!, lng: best.lng! })
        ? c
        : best,
    );
  }, [communityList, value]);
  const grids = useQuery({
    queryKey: orgKeys.children(nearest?.id ?? ''),
    queryFn: () => orgApi.children(nearest!.id),
    enabled: !!nearest,
    staleTime: 60_000,
  });

  const gridList = gridRoots.length ? gridRoots : (grids.data ?? NO_UNITS).filter((g) => g.kind === 'grid');
  const hit = value ? gridList.find((g) => g.boundary && containsPoint(g.boundary, value)) : undefined;
  const shapes = useMemo<MapShape[]>(
    () => [
      ...communityList.map((c) => ({ id: c.id, name: c.name, lat: c.lat, lng: c.lng, boundary: c.boundary })),
      ...gridList.map((g) => ({
        id: g.id,
        name: g.name,
        lat: g.lat,
        lng: g.lng,
        boundary: g.boundary,
        highlight: g.id === hit?.id,
      })),
    ],
    [communityList, gridList, hit?.id],
  );

  return (
    <div>
      <PointMap
        value={value}
        onChange={onChange ? (p) => onChange(p) : undefined}
        shapes={shapes}
        settings={settings}
        height={height}
        testId="wo-map"
      />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 6 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="wo-map-territory">
          {value
            ? `${value.lat.toFixed(5)}, ${value.lng.toFixed(5)} · ${
                hit
                  ? t('wo.map.inGrid', { name: hit.name })
                  : nearest
                    ? t('wo.map.nearCommunity', { name: nearest.name })
                    : t('wo.map.outside')
              }`
            : onChange
              ? t('wo.map.clickHint')
              : ''}
        </Typography.Text>
        {value && onChange ? (
          <Button size="small" type="link" onClick={() => onChange(null)}>
            {t('wo.map.clear')}
          </Button>
        ) : null}
      </Flex>
      {settings.layers.length ? null : (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
          {t('wo.map.noTiles')}
        </Typography.Text>
      )}
    </div>
  );
}
