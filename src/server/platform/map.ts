import {
  MAP_PROVIDERS,
  type MapCrs,
  type MapProvider,
  type MapSettings,
  NO_BASE_MAP,
} from '../../shared/geo/mapSettings';

/**
 * The base map from the environment (docs/OPERATIONS.md, "Maps"):
 * - `MAP_PROVIDER=tianditu` + `TIANDITU_KEY`: 天地图 vector map + Chinese annotation, Web Mercator tiles (`vec_w`,
 *   `cva_w`), CGCS2000 ≈ WGS-84, so shapes are drawn as stored.
 * - `MAP_PROVIDER=amap`: 高德 vector tiles, GCJ-02 (shapes converted for display, picked points converted back).
 * - `MAP_PROVIDER=xyz` + `MAP_TILES_URL` (any Leaflet template) and `MAP_TILES_CRS=wgs84|gcj02` (default wgs84),
 *   optional `MAP_TILES_SUBDOMAINS`, `MAP_TILES_ATTRIBUTION`.
 * - `MAP_PROVIDER=none`, or nothing set: no base map; boundaries are drawn on a blank background.
 * The older `TILES_URL` alone still works: it is an `xyz` provider in WGS-84.
 */
export function mapSettingsFromEnv(env: NodeJS.ProcessEnv): MapSettings {
  const legacy = env.TILES_URL?.trim() ?? '';
  const raw = (env.MAP_PROVIDER?.trim().toLowerCase() ||
    (env.MAP_TILES_URL || legacy ? 'xyz' : 'none')) as MapProvider;
  if (!MAP_PROVIDERS.includes(raw)) {
    throw new Error(`MAP_PROVIDER must be one of ${MAP_PROVIDERS.join(', ')} (got "${env.MAP_PROVIDER}")`);
  }
  if (raw === 'tianditu') {
    const key = env.TIANDITU_KEY?.trim();
    if (!key || !/^[A-Za-z0-9]+$/.test(key))
      throw new Error('MAP_PROVIDER=tianditu needs TIANDITU_KEY (the browser key from the Tianditu console)');
    return tiandituSettings(key);
  }
  if (raw === 'amap') return AMAP_SETTINGS;
  if (raw === 'xyz') {
    const url = (env.MAP_TILES_URL ?? legacy).trim();
    if (!url)
      throw new Error('MAP_PROVIDER=xyz needs MAP_TILES_URL (a Leaflet URL template with {z}/{x}/{y})');
    const crs = (env.MAP_TILES_CRS?.trim().toLowerCase() || 'wgs84') as MapCrs;
    if (crs !== 'wgs84' && crs !== 'gcj02') throw new Error('MAP_TILES_CRS must be wgs84 or gcj02');
    return xyzSettings(
      url,
      crs,
      env.MAP_TILES_SUBDOMAINS?.trim() || undefined,
      env.MAP_TILES_ATTRIBUTION?.trim() || undefined,
    );
  }
  return NO_BASE_MAP;
}

export function tiandituSettings(key: string): MapSettings {
  const layer = (t: 'vec_w' | 'cva_w') => ({
    url: `https://t{s}.tianditu.gov.cn/DataServer?T=${t}&x={x}&y={y}&l={z}&tk=${key}`,
    subdomains: '01234567',
    maxZoom: 18,
    attribution: '天地图',
  });
  return { provider: 'tianditu', crs: 'wgs84', layers: [layer('vec_w'), layer('cva_w')] };
}

export const AMAP_SETTINGS: MapSettings = {
  provider: 'amap',
  crs: 'gcj02',
  layers: [
    {
      url: 'https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}',
      subdomains: '1234',
      maxZoom: 18,
      attribution: '高德地图',
    },
  ],
};

export function xyzSettings(
  url: string,
  crs: MapCrs = 'wgs84',
  subdomains?: string,
  attribution?: string,
): MapSettings {
  return {
    provider: 'xyz',
    crs,
    layers: [{ url, maxZoom: 19, ...(subdomains && { subdomains }), ...(attribution && { attribution }) }],
  };
}

/** The settings an app runs with: `config.map` when given, else the older single `tilesUrl` (WGS-84). */
export function resolveMapSettings(config: { tilesUrl?: string; map?: MapSettings }): MapSettings {
  if (config.map) return config.map;
  return config.tilesUrl ? xyzSettings(config.tilesUrl) : NO_BASE_MAP;
}
