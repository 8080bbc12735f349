/**
 * The base map the web app draws under boundaries and points (issue 17 item 7), as the server
 * hands it out on `GET /api/config`. Plain types only: the phone entry may import this file.
 *
 * Data is always stored in WGS-84. `crs` is the coordinate system of the tiles: Tianditu's `_w`
 * tiles are CGCS2000 ≈ WGS-84 (Web Mercator, EPSG:3857), AMap's are GCJ-02, so on an AMap base every
 * shape is shifted into GCJ-02 for display and every point picked on it is shifted back before saving.
 */
export type MapCrs = 'wgs84' | 'gcj02';
export const MAP_PROVIDERS = ['none', 'tianditu', 'amap', 'xyz'] as const;
export type MapProvider = (typeof MAP_PROVIDERS)[number];

export interface MapTileLayer {
  /** Leaflet URL template ({s} {z} {x} {y}). */
  url: string;
  /** Letters or digits substituted for {s}. */
  subdomains?: string;
  maxZoom?: number;
  attribution?: string;
}

export interface MapSettings {
  provider: MapProvider;
  crs: MapCrs;
  /** Drawn bottom to top (Tianditu: the vector map, then its annotation layer). Empty: no base map. */
  layers: MapTileLayer[];
}

export const NO_BASE_MAP: MapSettings = { provider: 'none', crs: 'wgs84', layers: [] };
